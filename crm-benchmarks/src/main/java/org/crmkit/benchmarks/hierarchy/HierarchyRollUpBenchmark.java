package org.crmkit.benchmarks.hierarchy;

import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.Traverser;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.hierarchy.DoubleRollUp;
import org.crmkit.core.hierarchy.Hierarchy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sum of a value over every subtree of the 1,000,000-node random forest (the "group revenue of
 * every parent company" query), with its floors and the Guava forms, in the same run. The value
 * of a node is {@code value[key]} for its {@code Integer} key, so every variant that starts from
 * keys does the same per-node value work (dereference the key, read the value).
 *
 * <ul>
 *   <li>{@code crmkit}: {@link Hierarchy#sum}, one backward pass over the preorder arrays;
 *   <li>{@code floorArrayPass}: the floor for that work: the preorder keys and parent positions
 *       as bare arrays, each node's value read through its key into a {@code double[]}, then one
 *       backward pass adding each node's total to its parent's;
 *   <li>{@code floorFusedPass}: the same work in one backward pass (each node's value read
 *       through its key and added to what its descendants added, then the total added to its
 *       parent's), the loop {@code crmkit} runs, on bare arrays;
 *   <li>{@code crmkitSumByPosition}: {@link Hierarchy#sumByPosition}, the values already in a
 *       column by preorder position;
 *   <li>{@code floorPreorderValues}: the hardware floor: the values already laid out in preorder
 *       in a {@code double[]}, one backward pass (no key is dereferenced);
 *   <li>{@code guavaPrecomputedOrder}: a Guava user who computes the post-order of {@code
 *       Traverser.forTree(graph)} once ({@code guavaPrecomputeOrderBuild}, a build cost) into a
 *       key array and parent positions, then rolls up with the same array pass as the floor;
 *   <li>{@code guavaPostOrder}: the naive Guava form: one {@code depthFirstPostOrder} traversal
 *       per roll-up, totals boxed in a {@code HashMap};
 *   <li>{@code guavaReachablePerNode}: the direct Guava formulation, {@code
 *       Graphs.reachableNodes(graph, node)} summed for every node (O(Σ subtree sizes)); see
 *       {@link GuavaReachableRollUpBenchmark};
 *   <li>{@code naiveParentWalk}: every node adds its value to itself and to each ancestor by
 *       following a parent map (O(Σ depths)).
 * </ul>
 *
 * <p>At setup every variant's total for every node is checked against crmkit's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HierarchyRollUpBenchmark {
  @Param({"1000000"})
  int size;

  double[] value;
  Hierarchy<Integer> hierarchy;
  ImmutableGraph<Integer> graph;
  Iterable<Integer> roots;
  Map<Integer, Integer> parents;

  /** Preorder keys and parent positions (-1 for a root), copied out of the crmkit hierarchy. */
  Integer[] preorderKeys;
  int[] preorderParent;
  /** The values in preorder, for the hardware floor. */
  double[] preorderValues;

  /** The Guava user's precomputed post-order: keys, and the post-order position of the parent. */
  Integer[] postorderKeys;
  int[] postorderParent;
  Map<Integer, Integer> postorderIndex;

  @Setup
  public void setUp() {
    RandomForest forest = new RandomForest(size, 42);
    value = forest.value;
    hierarchy = forest.crmkit();
    graph = forest.guava();
    roots = forest.roots;
    parents = forest.naive();
    int n = hierarchy.size();
    preorderKeys = new Integer[n];
    preorderParent = new int[n];
    preorderValues = new double[n];
    for (int i = 0; i < n; i++) {
      preorderKeys[i] = hierarchy.nodeAt(i);
      preorderParent[i] = hierarchy.parentIndex(i);
      preorderValues[i] = value[preorderKeys[i]];
    }
    PostOrder order = guavaPrecomputeOrderBuild();
    postorderKeys = order.keys;
    postorderParent = order.parent;
    postorderIndex = order.index;
    checkAgreement();
  }

  private void checkAgreement() {
    DoubleRollUp<Integer> ours = crmkit();
    double[] floor = floorArrayPass();
    double[] fused = floorFusedPass();
    DoubleRollUp<Integer> byPosition = crmkitSumByPosition();
    double[] hw = floorPreorderValues();
    double[] guava = guavaPrecomputedOrder();
    Map<Integer, Double> post = guavaPostOrder();
    Map<Integer, Double> walk = naiveParentWalk();
    for (int i = 0; i < preorderKeys.length; i++) {
      Integer k = preorderKeys[i];
      double a = ours.get(k);
      same("floorArrayPass", k, a, floor[i]);
      same("floorFusedPass", k, a, fused[i]);
      same("crmkitSumByPosition", k, a, byPosition.getAt(i));
      same("floorPreorderValues", k, a, hw[i]);
      same("guavaPrecomputedOrder", k, a, guava[postorderIndex.get(k)]);
      same("guavaPostOrder", k, a, post.get(k));
      same("naiveParentWalk", k, a, walk.get(k));
    }
  }

  private static void same(String what, Integer node, double expected, double actual) {
    if (Math.abs(expected - actual) > 1e-9 * Math.max(1, Math.abs(expected))) {
      throw new IllegalStateException(what + " disagrees with crmkit at node " + node + ": "
          + actual + " vs " + expected);
    }
  }

  @Benchmark
  public DoubleRollUp<Integer> crmkit() {
    double[] v = value;
    return hierarchy.sum(k -> v[k]);
  }

  /** Floor with the same per-node value work: key → value, then a backward parent-array pass. */
  @Benchmark
  public double[] floorArrayPass() {
    Integer[] keys = preorderKeys;
    int[] parent = preorderParent;
    double[] v = value;
    int n = keys.length;
    double[] acc = new double[n];
    for (int i = 0; i < n; i++) {
      acc[i] = v[keys[i]];
    }
    for (int i = n - 1; i > 0; i--) {
      int p = parent[i];
      if (p >= 0) {
        acc[p] += acc[i];
      }
    }
    return acc;
  }

  /**
   * Floor with the same per-node value work in one backward pass: key → value added to what the
   * descendants added, then the total added to the parent's.
   */
  @Benchmark
  public double[] floorFusedPass() {
    Integer[] keys = preorderKeys;
    int[] parent = preorderParent;
    double[] v = value;
    int n = keys.length;
    double[] acc = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double total = acc[i] + v[keys[i]];
      acc[i] = total;
      int p = parent[i];
      if (p >= 0) {
        acc[p] += total;
      }
    }
    return acc;
  }

  /** crmkit with the values already in a column by preorder position. */
  @Benchmark
  public DoubleRollUp<Integer> crmkitSumByPosition() {
    return hierarchy.sumByPosition(preorderValues);
  }

  /** Hardware floor: values already in preorder, one backward parent-array pass. */
  @Benchmark
  public double[] floorPreorderValues() {
    int[] parent = preorderParent;
    double[] acc = preorderValues.clone();
    for (int i = acc.length - 1; i > 0; i--) {
      int p = parent[i];
      if (p >= 0) {
        acc[p] += acc[i];
      }
    }
    return acc;
  }

  /** The Guava user's post-order, computed once per graph (a build cost, reported apart). */
  static final class PostOrder {
    final Integer[] keys;
    final int[] parent;
    final Map<Integer, Integer> index;

    PostOrder(Integer[] keys, int[] parent, Map<Integer, Integer> index) {
      this.keys = keys;
      this.parent = parent;
      this.index = index;
    }
  }

  /**
   * Build cost of the precomputed Guava form: one {@code Traverser.forTree} post-order pass, a
   * key → position map, and each node's parent position (from {@code graph.predecessors}).
   */
  @Benchmark
  public PostOrder guavaPrecomputeOrderBuild() {
    int n = graph.nodes().size();
    Integer[] keys = new Integer[n];
    Map<Integer, Integer> index = new HashMap<>(n * 2);
    int k = 0;
    for (Integer node : Traverser.forTree(graph).depthFirstPostOrder(roots)) {
      keys[k] = node;
      index.put(node, k);
      k++;
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      Integer p = null;
      for (Integer pred : graph.predecessors(keys[i])) {
        p = pred;
      }
      parent[i] = p == null ? -1 : index.get(p);
    }
    return new PostOrder(keys, parent, index);
  }

  /** Guava with the order precomputed once: the array pass over the post-order. */
  @Benchmark
  public double[] guavaPrecomputedOrder() {
    Integer[] keys = postorderKeys;
    int[] parent = postorderParent;
    double[] v = value;
    int n = keys.length;
    double[] acc = new double[n];
    for (int i = 0; i < n; i++) {
      acc[i] += v[keys[i]]; // children (earlier in post-order) have already added into acc[i]
      int p = parent[i];
      if (p >= 0) {
        acc[p] += acc[i];
      }
    }
    return acc;
  }

  /** Naive Guava: a post-order traversal per roll-up, totals in a {@code HashMap}. */
  @Benchmark
  public Map<Integer, Double> guavaPostOrder() {
    Map<Integer, Double> total = new HashMap<>(graph.nodes().size() * 2);
    for (Integer node : Traverser.forTree(graph).depthFirstPostOrder(roots)) {
      double sum = value[node];
      for (Integer child : graph.successors(node)) {
        sum += total.get(child);
      }
      total.put(node, sum);
    }
    return total;
  }

  @Benchmark
  public Map<Integer, Double> naiveParentWalk() {
    Map<Integer, Double> total = new HashMap<>(parents.size() * 2);
    for (Map.Entry<Integer, Integer> e : parents.entrySet()) {
      double v = value[e.getKey()];
      total.merge(e.getKey(), v, Double::sum);
      for (Integer p = e.getValue(); p != null; p = parents.get(p)) {
        total.merge(p, v, Double::sum);
      }
    }
    return total;
  }

  /**
   * Guava's per-node formulation. Measured at 100,000 nodes as well because it is O(Σ subtree
   * sizes); see {@link GuavaReachableRollUpBenchmark}.
   */
  static Map<Integer, Double> guavaReachablePerNode(ImmutableGraph<Integer> graph, double[] value) {
    Map<Integer, Double> total = new HashMap<>(graph.nodes().size() * 2);
    for (Integer node : graph.nodes()) {
      double sum = 0;
      for (Integer d : Graphs.reachableNodes(graph, node)) {
        sum += value[d];
      }
      total.put(node, sum);
    }
    return total;
  }
}

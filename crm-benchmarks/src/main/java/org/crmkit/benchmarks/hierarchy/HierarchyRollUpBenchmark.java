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
 * every parent company" query). Target: crmkit under 50 ms and at least 10× Guava.
 *
 * <ul>
 *   <li>{@code crmkit}: {@link Hierarchy#sum}, one backward pass over the preorder arrays;
 *   <li>{@code guavaPostOrder}: the best a Guava user would write: one {@code
 *       Traverser.forTree(graph).depthFirstPostOrder(roots)} pass, each node's total being its
 *       value plus its successors' totals from a {@code HashMap};
 *   <li>{@code guavaReachablePerNode}: the direct Guava formulation, {@code
 *       Graphs.reachableNodes(graph, node)} summed for every node (O(Σ subtree sizes));
 *   <li>{@code naiveParentWalk}: every node adds its value to itself and to each ancestor by
 *       following a parent map (O(Σ depths)).
 * </ul>
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

  @Setup
  public void setUp() {
    RandomForest forest = new RandomForest(size, 42);
    value = forest.value;
    hierarchy = forest.crmkit();
    graph = forest.guava();
    roots = forest.roots;
    parents = forest.naive();
    Integer probe = forest.roots.get(0);
    double a = crmkit().get(probe);
    double b = guavaPostOrder().get(probe);
    double c = naiveParentWalk().get(probe);
    if (Math.abs(a - b) > 1e-6 * Math.abs(a) || Math.abs(a - c) > 1e-6 * Math.abs(a)) {
      throw new IllegalStateException("implementations disagree: " + a + ", " + b + ", " + c);
    }
  }

  @Benchmark
  public DoubleRollUp<Integer> crmkit() {
    double[] v = value;
    return hierarchy.sum(k -> v[k]);
  }

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

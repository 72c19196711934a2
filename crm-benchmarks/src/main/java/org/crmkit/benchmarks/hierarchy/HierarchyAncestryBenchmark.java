package org.crmkit.benchmarks.hierarchy;

import com.google.common.collect.Iterables;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.Traverser;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * One {@code isAncestorOf(a, b)} query on the 1,000,000-node random forest, cycling through
 * {@code queries} precomputed pairs (half true ancestors, half random pairs). Target: crmkit under
 * 20 ns and at least 10× Guava. With 65,536 pairs the touched nodes are spread over the whole
 * forest and every lookup misses the CPU caches (a random access pattern); with 1,024 pairs they
 * stay cached, as when a service checks the same managers and units again and again.
 *
 * <ul>
 *   <li>{@code crmkit}: {@link Hierarchy#isAncestorOf}, two key lookups and an interval test;
 *   <li>{@code crmkitPositions}: {@link Hierarchy#isAncestorAt} on preorder positions looked up
 *       once in advance (what an engine that compiles its own index does);
 *   <li>{@code hashMapPositions}: the same interval test with the key lookups done by a {@code
 *       java.util.HashMap} from key to preorder position: the cost of two key lookups with the
 *       JDK's map, for scale;
 *   <li>{@code guava}: walking up with {@code Traverser.forTree(graph::predecessors)} from {@code
 *       b} and looking for {@code a}, as a Guava user would write it (O(depth));
 *   <li>{@code naiveParentWalk}: following a parent map (O(depth)).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HierarchyAncestryBenchmark {
  @Param({"1000000"})
  int size;

  /** The number of distinct query pairs cycled through; a power of two. */
  @Param({"1024", "65536"})
  int queries;

  Hierarchy<Integer> hierarchy;
  ImmutableGraph<Integer> graph;
  Traverser<Integer> upwards;
  Map<Integer, Integer> parents;
  Map<Integer, Integer> positions;
  Integer[] ancestor;
  Integer[] node;
  int[] ancestorPosition;
  int[] nodePosition;
  int next;

  @Setup
  public void setUp() {
    RandomForest forest = new RandomForest(size, 42);
    hierarchy = forest.crmkit();
    graph = forest.guava();
    upwards = Traverser.forTree(graph::predecessors);
    parents = forest.naive();
    positions = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      positions.put(hierarchy.nodeAt(i), i);
    }
    Integer[][] q = forest.ancestryQueries(queries, 7);
    ancestor = q[0];
    node = q[1];
    ancestorPosition = new int[queries];
    nodePosition = new int[queries];
    int agree = 0;
    for (int i = 0; i < queries; i++) {
      ancestorPosition[i] = hierarchy.indexOf(ancestor[i]);
      nodePosition[i] = hierarchy.indexOf(node[i]);
      boolean expected = naiveIsAncestor(ancestor[i], node[i]);
      if (hierarchy.isAncestorOf(ancestor[i], node[i]) == expected
          && hashMapIsAncestor(ancestor[i], node[i]) == expected
          && guavaIsAncestor(ancestor[i], node[i]) == expected) {
        agree++;
      }
    }
    if (agree != queries) {
      throw new IllegalStateException("implementations disagree on " + (queries - agree) + " queries");
    }
  }

  private int nextQuery() {
    int q = next;
    next = (q + 1) & (queries - 1);
    return q;
  }

  private boolean guavaIsAncestor(Integer a, Integer b) {
    return !a.equals(b) && Iterables.contains(upwards.depthFirstPreOrder(b), a);
  }

  private boolean hashMapIsAncestor(Integer a, Integer b) {
    return hierarchy.isAncestorAt(positions.get(a), positions.get(b));
  }

  private boolean naiveIsAncestor(Integer a, Integer b) {
    for (Integer p = parents.get(b); p != null; p = parents.get(p)) {
      if (p.equals(a)) {
        return true;
      }
    }
    return false;
  }

  @Benchmark
  public boolean crmkit() {
    int q = nextQuery();
    return hierarchy.isAncestorOf(ancestor[q], node[q]);
  }

  @Benchmark
  public boolean crmkitPositions() {
    int q = nextQuery();
    return hierarchy.isAncestorAt(ancestorPosition[q], nodePosition[q]);
  }

  @Benchmark
  public boolean hashMapPositions() {
    int q = nextQuery();
    return hashMapIsAncestor(ancestor[q], node[q]);
  }

  @Benchmark
  public boolean guava() {
    int q = nextQuery();
    return guavaIsAncestor(ancestor[q], node[q]);
  }

  @Benchmark
  public boolean naiveParentWalk() {
    int q = nextQuery();
    return naiveIsAncestor(ancestor[q], node[q]);
  }
}

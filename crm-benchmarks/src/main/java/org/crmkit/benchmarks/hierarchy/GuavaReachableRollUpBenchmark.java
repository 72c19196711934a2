package org.crmkit.benchmarks.hierarchy;

import com.google.common.graph.ImmutableGraph;
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
 * All-subtree roll-up the direct Guava way, {@code Graphs.reachableNodes(graph, node)} for every
 * node, which is O(Σ subtree sizes): at 100,000 and 1,000,000 nodes, with crmkit alongside at the
 * same sizes. One Guava operation takes tens of seconds at 1,000,000 nodes (about 35 s in a smoke
 * run on a loaded machine), hence single-shot iterations and one warm-up: the class runs in about
 * 2.5 minutes. At setup the two agree on 200 random nodes. This is Guava's naive formulation; the
 * recommended one (the order precomputed once) is in {@link HierarchyRollUpBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class GuavaReachableRollUpBenchmark {
  @Param({"100000", "1000000"})
  int size;

  double[] value;
  Hierarchy<Integer> hierarchy;
  ImmutableGraph<Integer> graph;

  @Setup
  public void setUp() {
    RandomForest forest = new RandomForest(size, 42);
    value = forest.value;
    hierarchy = forest.crmkit();
    graph = forest.guava();
    // agreement on 200 random nodes (the full Guava roll-up takes tens of seconds at 1M nodes)
    DoubleRollUp<Integer> ours = crmkit();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 200; i++) {
      Integer node = hierarchy.nodeAt(random.nextInt(size));
      double sum = 0;
      for (Integer d : com.google.common.graph.Graphs.reachableNodes(graph, node)) {
        sum += value[d];
      }
      if (Math.abs(sum - ours.get(node)) > 1e-9 * Math.max(1, Math.abs(sum))) {
        throw new IllegalStateException("Guava and crmkit disagree at node " + node + ": " + sum
            + " vs " + ours.get(node));
      }
    }
  }

  @Benchmark
  public Map<Integer, Double> guavaReachablePerNode() {
    return HierarchyRollUpBenchmark.guavaReachablePerNode(graph, value);
  }

  @Benchmark
  public DoubleRollUp<Integer> crmkit() {
    double[] v = value;
    return hierarchy.sum(k -> v[k]);
  }
}

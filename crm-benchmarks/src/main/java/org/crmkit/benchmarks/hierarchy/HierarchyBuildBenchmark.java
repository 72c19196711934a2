package org.crmkit.benchmarks.hierarchy;

import com.google.common.graph.ImmutableGraph;
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
 * Building the 1,000,000-node random forest from (node, parent) rows in random order: crmkit's
 * validated, compiled {@link Hierarchy}; Guava's {@link ImmutableGraph}; a naive parent map.
 * Target: crmkit under 1 s. Guava and the naive map do no validation (no cycle, orphan or
 * duplicate check), so they are a lower bound rather than an equal peer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HierarchyBuildBenchmark {
  @Param({"1000000"})
  int size;

  RandomForest forest;

  @Setup
  public void setUp() {
    forest = new RandomForest(size, 42);
  }

  @Benchmark
  public Hierarchy<Integer> crmkit() {
    return forest.crmkit();
  }

  @Benchmark
  public ImmutableGraph<Integer> guava() {
    return forest.guava();
  }

  @Benchmark
  public Map<Integer, Integer> naiveParentMap() {
    return forest.naive();
  }
}

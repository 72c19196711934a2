package org.crmkit.benchmarks.hierarchy;

import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.hierarchy.DatedHierarchy;
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
 * Validating and building an effective-dated hierarchy: {@code nodes} nodes in a random recursive
 * tree, of which {@code moves} change parent, each on its own day (so {@code moves} change dates
 * and {@code moves + 1} slices). Every slice is validated; beyond the retention budget, slices are
 * checked from their changes rather than compiled one by one.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DatedHierarchyBuildBenchmark {
  @Param({"1000000"})
  int nodes;

  @Param({"100", "10000"})
  int moves;

  DatedHierarchy.Builder<Integer> builder;

  @Setup
  public void setUp() {
    Random random = new Random(5);
    Integer[] keys = new Integer[nodes];
    for (int i = 0; i < nodes; i++) {
      keys[i] = i;
    }
    LocalDate day = LocalDate.of(2020, 1, 1);
    builder = DatedHierarchy.builder();
    builder.root(keys[0]);
    for (int i = 1; i < nodes; i++) {
      Integer parent = keys[random.nextInt(i)];
      if (i <= moves) {
        // node i moves from one earlier node to another on day i (parents stay earlier: no cycle)
        builder.child(parent, keys[i], null, day.plusDays(i));
        builder.child(keys[random.nextInt(i)], keys[i], day.plusDays(i), null);
      } else {
        builder.child(parent, keys[i]);
      }
    }
  }

  @Benchmark
  public DatedHierarchy<Integer> build() {
    return builder.build();
  }
}

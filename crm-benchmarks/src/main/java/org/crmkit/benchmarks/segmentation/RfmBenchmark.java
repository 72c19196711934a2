package org.crmkit.benchmarks.segmentation;

import java.util.concurrent.TimeUnit;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.RfmTable;
import org.crmkit.segmentation.rfm.TransactionColumns;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * crmkit RFM on column-wise transactions: aggregate per customer, score R, F and M (TIES_SHARE, 5
 * tiles) and assign the standard 10-segment map, in one call. The fork runs with a 1 GiB heap to
 * prove the memory target; compare with {@link DuckDbRfmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RfmBenchmark {
  @Param("1000000")
  int customers;

  @Param("10000000")
  int transactions;

  TransactionColumns columns;
  RfmScorer scorer;
  SegmentRules segments;

  @Setup(Level.Trial)
  public void setUp() {
    columns = RfmData.generate(customers, transactions);
    scorer = RfmScorer.defaults();
    segments = BuiltinSegments.standard10();
  }

  /** Aggregate + score + segment: returns the segment indices per customer. */
  @Benchmark
  public int[] aggregateScoreSegment() {
    RfmTable table = scorer.score(columns, RfmData.AS_OF);
    return segments.assign(table);
  }
}

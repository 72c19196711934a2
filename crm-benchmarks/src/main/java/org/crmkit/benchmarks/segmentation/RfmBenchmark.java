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
 *
 * <p>Floors in the same run: {@code floorReadColumnsOnce} reads the three columns once and
 * aggregates them into per-customer arrays (last day, count, sum), the memory floor of the
 * aggregation; {@code floorReadColumnsAndSort} adds a primitive sort of each of the three
 * aggregate columns, the floor of aggregate-and-rank without ties handling or segments.
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
    // the floor's aggregates must be crmkit's
    RfmTable table = scorer.score(columns, RfmData.AS_OF);
    double[][] agg = aggregate(columns, customers, (int) RfmData.AS_OF.toEpochDay());
    for (int i = 0; i < customers; i++) {
      if (table.isScored(i) && (table.recencyDays(i) != agg[0][i]
          || table.frequency(i) != agg[1][i] || table.monetary(i) != agg[2][i])) {
        throw new IllegalStateException("floor aggregate differs from crmkit at customer " + i
            + ": " + agg[0][i] + "/" + agg[1][i] + "/" + agg[2][i] + " vs "
            + table.recencyDays(i) + "/" + table.frequency(i) + "/" + table.monetary(i));
      }
    }
  }

  /** Floor: one pass over the columns into per-customer last day, count and sum. */
  @Benchmark
  public double floorReadColumnsOnce() {
    return aggregate(columns, customers, (int) RfmData.AS_OF.toEpochDay())[0].length;
  }

  /** Floor: the aggregation pass plus a primitive sort of each aggregate column. */
  @Benchmark
  public double floorReadColumnsAndSort() {
    double[][] agg = aggregate(columns, customers, (int) RfmData.AS_OF.toEpochDay());
    for (double[] column : agg) {
      java.util.Arrays.sort(column);
    }
    return agg[0][0] + agg[1][0] + agg[2][0];
  }

  /** Per customer: days since the last purchase, purchase count, total amount. */
  static double[][] aggregate(TransactionColumns t, int customers, int asOf) {
    int[] last = new int[customers];
    java.util.Arrays.fill(last, Integer.MIN_VALUE);
    double[] count = new double[customers];
    double[] sum = new double[customers];
    for (int i = 0, n = t.size(); i < n; i++) {
      int day = t.day(i);
      if (day <= asOf) {
        int c = t.customer(i);
        if (day > last[c]) {
          last[c] = day;
        }
        count[c]++;
        sum[c] += t.amount(i);
      }
    }
    double[] recency = new double[customers];
    for (int c = 0; c < customers; c++) {
      recency[c] = last[c] == Integer.MIN_VALUE ? Double.POSITIVE_INFINITY : asOf - last[c];
    }
    return new double[][] {recency, count, sum};
  }

  /** Aggregate + score + segment: returns the segment indices per customer. */
  @Benchmark
  public int[] aggregateScoreSegment() {
    RfmTable table = scorer.score(columns, RfmData.AS_OF);
    return segments.assign(table);
  }
}

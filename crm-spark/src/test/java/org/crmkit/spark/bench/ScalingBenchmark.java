package org.crmkit.spark.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.rfm.CutPoint;
import org.crmkit.segmentation.rfm.RfmHistogram;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.RfmTable;
import org.crmkit.segmentation.rfm.TransactionColumns;
import org.crmkit.spark.rfm.SparkRfm;

/**
 * The scaling benchmark (a main program, not JMH: each job runs for seconds): exact TIES_SHARE RFM
 * over deterministic Parquet transactions, by crmkit on one machine (columns loaded through
 * DuckDB, then {@link RfmScorer}), by crm-spark on Spark local[2], and by DuckDB (aggregates and
 * per-value counts in SQL, crmkit's cut points from the counts, scores in SQL), on the same files;
 * wall and process CPU time and the load average printed per run, answers checked equal.
 *
 * <pre>
 * java -cp ... org.crmkit.spark.bench.ScalingBenchmark /tmp/crmkit-bench 1000000 10000000
 * </pre>
 *
 * <p>{@code -Dscaling.jobs=sparkNoop} runs only some of the jobs (the checks need crmkit's).
 */
public final class ScalingBenchmark {
  static final LocalDate AS_OF = LocalDate.of(1998, 7, 1);
  /** The jobs to run ({@code -Dscaling.jobs=crmkit,spark,sparkNoop,duckdb}, the default). */
  static final List<String> JOBS = List.of(
      System.getProperty("scaling.jobs", "crmkit,spark,sparkNoop,duckdb").split(","));

  private ScalingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/crmkit-bench");
    long[] sizes = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToLong(Long::parseLong).toArray()
        : new long[] {1_000_000};
    Files.createDirectories(dir);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("crmkit-bench")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    System.out.printf("machine: %d cores, %s %s, max heap %d MiB%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    for (long n : sizes) {
      Path file = dir.resolve("tx-" + n + ".parquet");
      if (!Files.exists(file)) {
        generate(spark, n, file);
      }
      for (int round = 1; round <= 2; round++) {
        Map<String, double[]> single = JOBS.contains("crmkit")
            ? measure("crmkit single-machine", n, round, () -> crmkit(file)) : null;
        Map<String, double[]> onSpark = JOBS.contains("spark")
            ? measure("Spark local[2] (crm-spark)", n, round, () -> spark(spark, file)) : null;
        if (JOBS.contains("sparkNoop")) {
          measure("Spark local[2], noop sink", n, round, () -> sparkToNoopSink(spark, file));
        }
        Map<String, double[]> duck = JOBS.contains("duckdb")
            ? measure("DuckDB (2 threads) + crmkit cut points", n, round, () -> duckdb(file))
            : null;
        if (single != null && onSpark != null) {
          check("Spark", single, onSpark);
        }
        if (single != null && duck != null) {
          check("DuckDB", single, duck);
        }
      }
    }
    spark.stop();
  }

  interface Job {
    Map<String, double[]> run() throws Exception;
  }

  static Map<String, double[]> measure(String what, long n, int round, Job job) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    Map<String, double[]> out = job.run();
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf("%-40s n=%,13d round %d: wall %7.2f s, cpu %7.2f s, %6.2f s wall per 10^6 tx,"
            + " load %.2f -> %.2f%n", what, n, round, wall, cpu, wall / (n / 1e6), loadBefore,
        os.getSystemLoadAverage());
    return out;
  }

  /**
   * Scores, recency and frequency must be equal; monetary values within 1e-9 (crmkit on one
   * machine adds the amounts as doubles, the others add exact decimals: they can differ in the
   * last bits, most where returns cancel purchases).
   */
  static void check(String who, Map<String, double[]> expected, Map<String, double[]> actual) {
    if (expected.size() != actual.size()) {
      throw new AssertionError(who + ": " + actual.size() + " customers, expected " + expected.size());
    }
    int differ = 0;
    int lastBits = 0;
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      double[] x = e.getValue();
      double[] y = actual.get(e.getKey());
      boolean same = y != null;
      for (int i = 0; same && i < x.length; i++) {
        same = i == 2 ? Math.abs(x[i] - y[i]) <= 1e-9 : x[i] == y[i];
      }
      if (!same && differ++ < 3) {
        System.out.println("  " + who + " differs at " + e.getKey() + ": "
            + Arrays.toString(x) + " vs " + Arrays.toString(y));
      }
      if (same && x[2] != y[2]) {
        lastBits++;
      }
    }
    if (differ > 0) {
      throw new AssertionError(who + ": " + differ + " customers differ");
    }
    System.out.printf("  %s: scores equal on %,d customers; %,d monetary values differ from"
        + " crmkit's double sums in the last bits (< 1e-9)%n", who, expected.size(), lastBits);
  }

  /** n transactions of n / 10 customers over 900 days, amounts in cents, one in 12 a return. */
  static void generate(SparkSession spark, long n, Path file) {
    long customers = Math.max(1, n / 10);
    Dataset<Row> tx = spark.range(n).select(
        format_string("c%09d", pmod(xxhash64(col("id"), lit(1)), lit(customers))).as("customer_id"),
        date_add(lit(java.sql.Date.valueOf("1996-01-01")),
            pmod(xxhash64(col("id"), lit(2)), lit(900L)).cast(DataTypes.IntegerType)).as("date"),
        when(pmod(xxhash64(col("id"), lit(3)), lit(12L)).equalTo(0),
            abs(pmod(xxhash64(col("id"), lit(4)), lit(5000L))).multiply(-1))
            .otherwise(pmod(xxhash64(col("id"), lit(4)), lit(50000L)))
            .divide(100).cast(DataTypes.createDecimalType(12, 2)).as("amount"));
    tx.repartition(8).write().parquet(file.toString());
  }

  static Map<String, double[]> crmkit(Path file) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = db.createStatement()) {
      s.execute("SET threads TO 2");
      Map<String, Integer> index = new HashMap<>();
      List<String> ids = new java.util.ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT DISTINCT customer_id FROM read_parquet('"
          + file + "/*.parquet') ORDER BY customer_id")) {
        while (r.next()) {
          index.put(r.getString(1), ids.size());
          ids.add(r.getString(1));
        }
      }
      ids.sort(null);   // crmkit's order (String.compareTo); the ids are ASCII
      for (int i = 0; i < ids.size(); i++) {
        index.put(ids.get(i), i);
      }
      TransactionColumns.Builder b = TransactionColumns.builder(ids.size(),
          i -> CustomerId.of(ids.get(i)), 1 << 20);
      try (ResultSet r = s.executeQuery("SELECT customer_id, date, CAST(amount AS DOUBLE) FROM "
          + "read_parquet('" + file + "/*.parquet')")) {
        while (r.next()) {
          b.add(index.get(r.getString(1)), r.getObject(2, LocalDate.class), r.getDouble(3));
        }
      }
      RfmTable t = RfmScorer.defaults().score(b.build(), AS_OF);
      Map<String, double[]> out = new HashMap<>();
      for (int i = 0; i < t.customerCount(); i++) {
        if (t.isScored(i)) {
          out.put(ids.get(i), new double[] {t.recencyDays(i), t.frequency(i),
              t.monetary(i), t.r(i), t.f(i), t.m(i)});
        }
      }
      return out;
    }
  }

  /**
   * The same Spark job with its scores written to Spark's {@code noop} sink instead of collected
   * on the driver for the check: what a pipeline writing its scores back to the lake pays, and
   * the basis of the per-core throughput in docs/architecture.md's projection.
   */
  static Map<String, double[]> sparkToNoopSink(SparkSession spark, Path file) {
    SparkRfm rfm = SparkRfm.builder().build();
    Dataset<Row> aggregates = rfm.aggregates(spark.read().parquet(file.toString()), AS_OF).cache();
    RfmModel model = rfm.fit(aggregates, AS_OF);
    rfm.score(aggregates, model).write().format("noop").mode("overwrite").save();
    aggregates.unpersist();
    return Map.of();
  }

  static Map<String, double[]> spark(SparkSession spark, Path file) {
    SparkRfm rfm = SparkRfm.builder().build();
    Dataset<Row> aggregates = rfm.aggregates(spark.read().parquet(file.toString()), AS_OF).cache();
    RfmModel model = rfm.fit(aggregates, AS_OF);
    Map<String, double[]> out = new HashMap<>();
    for (Row r : rfm.score(aggregates, model).select("customer_id", "recency_days", "frequency",
        "monetary", "r", "f", "m").collectAsList()) {
      out.put(r.getString(0), new double[] {r.getInt(1), r.getInt(2), r.getDouble(3),
          r.getInt(4), r.getInt(5), r.getInt(6)});
    }
    aggregates.unpersist();
    return out;
  }

  static Map<String, double[]> duckdb(Path file) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = db.createStatement()) {
      s.execute("SET threads TO 2");
      s.execute("CREATE TEMP TABLE agg AS SELECT customer_id, DATE '" + AS_OF
          + "' - max(date) AS recency_days, CAST(count(*) AS INTEGER) AS frequency,"
          + " CAST(sum(amount) AS DOUBLE) AS monetary FROM read_parquet('" + file
          + "/*.parquet') WHERE date <= DATE '" + AS_OF + "' GROUP BY customer_id");
      RfmModel model = RfmScorer.defaults().fit(AS_OF, histogram(s, "recency_days"),
          histogram(s, "frequency"), histogram(s, "monetary"), (d, v, k) -> {
            throw new AssertionError("TIES_SHARE needs no tie-break");
          });
      String sql = "SELECT customer_id, recency_days, frequency, monetary, "
          + scoreSql("recency_days", model.recencyCuts(), true) + ", "
          + scoreSql("frequency", model.frequencyCuts(), false) + ", "
          + scoreSql("monetary", model.monetaryCuts(), false) + " FROM agg";
      Map<String, double[]> out = new HashMap<>();
      try (ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          out.put(r.getString(1), new double[] {r.getInt(2), r.getInt(3),
              r.getDouble(4), r.getInt(5), r.getInt(6), r.getInt(7)});
        }
      }
      return out;
    }
  }

  static RfmHistogram histogram(Statement s, String column) throws Exception {
    List<double[]> rows = new java.util.ArrayList<>();
    try (ResultSet r = s.executeQuery("SELECT CAST(" + column + " AS DOUBLE), count(*) FROM agg"
        + " GROUP BY 1")) {
      while (r.next()) {
        rows.add(new double[] {r.getDouble(1), r.getLong(2)});
      }
    }
    double[] v = new double[rows.size()];
    long[] c = new long[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = rows.get(i)[0];
      c[i] = (long) rows.get(i)[1];
    }
    return RfmHistogram.of(v, c);
  }

  /** CASE over the cut points, highest score first (TIES_SHARE: no tie-break). */
  static String scoreSql(String column, List<CutPoint> cuts, boolean recency) {
    StringBuilder sb = new StringBuilder("CASE");
    for (int i = cuts.size() - 1; i >= 0; i--) {
      CutPoint c = cuts.get(i);
      sb.append(" WHEN ").append(column).append(recency ? " <= " : " >= ")
          .append(Double.toString(c.value())).append(" THEN ").append(c.score());
    }
    return sb.append(" ELSE 1 END").toString();
  }
}

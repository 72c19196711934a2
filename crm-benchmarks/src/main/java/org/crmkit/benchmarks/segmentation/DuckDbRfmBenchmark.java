package org.crmkit.benchmarks.segmentation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.RfmTable;
import org.crmkit.segmentation.rfm.TransactionColumns;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DuckDB (in-process, in-memory) computing the same RFM scores and segments as {@link
 * RfmBenchmark} with SQL window functions: TIES_SHARE is {@code 1 + 5 × (rank() − 1) / N} (rank − 1
 * is the number of strictly worse customers), the 10-segment map a CASE on R and F. The data are
 * loaded once per trial with the appender; each invocation materialises the per-customer result
 * as a table. Two forms, both checked equal to crmkit's scores at setup (a checksum over every
 * customer):
 *
 * <ul>
 *   <li>{@code run} (naive): {@code count(*) OVER ()} written in each of the three score
 *       expressions and the segment as its name (a string per customer);
 *   <li>{@code countOnceIntCodes} (what an analyst would write, and what crmkit returns): the
 *       customer count computed once in its own CTE and the segment as an int code, the index
 *       of the segment in {@code BuiltinSegments.standard10()} (checked equal to crmkit's
 *       {@code assign} too).
 * </ul>
 *
 * DuckDB runs on {@code threads} worker threads (2, the machine's cores); crmkit is
 * single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DuckDbRfmBenchmark {
  @Param("1000000")
  int customers;

  @Param("10000000")
  int transactions;

  /** DuckDB worker threads (the target machine has 2 cores). */
  @Param("2")
  int threads;

  Connection connection;
  String sql;
  String analystSql;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    TransactionColumns columns = RfmData.generate(customers, transactions);
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("CREATE TABLE tx (customer INTEGER, day INTEGER, amount DOUBLE)");
    }
    try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender(
        DuckDBConnection.DEFAULT_SCHEMA, "tx")) {
      for (int i = 0; i < columns.size(); i++) {
        a.beginRow();
        a.append(columns.customer(i));
        a.append(columns.day(i));
        a.append(columns.amount(i));
        a.endRow();
      }
    }
    int asOf = (int) RfmData.AS_OF.toEpochDay();
    sql = "CREATE OR REPLACE TEMP TABLE scores AS "
        + "WITH agg AS (SELECT customer, " + asOf + " - max(day) AS recency, count(*) AS frequency,"
        + " sum(amount) AS monetary FROM tx WHERE day <= " + asOf + " GROUP BY customer),"
        + " sc AS (SELECT customer, recency, frequency, monetary,"
        + " 1 + (5 * (rank() OVER (ORDER BY recency DESC) - 1)) // count(*) OVER () AS r,"
        + " 1 + (5 * (rank() OVER (ORDER BY frequency) - 1)) // count(*) OVER () AS f,"
        + " 1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) // count(*) OVER () AS m FROM agg)"
        + " SELECT customer, recency, frequency, monetary, r, f, m, CASE"
        + " WHEN r <= 2 AND f <= 2 THEN 'Hibernating' WHEN r <= 2 AND f <= 4 THEN 'At Risk'"
        + " WHEN r <= 2 THEN 'Can''t Lose' WHEN r = 3 AND f <= 2 THEN 'About to Sleep'"
        + " WHEN r = 3 AND f = 3 THEN 'Need Attention' WHEN r <= 4 AND f >= 4 THEN 'Loyal Customers'"
        + " WHEN r = 4 AND f = 1 THEN 'Promising' WHEN r = 5 AND f = 1 THEN 'New Customers'"
        + " WHEN f <= 3 THEN 'Potential Loyalists' ELSE 'Champions' END AS segment FROM sc";
    SegmentRules standard = BuiltinSegments.standard10();
    java.util.function.ToIntFunction<String> code = name -> {
      int i = standard.segments().indexOf(name);
      if (i < 0) {
        throw new IllegalStateException("no segment " + name);
      }
      return i;
    };
    analystSql = "CREATE OR REPLACE TEMP TABLE scores AS "
        + "WITH agg AS (SELECT customer, " + asOf + " - max(day) AS recency, count(*) AS frequency,"
        + " sum(amount) AS monetary FROM tx WHERE day <= " + asOf + " GROUP BY customer),"
        + " total AS (SELECT count(*) AS n FROM agg),"
        + " sc AS (SELECT customer, recency, frequency, monetary,"
        + " 1 + (5 * (rank() OVER (ORDER BY recency DESC) - 1)) // n AS r,"
        + " 1 + (5 * (rank() OVER (ORDER BY frequency) - 1)) // n AS f,"
        + " 1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) // n AS m FROM agg, total)"
        + " SELECT customer, recency, frequency, monetary, r, f, m, CAST(CASE"
        + " WHEN r <= 2 AND f <= 2 THEN " + code.applyAsInt("Hibernating")
        + " WHEN r <= 2 AND f <= 4 THEN " + code.applyAsInt("At Risk")
        + " WHEN r <= 2 THEN " + code.applyAsInt("Can't Lose")
        + " WHEN r = 3 AND f <= 2 THEN " + code.applyAsInt("About to Sleep")
        + " WHEN r = 3 AND f = 3 THEN " + code.applyAsInt("Need Attention")
        + " WHEN r <= 4 AND f >= 4 THEN " + code.applyAsInt("Loyal Customers")
        + " WHEN r = 4 AND f = 1 THEN " + code.applyAsInt("Promising")
        + " WHEN r = 5 AND f = 1 THEN " + code.applyAsInt("New Customers")
        + " WHEN f <= 3 THEN " + code.applyAsInt("Potential Loyalists")
        + " ELSE " + code.applyAsInt("Champions") + " END AS TINYINT) AS segment FROM sc";
    verifySameScores(columns);
  }

  private void verifySameScores(TransactionColumns columns) throws SQLException {
    RfmTable ours = RfmScorer.defaults().score(columns, RfmData.AS_OF);
    long expected = RfmData.checksum(customers, i -> 100 * ours.r(i) + 10 * ours.f(i) + ours.m(i));
    int[] segment = BuiltinSegments.standard10().assign(ours);
    long expectedSegments = RfmData.checksum(customers, i -> segment[i]);
    run();
    check("naive", "100 * r + 10 * f + m", expected);
    countOnceIntCodes();
    check("count once, int codes", "100 * r + 10 * f + m", expected);
    check("count once, int codes (segments)", "segment", expectedSegments);
  }

  private void check(String form, String code, long expected) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT sum((" + code + ")::HUGEINT * (customer + 1))::BIGINT FROM scores")) {
      rs.next();
      long duck = rs.getLong(1);
      if (duck != expected) {
        throw new IllegalStateException("DuckDB (" + form + ") and crmkit differ: checksum "
            + duck + " vs " + expected);
      }
    }
  }

  /**
   * The analyst's form: the customer count once, segments as int codes, as crmkit returns them.
   */
  @Benchmark
  public int countOnceIntCodes() throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeUpdate(analystSql);
    }
  }

  /** Naive: aggregate + score + segment names in SQL, materialised as a table. */
  @Benchmark
  public int run() throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    connection.close();
  }
}

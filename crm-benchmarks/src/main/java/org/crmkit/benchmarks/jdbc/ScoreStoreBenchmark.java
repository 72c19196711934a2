package org.crmkit.benchmarks.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crmkit.core.model.CustomerId;
import org.crmkit.jdbc.Migrations;
import org.crmkit.jdbc.ScoreStore;
import org.crmkit.segmentation.rfm.RfmScore;
import org.h2.jdbcx.JdbcDataSource;
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
 * The nightly scoring write: {@code scores} RFM scores stored in one transaction on an H2 file
 * database (issue #15's target: 10^6 in under 30 s). {@link #scoreStore} is crm-jdbc's {@link
 * ScoreStore#saveRfm}; {@link #bareJdbcBatch} is the floor, the same INSERT batched by hand with
 * the same batch size and one commit. Each invocation writes into a fresh database file (created
 * and migrated in the per-invocation setup, not timed); after it the row count is checked.
 *
 * <p>Single-shot: one invocation is one nightly run. Run the target size with {@code java -jar
 * crm-benchmarks/target/benchmarks.jar ScoreStoreBenchmark}; a smoke run with {@code -p
 * scores=10000 -f 0 -wi 0 -i 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ScoreStoreBenchmark {
  @Param("1000000")
  int scores;

  List<RfmScore> run;
  Path dir;
  JdbcDataSource dataSource;

  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom random = new SplittableRandom(15);
    run = new ArrayList<>(scores);
    for (int i = 0; i < scores; i++) {
      run.add(new RfmScore(CustomerId.of(String.format("c%08d", i)), random.nextInt(3650),
          1 + random.nextInt(40), Math.round(random.nextDouble() * 1e6) / 100.0,
          1 + random.nextInt(5), 1 + random.nextInt(5), 1 + random.nextInt(5)));
    }
  }

  @Setup(Level.Invocation)
  public void freshDatabase() throws IOException {
    dir = Files.createTempDirectory("crmkit-scores");
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("crm") + ";DB_CLOSE_DELAY=-1");
    Migrations.migrate(dataSource);
  }

  @TearDown(Level.Invocation)
  public void checkAndDelete() throws SQLException, IOException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crmkit_rfm_score")) {
      rs.next();
      if (rs.getInt(1) != scores) {
        throw new IllegalStateException("stored " + rs.getInt(1) + " scores, expected " + scores);
      }
      s.execute("SHUTDOWN");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** crm-jdbc: one call, one transaction, JDBC batches. */
  @Benchmark
  public int scoreStore() {
    return new ScoreStore(dataSource).saveRfm("2026-12-01", run);
  }

  /** The floor: the same INSERT batched by hand, one commit. */
  @Benchmark
  public int bareJdbcBatch() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO crmkit_rfm_score (run_id,"
          + " customer_id, recency_days, frequency, monetary, r, f, m) VALUES (?,?,?,?,?,?,?,?)")) {
        for (RfmScore s : run) {
          ps.setString(1, "2026-12-01");
          ps.setString(2, s.customer().value());
          ps.setInt(3, s.recencyDays());
          ps.setInt(4, s.frequency());
          ps.setDouble(5, s.monetary());
          ps.setInt(6, s.r());
          ps.setInt(7, s.f());
          ps.setInt(8, s.m());
          ps.addBatch();
          if (++n % 5_000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
      return n;
    }
  }
}

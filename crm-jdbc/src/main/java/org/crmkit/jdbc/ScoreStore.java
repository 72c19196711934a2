package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.rfm.RfmScore;

/**
 * RFM scores of a scoring run (e.g. {@code 2026-12-01}), in {@code crmkit_rfm_score}: written in
 * JDBC batches by a nightly job, read back per customer by the application.
 *
 * <p>Thread-safe; each call runs its own transaction. {@link #saveRfm} of a run replaces nothing:
 * a customer scored twice in one run is a {@link JdbcStoreException} and the whole batch is rolled
 * back.
 *
 * <pre>{@code
 * scores.saveRfm("2026-12-01", result.scores());       // one transaction, batches of 5,000
 * Optional<RfmScore> s = scores.rfm("2026-12-01", CustomerId.of("acme"));
 * }</pre>
 */
public final class ScoreStore {
  static final int BATCH = 5_000;

  private final DataSource dataSource;

  /** A store over the crmkit tables reachable through {@code dataSource}. */
  public ScoreStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores the scores of a run in one transaction, in JDBC batches.
   *
   * @return the number of scores stored
   * @throws JdbcStoreException if a customer is scored twice in the run or the database fails;
   *     nothing of the call is stored then
   */
  public int saveRfm(String run, Iterable<RfmScore> scores) {
    Tx.nonBlank("run", run);
    return Tx.run(dataSource, "save RFM scores of run " + run, c -> {
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO crmkit_rfm_score (run_id,"
          + " customer_id, recency_days, frequency, monetary, r, f, m) VALUES (?,?,?,?,?,?,?,?)")) {
        for (RfmScore s : scores) {
          ps.setString(1, run);
          ps.setString(2, s.customer().value());
          ps.setInt(3, s.recencyDays());
          ps.setInt(4, s.frequency());
          ps.setDouble(5, s.monetary());
          ps.setInt(6, s.r());
          ps.setInt(7, s.f());
          ps.setInt(8, s.m());
          ps.addBatch();
          if (++n % BATCH == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      return n;
    });
  }

  /**
   * The score of one customer in a run, if scored.
   *
   * @throws JdbcStoreException if the database fails
   */
  public Optional<RfmScore> rfm(String run, CustomerId customer) {
    return Tx.run(dataSource, "read RFM score", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, recency_days, frequency,"
          + " monetary, r, f, m FROM crmkit_rfm_score WHERE run_id = ? AND customer_id = ?")) {
        ps.setString(1, run);
        ps.setString(2, customer.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(score(rs)) : Optional.<RfmScore>empty();
        }
      }
    });
  }

  /**
   * Every score of a run, in customer id order.
   *
   * @throws JdbcStoreException if the database fails
   */
  public List<RfmScore> rfmRun(String run) {
    return Tx.run(dataSource, "read RFM run " + run, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, recency_days, frequency,"
          + " monetary, r, f, m FROM crmkit_rfm_score WHERE run_id = ? ORDER BY customer_id")) {
        ps.setString(1, run);
        List<RfmScore> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(score(rs));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * Deletes the scores of a run.
   *
   * @return the number of scores deleted
   * @throws JdbcStoreException if the database fails
   */
  public int deleteRun(String run) {
    return Tx.run(dataSource, "delete RFM run " + run, c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM crmkit_rfm_score WHERE run_id = ?")) {
        ps.setString(1, run);
        return ps.executeUpdate();
      }
    });
  }

  private static RfmScore score(ResultSet rs) throws java.sql.SQLException {
    return new RfmScore(CustomerId.of(rs.getString(1)), rs.getInt(2), rs.getInt(3), rs.getDouble(4),
        rs.getInt(5), rs.getInt(6), rs.getInt(7));
  }
}

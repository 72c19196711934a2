package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.crmkit.json.ClvModelJson;
import org.crmkit.json.RfmModelJson;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.rfm.RfmModel;

/**
 * Frozen RFM and lifetime-value models, stored as their crm-json documents ({@code
 * crmkit.rfm-model/1}, {@code crmkit.clv-model/1}) under a name, in revisions: every save adds a
 * revision (1, 2, …) and never overwrites one, so last night's scores can always be explained by
 * the model that produced them.
 *
 * <p>Thread-safe; each call runs its own transaction. Two concurrent saves of one name get
 * different revisions, or one of them a {@link VersionConflictException}.
 *
 * <pre>{@code
 * long revision = models.saveRfm("nightly", rfmModel);
 * RfmModel frozen = models.rfm("nightly").orElseThrow();      // the latest revision
 * }</pre>
 */
public final class ModelStore {
  private static final String RFM = "rfm";
  private static final String CLV = "clv";

  private final DataSource dataSource;

  /** A store over the crmkit tables reachable through {@code dataSource}. */
  public ModelStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Saves an RFM model as the next revision of {@code name}.
   *
   * @return the revision saved, 1 for the first
   * @throws VersionConflictException if a concurrent save took the same revision
   * @throws JdbcStoreException if the database fails
   */
  public long saveRfm(String name, RfmModel model) {
    return save(RFM, name, RfmModelJson.FORMAT, RfmModelJson.DOCUMENT.write(model));
  }

  /** Saves a lifetime-value model as the next revision of {@code name}; see {@link #saveRfm}. */
  public long saveClv(String name, ClvModel model) {
    return save(CLV, name, ClvModelJson.FORMAT, ClvModelJson.DOCUMENT.write(model));
  }

  /**
   * The latest revision of the RFM model {@code name}, if any.
   *
   * @throws JdbcStoreException if the database fails
   * @throws org.crmkit.core.InvalidDefinitionException if the stored document is not valid
   */
  public Optional<RfmModel> rfm(String name) {
    return load(RFM, name, 0, RfmModelJson.DOCUMENT::read);
  }

  /** The given revision of the RFM model {@code name}, if stored. */
  public Optional<RfmModel> rfm(String name, long revision) {
    return load(RFM, name, revision, RfmModelJson.DOCUMENT::read);
  }

  /** The latest revision of the lifetime-value model {@code name}, if any; see {@link #rfm}. */
  public Optional<ClvModel> clv(String name) {
    return load(CLV, name, 0, ClvModelJson.DOCUMENT::read);
  }

  /** The given revision of the lifetime-value model {@code name}, if stored. */
  public Optional<ClvModel> clv(String name, long revision) {
    return load(CLV, name, revision, ClvModelJson.DOCUMENT::read);
  }

  /** The latest revision number of a model, 0 if none ({@code kind} is {@code rfm} or {@code clv}). */
  long latestRevision(String kind, String name) {
    return Tx.run(dataSource, "read model revision", c -> latest(c, kind, name));
  }

  private long save(String kind, String name, String format, String document) {
    Tx.nonBlank("name", name);
    return Tx.run(dataSource, "save " + kind + " model " + name, c -> {
      long revision = latest(c, kind, name) + 1;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO crmkit_model (kind, name,"
          + " revision, format, document, created_at) VALUES (?,?,?,?,?,?)")) {
        ps.setString(1, kind);
        ps.setString(2, name);
        ps.setLong(3, revision);
        ps.setString(4, format);
        ps.setString(5, document);
        ps.setTimestamp(6, Timestamp.from(Instant.now()));
        ps.executeUpdate();
      } catch (SQLException e) {
        if (Tx.isConstraintViolation(e)) {
          c.rollback();
          throw new VersionConflictException(kind + " model", name, revision - 1,
              "a concurrent save took revision " + revision);
        }
        throw e;
      }
      return revision;
    });
  }

  private static long latest(Connection c, String kind, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT MAX(revision) FROM crmkit_model WHERE kind = ? AND name = ?")) {
      ps.setString(1, kind);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private <T> Optional<T> load(String kind, String name, long revision, Function<String, T> reader) {
    return Tx.run(dataSource, "load " + kind + " model " + name, c -> {
      long r = revision == 0 ? latest(c, kind, name) : revision;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT document FROM crmkit_model WHERE kind = ? AND name = ? AND revision = ?")) {
        ps.setString(1, kind);
        ps.setString(2, name);
        ps.setLong(3, r);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(reader.apply(rs.getString(1))) : Optional.<T>empty();
        }
      }
    });
  }
}

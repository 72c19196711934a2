package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.json.AssignmentStateJson;

/**
 * The distribution state of lead assignment (round-robin cursors, weights, open items, capacity
 * use) under a name, as a {@code crmkit.assignment-state/1} document in {@code
 * crmkit_assignment_state}, with a version for compare-and-set: two app instances assigning at
 * once cannot both advance the same cursor.
 *
 * <p>Thread-safe; each call runs its own transaction.
 *
 * <pre>{@code
 * AssignmentStateStore states = new AssignmentStateStore(dataSource);
 * AssignmentStateStore.Stored s = states.load("inbound").orElse(AssignmentStateStore.Stored.initial());
 * AssignmentResult r = engine.assign(request, s.state());
 * states.save("inbound", r.state(), s.version());   // VersionConflictException if someone was faster
 * }</pre>
 */
public final class AssignmentStateStore {
  private final DataSource dataSource;

  /** A store over the crmkit tables reachable through {@code dataSource}. */
  public AssignmentStateStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A stored state and its version.
   *
   * @param state the assignment state
   * @param version its version: 0 when never stored, then one more per save
   */
  public record Stored(AssignmentState state, long version) {
    /** The empty state at version 0, for a name never saved. */
    public static Stored initial() {
      return new Stored(AssignmentState.empty(), 0);
    }
  }

  /**
   * The state stored under {@code name}, if any.
   *
   * @throws JdbcStoreException if the database fails
   * @throws org.crmkit.core.InvalidDefinitionException if the stored document is not valid
   */
  public Optional<Stored> load(String name) {
    return Tx.run(dataSource, "load assignment state " + name, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT document, version FROM crmkit_assignment_state WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next()
              ? Optional.of(
                  new Stored(AssignmentStateJson.DOCUMENT.read(rs.getString(1)), rs.getLong(2)))
              : Optional.<Stored>empty();
        }
      }
    });
  }

  /**
   * Saves {@code state} under {@code name} if the stored version is still {@code expectedVersion}
   * (0: nothing stored yet).
   *
   * @return the new version, {@code expectedVersion + 1}
   * @throws VersionConflictException if another save came first; nothing is written then
   * @throws JdbcStoreException if the database fails
   */
  public long save(String name, AssignmentState state, long expectedVersion) {
    Tx.nonBlank("name", name);
    String document = AssignmentStateJson.DOCUMENT.write(state);
    return Tx.run(dataSource, "save assignment state " + name, c -> {
      Timestamp now = Timestamp.from(Instant.now());
      int changed;
      try {
        if (expectedVersion == 0) {
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO crmkit_assignment_state"
              + " (name, version, document, updated_at) VALUES (?, 1, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, document);
            ps.setTimestamp(3, now);
            changed = ps.executeUpdate();
          }
        } else {
          try (PreparedStatement ps = c.prepareStatement("UPDATE crmkit_assignment_state SET"
              + " version = version + 1, document = ?, updated_at = ? WHERE name = ? AND version = ?")) {
            ps.setString(1, document);
            ps.setTimestamp(2, now);
            ps.setString(3, name);
            ps.setLong(4, expectedVersion);
            changed = ps.executeUpdate();
          }
        }
      } catch (SQLException e) {
        if (Tx.isConstraintViolation(e)) {
          c.rollback();
          throw new VersionConflictException("assignment state", name, expectedVersion,
              "another writer stored it first");
        }
        throw e;
      }
      if (changed != 1) {
        c.rollback();
        throw new VersionConflictException("assignment state", name, expectedVersion,
            "the stored version differs");
      }
      return expectedVersion + 1;
    });
  }
}

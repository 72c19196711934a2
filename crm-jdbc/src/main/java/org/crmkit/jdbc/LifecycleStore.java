package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;

/**
 * The lifecycle state of subjects (subject, machine, state, version) with the transition audit
 * log, in the tables {@code crmkit_lifecycle_state} and {@code crmkit_lifecycle_transition}.
 *
 * <p>{@link #apply} is a compare-and-set: it moves the subject from {@code record.from()} at
 * version {@code record.version() - 1} to {@code record.to()} at {@code record.version()} and
 * inserts the record into the audit log, in one transaction. Of N concurrent writers deciding on
 * the same version exactly one wins; the others get a {@link VersionConflictException} and nothing
 * of theirs is written, so the audit log always replays ({@code Machine.replay}) to the stored
 * state. The version rises by exactly one per transition.
 *
 * <p>Thread-safe: every call takes its own connection from the data source and runs its own
 * transaction.
 *
 * <pre>{@code
 * LifecycleStore store = new LifecycleStore(dataSource);
 * SubjectState s = store.create("customer", new SubjectState("acme", "potential", 0));
 * s = store.apply("customer", machine.fire(s, "show-interest", Context.empty(), now, "bob"));
 * }</pre>
 */
public final class LifecycleStore {
  private final DataSource dataSource;

  /** A store over the crmkit tables reachable through {@code dataSource}. */
  public LifecycleStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores a new subject in its initial state.
   *
   * @param machine the machine's name (e.g. {@code customer-lifecycle})
   * @param initial the subject, its initial state and version (usually 0)
   * @return {@code initial}
   * @throws VersionConflictException if the subject is already stored for this machine
   * @throws JdbcStoreException if the database fails
   */
  public SubjectState create(String machine, SubjectState initial) {
    createAll(machine, List.of(initial));
    return initial;
  }

  /**
   * Stores many new subjects in one transaction, in JDBC batches (all or nothing).
   *
   * @return the number of subjects stored
   * @throws VersionConflictException if any subject is already stored; nothing is stored then
   * @throws JdbcStoreException if the database fails
   */
  public int createAll(String machine, Collection<SubjectState> initial) {
    Tx.nonBlank("machine", machine);
    return Tx.run(dataSource, "create lifecycle subjects of " + machine, c -> {
      Timestamp now = Timestamp.from(Instant.now());
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO crmkit_lifecycle_state"
          + " (subject_id, machine, state, version, updated_at) VALUES (?,?,?,?,?)")) {
        for (SubjectState s : initial) {
          ps.setString(1, s.subjectId());
          ps.setString(2, machine);
          ps.setString(3, s.state());
          ps.setLong(4, s.version());
          ps.setTimestamp(5, now);
          ps.addBatch();
          if (++n % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      } catch (SQLException e) {
        if (Tx.isConstraintViolation(e)) {
          c.rollback();
          String ids = initial.size() == 1 ? initial.iterator().next().subjectId()
              : initial.size() + " subjects";
          throw new VersionConflictException("subject of " + machine, ids, 0,
              "a subject is stored already");
        }
        throw e;
      }
      return n;
    });
  }

  /**
   * The stored state of a subject, if any.
   *
   * @throws JdbcStoreException if the database fails
   */
  public Optional<SubjectState> find(String machine, String subjectId) {
    return Tx.run(dataSource, "read lifecycle state of " + subjectId, c -> read(c, machine, subjectId));
  }

  /**
   * Applies a transition decided by {@code Machine.fire} or {@code Machine.apply} on version
   * {@code record.version() - 1}: compare-and-set of the state plus the audit insert, atomically.
   *
   * @return the subject's new state
   * @throws VersionConflictException if the stored version is not {@code record.version() - 1},
   *     the stored state is not {@code record.from()}, the subject is not stored, or another
   *     transaction wrote that version first; nothing is written then
   * @throws JdbcStoreException if the database fails
   */
  public SubjectState apply(String machine, TransitionRecord record) {
    Tx.nonBlank("machine", machine);
    return Tx.run(dataSource, "apply transition to " + record.subjectId(), c -> {
      SubjectState next = applyOne(c, machine, record);
      return next;
    });
  }

  /**
   * Applies many transitions (of different subjects, or consecutive ones of one subject) in one
   * transaction: all of them, or, on the first conflict, none.
   *
   * @return the subjects' new states, in the order of {@code records}
   * @throws VersionConflictException on the first record whose version or state does not match;
   *     nothing of the batch is written then
   * @throws JdbcStoreException if the database fails
   */
  public List<SubjectState> applyAll(String machine, List<TransitionRecord> records) {
    Tx.nonBlank("machine", machine);
    return Tx.run(dataSource, "apply " + records.size() + " transitions", c -> {
      List<SubjectState> out = new ArrayList<>(records.size());
      for (TransitionRecord r : records) {
        out.add(applyOne(c, machine, r));
      }
      return List.copyOf(out);
    });
  }

  /**
   * The audit log of a subject, oldest first; {@code Machine.replay} of it yields the stored state.
   *
   * @throws JdbcStoreException if the database fails
   */
  public List<TransitionRecord> history(String machine, String subjectId) {
    return Tx.run(dataSource, "read history of " + subjectId, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT version, from_state, to_state, event,"
          + " occurred_at, actor FROM crmkit_lifecycle_transition WHERE subject_id = ? AND"
          + " machine = ? ORDER BY version")) {
        ps.setString(1, subjectId);
        ps.setString(2, machine);
        List<TransitionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TransitionRecord(subjectId, rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(1)));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * The whole audit log of a machine, every subject's transitions oldest first (ordered by
   * subject, then version): the input of funnel analytics and exports.
   *
   * @throws JdbcStoreException if the database fails
   */
  public List<TransitionRecord> historyOf(String machine) {
    return Tx.run(dataSource, "read the audit log of " + machine, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT subject_id, version, from_state,"
          + " to_state, event, occurred_at, actor FROM crmkit_lifecycle_transition WHERE machine = ?"
          + " ORDER BY subject_id, version")) {
        ps.setString(1, machine);
        List<TransitionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TransitionRecord(rs.getString(1), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getLong(2)));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * The names of the machines that have stored subjects, sorted.
   *
   * @throws JdbcStoreException if the database fails
   */
  public List<String> machines() {
    return Tx.run(dataSource, "read the machines", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT DISTINCT machine FROM crmkit_lifecycle_state ORDER BY machine");
          ResultSet rs = ps.executeQuery()) {
        List<String> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rs.getString(1));
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * Deletes every subject of a machine with its audit log, in one transaction (retiring a
   * machine, or starting a demo afresh).
   *
   * @return the number of subjects deleted
   * @throws JdbcStoreException if the database fails
   */
  public int deleteAll(String machine) {
    return Tx.run(dataSource, "delete lifecycle subjects of " + machine, c -> {
      try (PreparedStatement log = c.prepareStatement(
              "DELETE FROM crmkit_lifecycle_transition WHERE machine = ?");
          PreparedStatement states = c.prepareStatement(
              "DELETE FROM crmkit_lifecycle_state WHERE machine = ?")) {
        log.setString(1, machine);
        log.executeUpdate();
        states.setString(1, machine);
        return states.executeUpdate();
      }
    });
  }

  private static SubjectState applyOne(Connection c, String machine, TransitionRecord record)
      throws SQLException {
    long expected = record.version() - 1;
    try (PreparedStatement update = c.prepareStatement("UPDATE crmkit_lifecycle_state SET state = ?,"
            + " version = version + 1, updated_at = ? WHERE subject_id = ? AND machine = ? AND"
            + " version = ? AND state = ?");
        PreparedStatement audit = c.prepareStatement("INSERT INTO crmkit_lifecycle_transition"
            + " (subject_id, machine, version, from_state, to_state, event, occurred_at, actor)"
            + " VALUES (?,?,?,?,?,?,?,?)")) {
      update.setString(1, record.to());
      update.setTimestamp(2, Timestamp.from(record.at()));
      update.setString(3, record.subjectId());
      update.setString(4, machine);
      update.setLong(5, expected);
      update.setString(6, record.from());
      if (update.executeUpdate() != 1) {
        String found = read(c, machine, record.subjectId())
            .map(s -> "the stored version is " + s.version() + " in state '" + s.state() + "'")
            .orElse("the subject is not stored");
        c.rollback();
        throw new VersionConflictException("subject", record.subjectId(), expected, found);
      }
      audit.setString(1, record.subjectId());
      audit.setString(2, machine);
      audit.setLong(3, record.version());
      audit.setString(4, record.from());
      audit.setString(5, record.to());
      audit.setString(6, record.event());
      audit.setTimestamp(7, Timestamp.from(record.at()));
      audit.setString(8, record.actor());
      audit.executeUpdate();
      return new SubjectState(record.subjectId(), record.to(), record.version());
    } catch (SQLException e) {
      if (Tx.isConstraintViolation(e)) {
        c.rollback();
        throw new VersionConflictException("subject", record.subjectId(), expected,
            "another transaction wrote version " + record.version() + " first");
      }
      throw e;
    }
  }

  private static Optional<SubjectState> read(Connection c, String machine, String subjectId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT state, version FROM"
        + " crmkit_lifecycle_state WHERE subject_id = ? AND machine = ?")) {
      ps.setString(1, subjectId);
      ps.setString(2, machine);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new SubjectState(subjectId, rs.getString(1), rs.getLong(2)))
            : Optional.empty();
      }
    }
  }
}

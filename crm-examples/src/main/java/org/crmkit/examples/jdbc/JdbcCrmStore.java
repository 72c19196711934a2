package org.crmkit.examples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.Customer;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.CustomerKind;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;

/**
 * An example persistence adapter over plain JDBC (no ORM): customers with their lifecycle stage and
 * a version column, the transition audit log, and list queries filtered by a permission predicate
 * rendered as a SQL {@code WHERE} fragment. The same SQL runs on H2 and PostgreSQL.
 *
 * <p>Lifecycle state changes use optimistic concurrency: {@link #applyTransition} updates the row
 * only if its version is still the one the transition was decided on, and writes the audit row in
 * the same database transaction. Of two concurrent transitions of one customer exactly one wins;
 * the other gets a {@link VersionConflictException} and nothing of it is written.
 *
 * <p>Thread-safe if the connection source is: every call opens and closes its own connection.
 */
public final class JdbcCrmStore {

  /** Opens a JDBC connection; a pool's {@code DataSource::getConnection} fits. */
  @FunctionalInterface
  public interface ConnectionSource {
    /** Opens a new connection, which the store closes. */
    Connection open() throws SQLException;
  }

  /** A customer as stored, with its row version. */
  public record StoredCustomer(Customer customer, long version) {}

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS crm_customer ("
        + " id VARCHAR(128) PRIMARY KEY,"
        + " name VARCHAR(512) NOT NULL,"
        + " kind VARCHAR(16) NOT NULL,"
        + " parent_id VARCHAR(128),"
        + " industry VARCHAR(128),"
        + " size_band VARCHAR(16),"
        + " territory_id VARCHAR(128),"
        + " owner_id VARCHAR(128),"
        + " org_unit_id VARCHAR(128),"
        + " lifecycle_stage VARCHAR(64),"
        + " needs VARCHAR(64),"
        + " source VARCHAR(64),"
        + " version BIGINT NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS crm_customer_owner ON crm_customer (owner_id)",
    "CREATE INDEX IF NOT EXISTS crm_customer_unit ON crm_customer (org_unit_id)",
    "CREATE INDEX IF NOT EXISTS crm_customer_territory ON crm_customer (territory_id)",
    "CREATE TABLE IF NOT EXISTS crm_transition ("
        + " subject_id VARCHAR(128) NOT NULL,"
        + " version BIGINT NOT NULL,"
        + " from_state VARCHAR(64) NOT NULL,"
        + " to_state VARCHAR(64) NOT NULL,"
        + " event VARCHAR(64) NOT NULL,"
        + " occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,"
        + " actor VARCHAR(128) NOT NULL,"
        + " PRIMARY KEY (subject_id, version))",
  };

  private static final String CUSTOMER_COLUMNS =
      "id, name, kind, parent_id, industry, size_band, territory_id, owner_id, org_unit_id,"
          + " lifecycle_stage, needs, source, version";

  private final ConnectionSource connections;

  /** A store over the given connections. */
  public JdbcCrmStore(ConnectionSource connections) {
    this.connections = connections;
  }

  /** Creates the tables and indexes if they do not exist. */
  public void createSchema() {
    run("create schema", c -> {
      try (Statement s = c.createStatement()) {
        for (String ddl : SCHEMA) {
          s.execute(ddl);
        }
      }
      return null;
    });
  }

  /** Drops the tables (for tests and for re-running the demo). */
  public void dropSchema() {
    run("drop schema", c -> {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS crm_transition");
        s.execute("DROP TABLE IF EXISTS crm_customer");
      }
      return null;
    });
  }

  /**
   * Inserts new customers at version 0, in one transaction (all or nothing).
   *
   * @throws JdbcStoreException if any id exists already; nothing is inserted then
   */
  public void insertCustomers(Collection<Customer> customers) {
    run("insert customers", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO crm_customer (" + CUSTOMER_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
        int batch = 0;
        for (Customer customer : customers) {
          ps.setString(1, customer.id().value());
          ps.setString(2, customer.name());
          ps.setString(3, customer.kind().name());
          ps.setString(4, customer.parent().map(CustomerId::value).orElse(null));
          ps.setString(5, customer.industry().orElse(null));
          ps.setString(6, customer.sizeBand().map(Enum::name).orElse(null));
          ps.setString(7, customer.territory().map(TerritoryId::value).orElse(null));
          ps.setString(8, customer.owner().map(UserId::value).orElse(null));
          ps.setString(9, customer.orgUnit().map(OrgUnitId::value).orElse(null));
          ps.setString(10, customer.lifecycleStage().orElse(null));
          ps.setString(11, customer.attributes().get("needs"));
          ps.setString(12, customer.attributes().get("source"));
          ps.addBatch();
          if (++batch % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** The customer with its version, if stored. */
  public Optional<StoredCustomer> findCustomer(CustomerId id) {
    return run("find customer " + id, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + CUSTOMER_COLUMNS + " FROM crm_customer WHERE id = ?")) {
        ps.setString(1, id.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(readCustomer(rs)) : Optional.<StoredCustomer>empty();
        }
      }
    });
  }

  /** The number of stored customers. */
  public int countCustomers() {
    return run("count customers", c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crm_customer")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  /**
   * The ids of the customers matching a SQL condition over the {@code crm_customer} columns, in id
   * order: this is how a list query applies a permission predicate rendered as a parameterised
   * {@code WHERE} fragment.
   *
   * @param where a condition with {@code ?} placeholders, e.g. {@code owner_id IN (?, ?)}
   * @param parameters the placeholder values, in order
   */
  public List<CustomerId> findCustomerIds(String where, List<?> parameters) {
    return run("query customers", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM crm_customer WHERE (" + where + ") ORDER BY id")) {
        for (int i = 0; i < parameters.size(); i++) {
          ps.setObject(i + 1, parameters.get(i));
        }
        List<CustomerId> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(CustomerId.of(rs.getString(1)));
          }
        }
        return ids;
      }
    });
  }

  /**
   * The lifecycle state of a customer as the machine sees it: its stage and row version.
   *
   * @throws JdbcStoreException if the customer is not stored or has no lifecycle stage
   */
  public SubjectState lifecycleState(CustomerId id) {
    StoredCustomer stored = findCustomer(id)
        .orElseThrow(() -> new JdbcStoreException("customer '" + id + "' is not stored"));
    String stage = stored.customer().lifecycleStage()
        .orElseThrow(() -> new JdbcStoreException("customer '" + id + "' has no lifecycle stage"));
    return new SubjectState(id.value(), stage, stored.version());
  }

  /**
   * Applies a transition record produced by {@code Machine.fire} on version {@code
   * record.version() - 1}: sets the stage to {@code record.to()}, increments the version and
   * appends the record to the audit log, atomically.
   *
   * @return the customer's new lifecycle state
   * @throws VersionConflictException if the stored version is not {@code record.version() - 1}
   *     (someone else changed the customer since the decision), the stored stage is not {@code
   *     record.from()}, or another transaction wrote the same version first; nothing is written
   */
  public SubjectState applyTransition(TransitionRecord record) {
    CustomerId subject = CustomerId.of(record.subjectId());
    long expected = record.version() - 1;
    return run("apply transition to " + subject, c -> {
      try (PreparedStatement update = c.prepareStatement(
              "UPDATE crm_customer SET lifecycle_stage = ?, version = version + 1"
                  + " WHERE id = ? AND version = ? AND lifecycle_stage = ?");
          PreparedStatement audit = c.prepareStatement(
              "INSERT INTO crm_transition (subject_id, version, from_state, to_state, event,"
                  + " occurred_at, actor) VALUES (?,?,?,?,?,?,?)")) {
        update.setString(1, record.to());
        update.setString(2, subject.value());
        update.setLong(3, expected);
        update.setString(4, record.from());
        if (update.executeUpdate() != 1) {
          String found = describeCurrent(c, subject);
          c.rollback();
          throw new VersionConflictException(subject, expected, found);
        }
        audit.setString(1, subject.value());
        audit.setLong(2, record.version());
        audit.setString(3, record.from());
        audit.setString(4, record.to());
        audit.setString(5, record.event());
        audit.setTimestamp(6, Timestamp.from(record.at()));
        audit.setString(7, record.actor());
        audit.executeUpdate();
        return new SubjectState(subject.value(), record.to(), record.version());
      } catch (SQLException e) {
        c.rollback();
        if (isConstraintViolation(e)) {
          throw new VersionConflictException(subject, expected,
              "another transaction wrote version " + record.version() + " first");
        }
        throw e;
      }
    });
  }

  /**
   * The audit log of a customer, oldest first, as transition records (feed it to {@code
   * Machine.replay} to validate a persisted history).
   */
  public List<TransitionRecord> history(CustomerId subject) {
    return run("read history of " + subject, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT version, from_state, to_state, event, occurred_at, actor FROM crm_transition"
              + " WHERE subject_id = ? ORDER BY version")) {
        ps.setString(1, subject.value());
        List<TransitionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TransitionRecord(subject.value(), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getLong(1)));
          }
        }
        return out;
      }
    });
  }

  /**
   * The whole audit log, every subject's transitions oldest first (ordered by subject, then
   * version): the input of funnel analytics ({@code crmkit funnel analyze --jdbc-url}).
   */
  public List<TransitionRecord> allHistory() {
    return run("read the audit log", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT subject_id, version, from_state, to_state, event, occurred_at, actor FROM crm_transition"
              + " ORDER BY subject_id, version")) {
        List<TransitionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new TransitionRecord(rs.getString(1), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getLong(2)));
          }
        }
        return out;
      }
    });
  }

  private static String describeCurrent(Connection c, CustomerId subject) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT version, lifecycle_stage FROM crm_customer WHERE id = ?")) {
      ps.setString(1, subject.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? "the stored version is " + rs.getLong(1) + " in stage '" + rs.getString(2) + "'"
            : "the customer does not exist";
      }
    }
  }

  private static boolean isConstraintViolation(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("23");
  }

  private static StoredCustomer readCustomer(ResultSet rs) throws SQLException {
    Customer.Builder b = Customer.builder()
        .id(CustomerId.of(rs.getString("id")))
        .name(rs.getString("name"))
        .kind(CustomerKind.valueOf(rs.getString("kind")));
    String v;
    if ((v = rs.getString("parent_id")) != null) {
      b.parent(CustomerId.of(v));
    }
    if ((v = rs.getString("industry")) != null) {
      b.industry(v);
    }
    if ((v = rs.getString("size_band")) != null) {
      b.sizeBand(SizeBand.valueOf(v));
    }
    if ((v = rs.getString("territory_id")) != null) {
      b.territory(TerritoryId.of(v));
    }
    if ((v = rs.getString("owner_id")) != null) {
      b.owner(UserId.of(v));
    }
    if ((v = rs.getString("org_unit_id")) != null) {
      b.orgUnit(OrgUnitId.of(v));
    }
    if ((v = rs.getString("lifecycle_stage")) != null) {
      b.lifecycleStage(v);
    }
    if ((v = rs.getString("needs")) != null) {
      b.putAttributes("needs", v);
    }
    if ((v = rs.getString("source")) != null) {
      b.putAttributes("source", v);
    }
    return new StoredCustomer(b.build(), rs.getLong("version"));
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T run(String operation, Work<T> work) {
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }
}

package org.crmkit.examples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import javax.sql.DataSource;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.crmkit.jdbc.AccessQuery;
import org.crmkit.permissions.SqlMapping;

/**
 * The host application's own customer table, as the demo keeps it: crmkit does not own the
 * customers, it filters them ({@link #query} is a crm-jdbc {@link AccessQuery} over this table
 * with the default {@link SqlMapping} column names). The lifecycle state, audit log, models and
 * scores live in crm-jdbc's {@code crmkit_*} tables.
 */
public final class CustomerTable {
  /** The table name. */
  public static final String TABLE = "crm_customer";

  private final DataSource dataSource;

  /** The customer table reachable through {@code dataSource}. */
  public CustomerTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Drops and creates the table (the demo starts from an empty table on every run). */
  public void recreate() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE TABLE " + TABLE + " (id VARCHAR(128) PRIMARY KEY, name VARCHAR(512) NOT NULL,"
          + " owner_id VARCHAR(128), org_unit_id VARCHAR(128), territory_id VARCHAR(128),"
          + " team_id VARCHAR(128), industry VARCHAR(128), needs VARCHAR(64), source VARCHAR(64))");
      s.execute("CREATE INDEX crm_customer_owner ON " + TABLE + " (owner_id)");
      s.execute("CREATE INDEX crm_customer_unit ON " + TABLE + " (org_unit_id)");
    }
  }

  /** Drops the table. */
  public void drop() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  /** Inserts customers in one transaction, in JDBC batches. */
  public void insert(Collection<Customer> customers) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, name, owner_id,"
          + " org_unit_id, territory_id, industry, needs, source) VALUES (?,?,?,?,?,?,?,?)")) {
        int n = 0;
        for (Customer customer : customers) {
          ps.setString(1, customer.id().value());
          ps.setString(2, customer.name());
          ps.setString(3, customer.owner().map(UserId::value).orElse(null));
          ps.setString(4, customer.orgUnit().map(OrgUnitId::value).orElse(null));
          ps.setString(5, customer.territory().map(TerritoryId::value).orElse(null));
          ps.setString(6, customer.industry().orElse(null));
          ps.setString(7, customer.attributes().get("needs"));
          ps.setString(8, customer.attributes().get("source"));
          ps.addBatch();
          if (++n % 1000 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** An access-filtered query over the table selecting the customer ids, in id order. */
  public AccessQuery query() {
    return AccessQuery.over(dataSource, TABLE, SqlMapping.defaults(), "id", "id");
  }

  /** Reads a customer id from the query's rows. */
  public static CustomerId id(java.sql.ResultSet row) throws SQLException {
    return CustomerId.of(row.getString("id"));
  }
}

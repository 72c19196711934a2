package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The databases the stores are tested on. */
final class Databases {
  private static final AtomicInteger H2_COUNTER = new AtomicInteger();

  private Databases() {}

  /** A fresh in-memory H2 database, kept while the JVM runs. */
  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:crm-jdbc-" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  /**
   * The PostgreSQL server that {@code .ci/run} starts ({@code CRMKIT_TEST_POSTGRES_URL} or the
   * system property {@code crmkit.test.postgres.url}); the calling test is skipped when none is
   * configured (CI always configures one and fails on skipped PostgreSQL tests).
   */
  static DataSource postgres() {
    String url = System.getProperty("crmkit.test.postgres.url",
        System.getenv().getOrDefault("CRMKIT_TEST_POSTGRES_URL", ""));
    assumeTrue(!url.isBlank(), "no PostgreSQL configured (CRMKIT_TEST_POSTGRES_URL)");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  /** Drops crmkit's tables, so that {@link Migrations#migrate} starts from nothing. */
  static void dropCrmkitTables(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String t : new String[] {"crmkit_lifecycle_transition", "crmkit_lifecycle_state",
          "crmkit_assignment_state", "crmkit_model", "crmkit_rfm_score", "crmkit_schema_history",
          "crm_customer"}) {
        s.execute("DROP TABLE IF EXISTS " + t);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

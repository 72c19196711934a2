package org.crmkit.examples.jdbc;

import java.sql.DriverManager;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The databases the adapter's integration tests run against. */
final class Databases {
  private static final AtomicInteger H2_COUNTER = new AtomicInteger();

  private Databases() {}

  /** A fresh in-memory H2 database (kept alive while the test class runs). */
  static JdbcCrmStore.ConnectionSource h2() {
    String url = "jdbc:h2:mem:crmkit-test-" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return () -> DriverManager.getConnection(url);
  }

  /**
   * The PostgreSQL server that {@code .ci/run} starts, from the system property or environment
   * variable {@code crmkit.test.postgres.url} / {@code CRMKIT_TEST_POSTGRES_URL}; empty when not
   * configured (the PostgreSQL tests are then skipped locally; CI always configures it).
   */
  static Optional<JdbcCrmStore.ConnectionSource> postgres() {
    String url = System.getProperty("crmkit.test.postgres.url",
        System.getenv().getOrDefault("CRMKIT_TEST_POSTGRES_URL", ""));
    if (url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(() -> DriverManager.getConnection(url));
  }
}

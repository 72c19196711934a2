package org.crmkit.examples.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** The databases the examples' integration tests run against. */
final class Databases {
  private static final AtomicInteger H2_COUNTER = new AtomicInteger();

  private Databases() {}

  /** A fresh in-memory H2 database (kept alive while the JVM runs). */
  static DataSource h2() {
    return new UrlDataSource(
        "jdbc:h2:mem:crmkit-test-" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  /**
   * The PostgreSQL server that {@code .ci/run} starts, from the system property or environment
   * variable {@code crmkit.test.postgres.url} / {@code CRMKIT_TEST_POSTGRES_URL}; the calling test
   * is skipped when none is configured (CI always configures it and fails on skipped tests).
   */
  static DataSource postgres() {
    String url = System.getProperty("crmkit.test.postgres.url",
        System.getenv().getOrDefault("CRMKIT_TEST_POSTGRES_URL", ""));
    assumeTrue(!url.isBlank(), "no PostgreSQL configured (CRMKIT_TEST_POSTGRES_URL)");
    return new UrlDataSource(url);
  }
}

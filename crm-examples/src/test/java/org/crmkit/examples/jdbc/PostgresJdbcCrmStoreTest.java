package org.crmkit.examples.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The adapter on a real PostgreSQL server ({@code .ci/run} installs and starts one and sets
 * {@code CRMKIT_TEST_POSTGRES_URL}); skipped where none is configured.
 */
class PostgresJdbcCrmStoreTest extends JdbcCrmStoreContract {
  @Override
  JdbcCrmStore.ConnectionSource connections() {
    var pg = Databases.postgres();
    assumeTrue(pg.isPresent(), "no PostgreSQL configured (CRMKIT_TEST_POSTGRES_URL)");
    return pg.get();
  }
}

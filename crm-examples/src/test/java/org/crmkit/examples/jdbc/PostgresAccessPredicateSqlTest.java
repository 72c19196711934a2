package org.crmkit.examples.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The SQL predicate on a real PostgreSQL server (started by {@code .ci/run}). */
class PostgresAccessPredicateSqlTest extends AccessPredicateSqlContract {
  @Override
  JdbcCrmStore.ConnectionSource connections() {
    var pg = Databases.postgres();
    assumeTrue(pg.isPresent(), "no PostgreSQL configured (CRMKIT_TEST_POSTGRES_URL)");
    return pg.get();
  }
}

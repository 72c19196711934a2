package org.crmkit.examples.jdbc;

import javax.sql.DataSource;

/** The SQL predicate on a real PostgreSQL server (started by {@code .ci/run}). */
class PostgresAccessPredicateSqlTest extends AccessPredicateSqlContract {
  @Override
  DataSource dataSource() {
    return Databases.postgres();
  }
}

package org.crmkit.jdbc;

import javax.sql.DataSource;

/**
 * The stores on a real PostgreSQL server ({@code .ci/run} starts one and sets {@code
 * CRMKIT_TEST_POSTGRES_URL}); skipped where none is configured.
 */
class PostgresStoreTest extends StoreContract {
  @Override
  DataSource dataSource() {
    return Databases.postgres();
  }
}

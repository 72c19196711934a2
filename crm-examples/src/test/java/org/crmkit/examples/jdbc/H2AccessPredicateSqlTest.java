package org.crmkit.examples.jdbc;

/** The SQL predicate on embedded H2. */
class H2AccessPredicateSqlTest extends AccessPredicateSqlContract {
  private final JdbcCrmStore.ConnectionSource db = Databases.h2();

  @Override
  JdbcCrmStore.ConnectionSource connections() {
    return db;
  }
}

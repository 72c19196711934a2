package org.crmkit.examples.jdbc;

/** The adapter on embedded H2. */
class H2JdbcCrmStoreTest extends JdbcCrmStoreContract {
  private final JdbcCrmStore.ConnectionSource db = Databases.h2();

  @Override
  JdbcCrmStore.ConnectionSource connections() {
    return db;
  }
}

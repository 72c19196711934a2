package org.crmkit.jdbc;

import javax.sql.DataSource;

/** The stores on H2 (in memory). */
class H2StoreTest extends StoreContract {
  @Override
  DataSource dataSource() {
    return Databases.h2();
  }
}

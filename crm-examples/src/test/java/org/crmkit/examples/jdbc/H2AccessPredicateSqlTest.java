package org.crmkit.examples.jdbc;

import javax.sql.DataSource;

/** The SQL predicate on embedded H2. */
class H2AccessPredicateSqlTest extends AccessPredicateSqlContract {
  @Override
  DataSource dataSource() {
    return Databases.h2();
  }
}

package org.crmkit.jdbc;

import javax.sql.DataSource;

/** The audit-replay property on H2. */
class H2AuditReplayProperties extends AuditReplayContract {
  @Override
  DataSource dataSource() {
    return Databases.h2();
  }
}

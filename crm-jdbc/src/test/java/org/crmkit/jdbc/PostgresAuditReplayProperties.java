package org.crmkit.jdbc;

import javax.sql.DataSource;

/** The audit-replay property on PostgreSQL; skipped where none is configured. */
class PostgresAuditReplayProperties extends AuditReplayContract {
  @Override
  DataSource dataSource() {
    return Databases.postgres();
  }
}

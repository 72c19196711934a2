/**
 * crmkit JDBC: plain-JDBC stores for crmkit's persistent state (lifecycle state and its audit
 * log, assignment state, frozen models, batch scores), list queries filtered by an access
 * predicate, and the schema as versioned SQL migrations for H2 and PostgreSQL.
 */
module org.crmkit.jdbc {
  requires transitive java.sql;
  requires transitive org.crmkit.core;
  requires transitive org.crmkit.permissions;
  requires transitive org.crmkit.segmentation;
  requires org.crmkit.json;
  requires static org.jspecify;
  requires org.slf4j;

  exports org.crmkit.jdbc;
}

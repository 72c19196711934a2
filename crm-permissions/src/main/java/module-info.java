/**
 * crmkit permissions: role and record-level access policies with explainable decisions and SQL
 * predicates.
 */
module org.crmkit.permissions {
  requires transitive org.crmkit.core;
  requires static org.immutables.value;
  requires static org.jspecify;
  requires org.slf4j;

  exports org.crmkit.permissions;
}

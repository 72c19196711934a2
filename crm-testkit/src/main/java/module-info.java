/**
 * crmkit testkit: generators of CRM data and a sample company for users' property-based tests.
 * QuickTheories is optional: only {@code QuickTheoriesGens} needs it.
 */
@SuppressWarnings("requires-automatic") // QuickTheories publishes no module name (docs/decisions.md #12)
module org.crmkit.testkit {
  requires transitive org.crmkit.core;
  requires transitive org.crmkit.segmentation;
  requires static org.jspecify;
  requires static quicktheories;

  exports org.crmkit.testkit;
  exports org.crmkit.testkit.company;
}

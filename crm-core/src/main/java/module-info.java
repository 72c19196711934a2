/**
 * crmkit core: the CRM domain model, hierarchies, lifecycle state machines and lead assignment,
 * with the errors every crmkit module throws ({@link org.crmkit.core.CrmException}).
 *
 * <p>{@code org.crmkit.core.internal} is exported only to crmkit's own modules: it is not API.
 */
module org.crmkit.core {
  requires static org.immutables.value;
  requires static org.jspecify;
  requires org.slf4j;

  exports org.crmkit.core;
  exports org.crmkit.core.assignment;
  exports org.crmkit.core.hierarchy;
  exports org.crmkit.core.lifecycle;
  exports org.crmkit.core.model;
  exports org.crmkit.core.internal to
      org.crmkit.permissions,
      org.crmkit.segmentation,
      org.crmkit.testkit;
}

/**
 * crmkit JSON: the versioned definition documents of every crmkit module (read and written,
 * strictly, with JSON Schemas under {@code META-INF/crmkit/schemas}) and a Jackson module for
 * crmkit's values. Kept out of the domain modules, which have no Jackson dependency.
 *
 * <p>The Jackson 2 module is provided as a service. The Jackson 3 module ({@link
 * org.crmkit.json.CrmkitJackson3Module}) is not: Jackson 3 is optional, and a {@code provides}
 * clause for its absent service type would fail module resolution; on the module path, add it to
 * the mapper yourself.
 */
module org.crmkit.json {
  requires transitive org.crmkit.core;
  requires transitive org.crmkit.permissions;
  requires transitive org.crmkit.segmentation;
  requires transitive com.fasterxml.jackson.databind;
  requires static transitive tools.jackson.databind;
  requires static org.jspecify;

  exports org.crmkit.json;

  provides com.fasterxml.jackson.databind.Module with org.crmkit.json.CrmkitJacksonModule;
}

package org.crmkit.permissions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.internal.Checks;

/**
 * A functional module of the CRM (customer management, sales management, …): a name that covers a
 * set of object types in a policy. Immutable; equal when the names are equal.
 *
 * @param name the module's name, never blank, e.g. {@code sales-management}
 */
public record Module(String name) {
  /** Customer management: customers and contacts. */
  public static final Module CUSTOMER_MANAGEMENT = new Module("customer-management");
  /** Sales management: leads, opportunities, quotes and contracts. */
  public static final Module SALES_MANAGEMENT = new Module("sales-management");
  /** Marketing: campaigns. */
  public static final Module MARKETING = new Module("marketing");
  /** Service management: cases. */
  public static final Module SERVICE_MANAGEMENT = new Module("service-management");
  /** Analytics: reports. */
  public static final Module ANALYTICS = new Module("analytics");

  /**
   * Creates the module name.
   *
   * @throws org.crmkit.core.CrmException if {@code name} is null or blank
   */
  public Module {
    Checks.nonBlank("Module.name", name);
  }

  /** Shorthand for {@code new Module(name)}. */
  public static Module of(String name) {
    return new Module(name);
  }

  /**
   * The standard coverage of the five built-in modules (what {@link
   * AccessPolicy.Builder#standardModules()} declares), in the order of the constants above, so
   * that what is built from it (a preset's grants) has the same order on every run;
   * unmodifiable.
   */
  public static Map<Module, List<ObjectType>> standardCoverage() {
    Map<Module, List<ObjectType>> m = new LinkedHashMap<>();
    m.put(CUSTOMER_MANAGEMENT, List.of(ObjectType.CUSTOMER, ObjectType.CONTACT));
    m.put(SALES_MANAGEMENT,
        List.of(ObjectType.LEAD, ObjectType.OPPORTUNITY, ObjectType.QUOTE, ObjectType.CONTRACT));
    m.put(MARKETING, List.of(ObjectType.CAMPAIGN));
    m.put(SERVICE_MANAGEMENT, List.of(ObjectType.CASE));
    m.put(ANALYTICS, List.of(ObjectType.REPORT));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return name;
  }
}

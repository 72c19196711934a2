package org.crmkit.permissions;

import org.crmkit.core.internal.Checks;

/**
 * The type of a CRM record (customer, contact, lead, …): an open set with built-in constants.
 * Immutable; equal when the names are equal.
 *
 * @param name the type's name, never blank, e.g. {@code customer}
 */
public record ObjectType(String name) {
  /** Customers (accounts). */
  public static final ObjectType CUSTOMER = new ObjectType("customer");
  /** Contacts at customers. */
  public static final ObjectType CONTACT = new ObjectType("contact");
  /** Leads. */
  public static final ObjectType LEAD = new ObjectType("lead");
  /** Opportunities. */
  public static final ObjectType OPPORTUNITY = new ObjectType("opportunity");
  /** Quotations. */
  public static final ObjectType QUOTE = new ObjectType("quote");
  /** Contracts. */
  public static final ObjectType CONTRACT = new ObjectType("contract");
  /** Service cases. */
  public static final ObjectType CASE = new ObjectType("case");
  /** Marketing campaigns. */
  public static final ObjectType CAMPAIGN = new ObjectType("campaign");
  /** Reports and dashboards. */
  public static final ObjectType REPORT = new ObjectType("report");

  /**
   * Creates the type.
   *
   * @throws org.crmkit.core.CrmException if {@code name} is null or blank
   */
  public ObjectType {
    Checks.nonBlank("ObjectType.name", name);
  }

  /** Shorthand for {@code new ObjectType(name)}. */
  public static ObjectType of(String name) {
    return new ObjectType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}

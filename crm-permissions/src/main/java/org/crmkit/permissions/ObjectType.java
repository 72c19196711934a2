package org.crmkit.permissions;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.Names;

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

  /** The standard types above, in that order: every policy knows them without declaring them. */
  public static final List<ObjectType> STANDARD = List.of(CUSTOMER, CONTACT, LEAD, OPPORTUNITY,
      QUOTE, CONTRACT, CASE, CAMPAIGN, REPORT);

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

  /**
   * The type named {@code name}, checked against the types a policy knows: the {@link #STANDARD}
   * ones and {@code custom}. A grant or rule on a type that no record has would silently grant or
   * deny nothing, so policy documents and the command line refuse an unknown name (a typo such as
   * {@code "custmer"}, or {@code "Customer"}: names are case-sensitive).
   *
   * <pre>{@code
   * ObjectType.known("customer", List.of());         // CUSTOMER
   * ObjectType.known("custmer", List.of());          // throws: ... did you mean 'customer'? ...
   * }</pre>
   *
   * @throws CrmException for an unknown name: "unknown object type 'custmer'; did you mean
   *     'customer'? known: [campaign, case, …]", the suggestion being the known name within two
   *     edits (ignoring case), when there is one
   */
  public static ObjectType known(String name, Collection<ObjectType> custom) {
    Set<String> known = new TreeSet<>();
    STANDARD.forEach(t -> known.add(t.name()));
    custom.forEach(t -> known.add(t.name()));
    if (known.contains(name)) {
      return of(name);
    }
    String nearest = Names.nearest(name, known);
    throw new CrmException("unknown object type '" + name + "'"
        + (nearest == null ? ";" : "; did you mean '" + nearest + "'?") + " known: " + known);
  }

  @Override
  public String toString() {
    return name;
  }
}

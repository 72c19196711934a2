package org.crmkit.permissions;

import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * An attribute condition on a record: the record's attribute {@code attribute} is present and
 * equal to one of {@code values}. A record without the attribute never matches. Immutable.
 *
 * @param attribute the attribute name, never blank
 * @param values the accepted values, never empty; unmodifiable
 */
public record Condition(String attribute, Set<String> values) {

  /**
   * Creates a condition.
   *
   * @throws CrmException if the attribute is blank or there are no values
   */
  public Condition {
    Checks.nonBlank("Condition.attribute", attribute);
    Checks.present("Condition.values", values);
    values = Set.copyOf(values);
    if (values.isEmpty()) {
      throw new CrmException("Condition.values must not be empty (attribute '" + attribute + "')");
    }
  }

  /** The attribute equals one of {@code values} (a value named twice counts once). */
  public static Condition in(String attribute, String... values) {
    return new Condition(attribute, Set.copyOf(java.util.Arrays.asList(values)));
  }

  /** Whether a record matches this condition. O(1). */
  public boolean test(AccessRecord record) {
    String v = record.attributes().get(attribute);
    return v != null && values.contains(v);
  }

  @Override
  public String toString() {
    return attribute + " in " + new java.util.TreeSet<>(values);
  }
}

package org.crmkit.permissions;

import java.util.Locale;
import org.crmkit.core.CrmException;

/** Field-level security: what a user may do with one field. Ordered from least to most access. */
public enum FieldAccess {
  /** The field is not shown. */
  HIDDEN,
  /** The field is shown but cannot be changed. */
  READ_ONLY,
  /** The field is shown and can be changed (the default). */
  EDITABLE;

  /** The kebab-case name used in JSON, e.g. {@code read-only}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label such as {@code read-only}.
   *
   * @throws CrmException naming the value if it is not a field access
   */
  public static FieldAccess parse(String label) {
    for (FieldAccess f : values()) {
      if (f.label().equalsIgnoreCase(label)) {
        return f;
      }
    }
    throw new CrmException("unknown field access '" + label + "'; known: [hidden, read-only, editable]");
  }
}

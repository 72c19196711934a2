package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a organisation unit: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record OrgUnitId(String value) implements Comparable<OrgUnitId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public OrgUnitId {
    Checks.nonBlank("OrgUnitId.value", value);
  }

  /** Shorthand for {@code new OrgUnitId(value)}. */
  public static OrgUnitId of(String value) {
    return new OrgUnitId(value);
  }

  @Override
  public int compareTo(OrgUnitId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

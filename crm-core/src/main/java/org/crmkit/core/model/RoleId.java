package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a role: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record RoleId(String value) implements Comparable<RoleId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public RoleId {
    Checks.nonBlank("RoleId.value", value);
  }

  /** Shorthand for {@code new RoleId(value)}. */
  public static RoleId of(String value) {
    return new RoleId(value);
  }

  @Override
  public int compareTo(RoleId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

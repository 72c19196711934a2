package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a customer: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public CustomerId {
    Checks.nonBlank("CustomerId.value", value);
  }

  /** Shorthand for {@code new CustomerId(value)}. */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

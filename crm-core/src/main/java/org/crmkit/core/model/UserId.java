package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a user: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record UserId(String value) implements Comparable<UserId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public UserId {
    Checks.nonBlank("UserId.value", value);
  }

  /** Shorthand for {@code new UserId(value)}. */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

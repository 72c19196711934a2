package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a team: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record TeamId(String value) implements Comparable<TeamId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public TeamId {
    Checks.nonBlank("TeamId.value", value);
  }

  /** Shorthand for {@code new TeamId(value)}. */
  public static TeamId of(String value) {
    return new TeamId(value);
  }

  @Override
  public int compareTo(TeamId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

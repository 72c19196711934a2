package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a territory: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record TerritoryId(String value) implements Comparable<TerritoryId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public TerritoryId {
    Checks.nonBlank("TerritoryId.value", value);
  }

  /** Shorthand for {@code new TerritoryId(value)}. */
  public static TerritoryId of(String value) {
    return new TerritoryId(value);
  }

  @Override
  public int compareTo(TerritoryId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

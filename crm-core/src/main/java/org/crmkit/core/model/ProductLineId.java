package org.crmkit.core.model;

import org.crmkit.core.internal.Checks;

/**
 * The identifier of a product line: a non-blank string chosen by the host application (typically its
 * primary key). Immutable; equal when the strings are equal; ordered by the string.
 *
 * @param value the identifier text, never blank
 */
public record ProductLineId(String value) implements Comparable<ProductLineId> {

  /**
   * Creates the identifier.
   *
   * @throws org.crmkit.core.CrmException if {@code value} is null or blank
   */
  public ProductLineId {
    Checks.nonBlank("ProductLineId.value", value);
  }

  /** Shorthand for {@code new ProductLineId(value)}. */
  public static ProductLineId of(String value) {
    return new ProductLineId(value);
  }

  @Override
  public int compareTo(ProductLineId other) {
    return value.compareTo(other.value);
  }

  /** Returns the identifier text itself, so ids print naturally in tables and explanations. */
  @Override
  public String toString() {
    return value;
  }
}

package org.crmkit.segmentation.tiers;

import org.crmkit.core.CrmException;

/**
 * Deal-size tiers by amount thresholds: amounts of at least {@code bigAtLeast} are {@link
 * DealSize#BIG}, of at least {@code mediumAtLeast} {@link DealSize#MEDIUM}, the rest {@link
 * DealSize#SMALL}. Immutable and thread-safe; O(1) per amount.
 *
 * @param bigAtLeast the smallest big amount
 * @param mediumAtLeast the smallest medium amount, at most {@code bigAtLeast}
 */
public record DealSizeTiers(double bigAtLeast, double mediumAtLeast) {

  /**
   * Creates the tiers.
   *
   * @throws CrmException if a threshold is not finite or {@code mediumAtLeast > bigAtLeast}
   */
  public DealSizeTiers {
    if (!Double.isFinite(bigAtLeast) || !Double.isFinite(mediumAtLeast)) {
      throw new CrmException("deal-size thresholds must be finite, but were big >= " + bigAtLeast
          + ", medium >= " + mediumAtLeast);
    }
    if (mediumAtLeast > bigAtLeast) {
      throw new CrmException("the medium threshold must be <= the big threshold, but was "
          + mediumAtLeast + " > " + bigAtLeast);
    }
  }

  /** Shorthand for the constructor. */
  public static DealSizeTiers of(double bigAtLeast, double mediumAtLeast) {
    return new DealSizeTiers(bigAtLeast, mediumAtLeast);
  }

  /**
   * The tier of {@code amount}.
   *
   * @throws CrmException if {@code amount} is not finite
   */
  public DealSize tierOf(double amount) {
    if (!Double.isFinite(amount)) {
      throw new CrmException("amount must be finite, but was " + amount);
    }
    return amount >= bigAtLeast ? DealSize.BIG
        : amount >= mediumAtLeast ? DealSize.MEDIUM : DealSize.SMALL;
  }
}

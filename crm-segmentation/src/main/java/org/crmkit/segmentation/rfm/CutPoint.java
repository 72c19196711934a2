package org.crmkit.segmentation.rfm;

import java.util.Optional;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * The lowest measure that earns {@code score} on one RFM dimension of a frozen {@link RfmModel}.
 * For recency {@code value} is the largest number of days that still earns the score; for
 * frequency and monetary it is the smallest value that earns it. Under {@link
 * TiePolicy#STABLE_SPLIT} a customer whose measure equals {@code value} earns the score only if
 * its id is at least {@code tieBreak}. Immutable.
 *
 * @param score the score this cut point grants, 2..tiles
 * @param value the threshold measure, finite
 * @param tieBreak under {@code STABLE_SPLIT}, the id of the first customer at the threshold
 */
public record CutPoint(int score, double value, @Nullable CustomerId tieBreak) {

  /**
   * Creates a cut point.
   *
   * @throws CrmException if {@code score < 2} or {@code value} is not finite
   */
  public CutPoint {
    if (score < 2) {
      throw new CrmException("CutPoint.score must be >= 2, but was " + score);
    }
    if (!Double.isFinite(value)) {
      throw new CrmException("CutPoint.value must be finite, but was " + value);
    }
  }

  /** The tie-break id, if this cut point has one. */
  public Optional<CustomerId> tieBreakId() {
    return Optional.ofNullable(tieBreak);
  }
}

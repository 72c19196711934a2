package org.crmkit.segmentation.forecast;

import java.time.Instant;
import java.util.List;

/**
 * The conversion curve of the subjects whose first logged transition falls in one cohort window.
 * Immutable.
 *
 * @param start the start of the cohort window
 * @param subjects the subjects of the cohort
 * @param wonShare element k: the share of the cohort won within {@code k + 1} windows of the
 *     cohort start; only windows that have fully elapsed by the analysis instant are listed
 */
public record CohortCurve(Instant start, int subjects, List<Double> wonShare) {
  /** Copies the list. */
  public CohortCurve {
    wonShare = List.copyOf(wonShare);
  }
}

package org.crmkit.segmentation.forecast;

import org.crmkit.core.CrmException;

/**
 * A deal in the open pipeline: where it is and what it is worth if won. Immutable.
 *
 * @param id the deal (or subject) id
 * @param stage its current stage
 * @param amount the revenue if won (finite, &gt;= 0)
 * @param daysInStage days since it entered the stage (finite, &gt;= 0)
 */
public record OpenDeal(String id, String stage, double amount, double daysInStage) {
  /**
   * Creates the deal.
   *
   * @throws CrmException if a string is blank, or the amount or days are negative or not finite
   */
  public OpenDeal {
    if (id == null || id.isBlank() || stage == null || stage.isBlank()) {
      throw new CrmException("OpenDeal needs a non-blank id and stage, but got '" + id + "' and '" + stage + "'");
    }
    if (!(amount >= 0) || !Double.isFinite(amount) || !(daysInStage >= 0) || !Double.isFinite(daysInStage)) {
      throw new CrmException("deal " + id + ": amount and daysInStage must be finite numbers >= 0, but were "
          + amount + " and " + daysInStage);
    }
  }
}

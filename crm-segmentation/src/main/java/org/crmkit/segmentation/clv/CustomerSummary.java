package org.crmkit.segmentation.clv;

import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;

/**
 * One customer's purchase history in the calibration period, in the form the BG/NBD and
 * Gamma-Gamma models use (the literature's {@code x}, {@code t_x}, {@code T}, {@code m̄}), plus
 * the count of purchase days in the hold-out period. Immutable.
 *
 * <p>Time is in periods of the data's {@link PeriodUnit}, measured from the customer's first
 * purchase day.
 *
 * @param customer the customer
 * @param repeatPurchases {@code x}: purchase days in the calibration period after the first one
 * @param recency {@code t_x}: time from the first to the last calibration purchase day; 0 when
 *     {@code x = 0}
 * @param age {@code T}: time from the first purchase day to the calibration end
 * @param meanRepeatSpend {@code m̄}: mean amount per repeat purchase day, the first day excluded;
 *     0 when {@code x = 0} (undefined there, and never used)
 * @param holdoutPurchases purchase days after the calibration end up to the hold-out end
 */
public record CustomerSummary(
    CustomerId customer,
    int repeatPurchases,
    double recency,
    double age,
    double meanRepeatSpend,
    int holdoutPurchases) {

  /**
   * Creates a summary.
   *
   * @throws CrmException if a count is negative, a time is negative or not finite, {@code recency
   *     > age}, {@code recency > 0} with no repeat purchase, or the spend is not finite
   */
  public CustomerSummary {
    if (customer == null) {
      throw new CrmException("CustomerSummary.customer is required, but was null");
    }
    if (repeatPurchases < 0 || holdoutPurchases < 0) {
      throw new CrmException("CustomerSummary of " + customer + ": purchase counts must be >= 0, but were "
          + repeatPurchases + " and " + holdoutPurchases);
    }
    if (!(age >= 0) || !Double.isFinite(age) || !(recency >= 0) || !(recency <= age)) {
      throw new CrmException("CustomerSummary of " + customer
          + ": need 0 <= recency <= age (finite), but recency was " + recency + " and age " + age);
    }
    if (repeatPurchases == 0 && recency != 0) {
      throw new CrmException("CustomerSummary of " + customer
          + ": recency must be 0 without repeat purchases, but was " + recency);
    }
    if (!Double.isFinite(meanRepeatSpend)) {
      throw new CrmException("CustomerSummary of " + customer
          + ": meanRepeatSpend must be finite, but was " + meanRepeatSpend);
    }
  }

  /**
   * A summary without hold-out purchases.
   *
   * @throws CrmException as the canonical constructor, or if {@code customer} is blank
   */
  public static CustomerSummary of(
      String customer, int repeatPurchases, double recency, double age, double meanRepeatSpend) {
    return new CustomerSummary(CustomerId.of(customer), repeatPurchases, recency, age, meanRepeatSpend, 0);
  }
}

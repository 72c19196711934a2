package org.crmkit.segmentation.clv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.tiers.ValueTier;
import org.crmkit.segmentation.tiers.ValueTiers;

/**
 * The predictions for a set of customers over one horizon and discount rate. Immutable.
 *
 * @param horizon the horizon, in periods of the model's unit
 * @param discount the discount rate per period
 * @param customers one prediction per customer, in the order of the input
 */
public record ClvPredictions(int horizon, double discount, List<CustomerPrediction> customers) {

  /** Copies the list. */
  public ClvPredictions {
    customers = List.copyOf(customers);
  }

  /**
   * Each customer's lifetime value, for value tiers; unmodifiable, in the order of
   * {@link #customers()}. O(n) per call.
   */
  public Map<CustomerId, Double> clvByCustomer() {
    Map<CustomerId, Double> out = new LinkedHashMap<>();
    for (CustomerPrediction p : customers) {
      out.put(p.customer(), p.clv());
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Value tiers from lifetime value: the customers whose CLV makes up the top {@code highShare} of
   * the total CLV are HIGH, up to {@code mediumShare} MEDIUM, the rest (and every CLV of zero) LOW;
   * see {@link ValueTiers#byCumulativeShare}. E.g. {@code tiers(0.8, 0.95)}.
   *
   * @return an unmodifiable map sorted by customer id
   * @throws org.crmkit.core.CrmException if the shares are not {@code 0 < highShare <= mediumShare
   *     <= 1}, or no customer has a positive CLV
   */
  public Map<CustomerId, ValueTier> tiers(double highShare, double mediumShare) {
    return ValueTiers.byCumulativeShare(clvByCustomer(), highShare, mediumShare);
  }
}

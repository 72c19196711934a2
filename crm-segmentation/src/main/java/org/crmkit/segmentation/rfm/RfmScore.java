package org.crmkit.segmentation.rfm;

import org.crmkit.core.model.CustomerId;

/**
 * One customer's RFM measures and scores. Immutable.
 *
 * @param customer the customer
 * @param recencyDays whole days from the last purchase to the as-of date (0 = bought that day)
 * @param frequency transactions or distinct purchase days, per the scorer's {@link
 *     FrequencyMeasure}
 * @param monetary total or mean amount, per the scorer's {@link MonetaryMeasure}
 * @param r recency score, 1..tiles, higher = more recent
 * @param f frequency score, 1..tiles, higher = more frequent
 * @param m monetary score, 1..tiles, higher = more spend
 */
public record RfmScore(
    CustomerId customer, int recencyDays, int frequency, double monetary, int r, int f, int m) {

  /** The three scores as a string such as {@code "545"} (tiles up to 9). */
  public String code() {
    return "" + r + f + m;
  }
}

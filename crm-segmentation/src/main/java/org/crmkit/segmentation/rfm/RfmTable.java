package org.crmkit.segmentation.rfm;

import java.util.function.IntFunction;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;

/**
 * Column-wise RFM results for customers {@code 0 .. customerCount - 1} of a {@link
 * TransactionColumns}: measures and scores in primitive arrays, plus the fitted {@link RfmModel}.
 * A customer with no transaction on or before the as-of date is not scored ({@link
 * #isScored(int)} is false, its scores are 0). Immutable and thread-safe; accessors are O(1).
 */
public final class RfmTable {
  private final int customers;
  private final int scored;
  private final IntFunction<CustomerId> ids;
  private final int[] transactions;
  private final int[] recency;
  private final int[] frequency;
  private final double[] monetary;
  private final byte[] r;
  private final byte[] f;
  private final byte[] m;
  private final RfmModel model;

  RfmTable(int customers, int scored, IntFunction<CustomerId> ids, int[] transactions,
      int[] recency, int[] frequency, double[] monetary, byte[] r, byte[] f, byte[] m,
      RfmModel model) {
    this.customers = customers;
    this.scored = scored;
    this.ids = ids;
    this.transactions = transactions;
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
    this.r = r;
    this.f = f;
    this.m = m;
    this.model = model;
  }

  /** The number of customer indices (scored or not). */
  public int customerCount() {
    return customers;
  }

  /** The number of scored customers (those with a transaction on or before the as-of date). */
  public int scoredCount() {
    return scored;
  }

  /** Whether customer {@code i} was scored. */
  public boolean isScored(int i) {
    return transactions[i] > 0;
  }

  /** The id of customer {@code i}. */
  public CustomerId customerId(int i) {
    return ids.apply(i);
  }

  /** Days from the last purchase of customer {@code i} to the as-of date. */
  public int recencyDays(int i) {
    return recency[i];
  }

  /** The frequency of customer {@code i}. */
  public int frequency(int i) {
    return frequency[i];
  }

  /** The monetary measure of customer {@code i}. */
  public double monetary(int i) {
    return monetary[i];
  }

  /** The recency score of customer {@code i} (0 if not scored). */
  public int r(int i) {
    return r[i];
  }

  /** The frequency score of customer {@code i} (0 if not scored). */
  public int f(int i) {
    return f[i];
  }

  /** The monetary score of customer {@code i} (0 if not scored). */
  public int m(int i) {
    return m[i];
  }

  /** The frozen model fitted on these customers. */
  public RfmModel model() {
    return model;
  }

  /**
   * Customer {@code i} as an {@link RfmScore}.
   *
   * @throws CrmException if customer {@code i} was not scored
   */
  public RfmScore score(int i) {
    if (!isScored(i)) {
      throw new CrmException("customer " + i + " ('" + customerId(i)
          + "') has no transaction on or before " + model.asOf() + " and was not scored");
    }
    return new RfmScore(customerId(i), recency[i], frequency[i], monetary[i], r[i], f[i], m[i]);
  }
}

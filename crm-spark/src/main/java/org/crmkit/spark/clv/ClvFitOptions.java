package org.crmkit.spark.clv;

import org.crmkit.core.CrmException;

/**
 * Opt-in approximations of {@link SparkClv#fit(org.apache.spark.sql.Dataset, java.time.LocalDate,
 * org.crmkit.segmentation.clv.PeriodUnit, org.crmkit.segmentation.clv.PurchaseModelKind,
 * ClvFitOptions)}; {@link #exact()} (the default) has none, so the fit equals crmkit's. Immutable.
 *
 * <ul>
 *   <li>{@link #roundTimes(TimeRounding)}: t_x and T rounded to whole weeks before the tuples are
 *       counted, for larger compression;</li>
 *   <li>{@link #spendSample(double, long)}: Gamma-Gamma fitted on a seeded sample of the
 *       customers, chosen by a hash of the customer id ({@code pmod(xxhash64(seed, customer_id),
 *       10^9) < fraction · 10^9}), so the same customers are chosen whatever the partitioning or
 *       order of the data.</li>
 * </ul>
 *
 * <pre>{@code
 * ClvFitOptions options = ClvFitOptions.exact().roundTimes(TimeRounding.WEEK).spendSample(0.1, 7);
 * }</pre>
 */
public final class ClvFitOptions {
  private static final ClvFitOptions EXACT = new ClvFitOptions(TimeRounding.DAY, 1, 0);

  private final TimeRounding timeRounding;
  private final double spendFraction;
  private final long seed;

  private ClvFitOptions(TimeRounding timeRounding, double spendFraction, long seed) {
    this.timeRounding = timeRounding;
    this.spendFraction = spendFraction;
    this.seed = seed;
  }

  /** No approximation: whole-day times, every customer in Gamma-Gamma. */
  public static ClvFitOptions exact() {
    return EXACT;
  }

  /**
   * These options with the times rounded as {@code rounding}.
   *
   * @throws CrmException if {@code rounding} is null
   */
  public ClvFitOptions roundTimes(TimeRounding rounding) {
    if (rounding == null) {
      throw new CrmException("rounding is required, but was null");
    }
    return new ClvFitOptions(rounding, spendFraction, seed);
  }

  /**
   * These options with Gamma-Gamma fitted on a sample of about {@code fraction} of the customers
   * (1 keeps every customer: exact), chosen by {@code seed}.
   *
   * @throws CrmException if {@code fraction} is not in {@code (0, 1]}
   */
  public ClvFitOptions spendSample(double fraction, long seed) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new CrmException("the spend sample fraction must be in (0, 1], but was " + fraction);
    }
    return new ClvFitOptions(timeRounding, fraction, seed);
  }

  /** The rounding of t_x and T ({@link TimeRounding#DAY}: exact). */
  public TimeRounding timeRounding() {
    return timeRounding;
  }

  /** The fraction of customers Gamma-Gamma is fitted on (1: all). */
  public double spendFraction() {
    return spendFraction;
  }

  /** The seed of the spend sample. */
  public long seed() {
    return seed;
  }

  /** Whether no approximation is asked for. */
  public boolean isExact() {
    return timeRounding == TimeRounding.DAY && spendFraction == 1;
  }

  @Override
  public String toString() {
    return "ClvFitOptions[roundTimes=" + timeRounding.label() + ", spendSample=" + spendFraction
        + ", seed=" + seed + "]";
  }
}

package org.crmkit.segmentation.clv;

import java.util.List;
import org.crmkit.core.CrmException;

/**
 * The four parameters of the BG/NBD model (Fader, Hardie &amp; Lee 2005), and its per-customer
 * formulas. While alive a customer buys at Poisson rate λ, heterogeneous across customers as
 * Gamma(shape {@code r}, rate {@code alpha}); after each purchase the customer drops out with
 * probability p, heterogeneous as Beta({@code a}, {@code b}). Times are in the model's period
 * unit. Immutable and thread-safe; every method is O(1) except where noted.
 *
 * @param r shape of the purchase-rate distribution (&gt; 0)
 * @param alpha rate (inverse scale) of the purchase-rate distribution, in periods (&gt; 0)
 * @param a first shape of the dropout-probability distribution (&gt; 0)
 * @param b second shape of the dropout-probability distribution (&gt; 0)
 */
public record BgNbdParameters(double r, double alpha, double a, double b) implements PurchaseModel {

  /**
   * Creates the parameters.
   *
   * @throws CrmException naming the parameter if one is not a finite positive number
   */
  public BgNbdParameters {
    positive("r", r);
    positive("alpha", alpha);
    positive("a", a);
    positive("b", b);
  }

  @Override
  public PurchaseModelKind kind() {
    return PurchaseModelKind.BG_NBD;
  }

  /** {@code r, alpha, a, b}, as in the paper; unmodifiable. */
  @Override
  public java.util.Map<String, Double> parameters() {
    java.util.Map<String, Double> m = new java.util.LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("a", a);
    m.put("b", b);
    return java.util.Collections.unmodifiableMap(m);
  }

  static void positive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new CrmException("parameter " + name + " must be a finite number > 0, but was " + v);
    }
  }

  /** The log-likelihood of one customer's calibration summary (eq. 6 of the paper, in log space). */
  @Override
  public double logLikelihood(CustomerSummary c) {
    return BgNbdMath.logLikelihood(r, alpha, a, b, c.repeatPurchases(), c.recency(), c.age());
  }

  /** The total log-likelihood of the customers; O(n). */
  @Override
  public double logLikelihood(List<CustomerSummary> customers) {
    double sum = 0;
    for (CustomerSummary c : customers) {
      sum += logLikelihood(c);
    }
    return sum;
  }

  /** The probability that the customer is still alive at the calibration end (eq. 13); in [0, 1]. */
  @Override
  public double probabilityAlive(CustomerSummary c) {
    return BgNbdMath.probabilityAlive(r, alpha, a, b, c.repeatPurchases(), c.recency(), c.age());
  }

  /**
   * The expected number of purchases of the customer in the {@code t} periods after the
   * calibration end (eq. 10); finite and {@code >= 0}, never NaN. Evaluated without cancellation
   * also in the extreme corners a fit can reach (a, b up to e^25, where BG/NBD approaches the
   * NBD model): see {@code BgNbdMath.aliveExpectation}. O((alpha + T + t)/(alpha + T)) for the
   * hypergeometric series, or O(expected purchase opportunities (r+x)·t/(alpha+T)) where it falls
   * back to a positive series.
   *
   * @throws CrmException if {@code t} is negative or not finite, or the positive series would need
   *     more than two million terms (only when the posterior expects over a million
   *     purchase opportunities, (r+x)·t/(alpha+T), in the horizon, and the other forms do not apply)
   */
  @Override
  public double expectedPurchases(CustomerSummary c, double t) {
    checkHorizon(t);
    return finite("expected purchases", probabilityAlive(c)
        * BgNbdMath.aliveExpectation(r, alpha, a, b, c.repeatPurchases(), c.age(), t));
  }

  static double finite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new CrmException("the " + what + " overflow a double (" + v + "): the model's parameters are out of range");
    }
    return v;
  }

  /**
   * The expected number of repeat purchases of a new customer in the {@code t} periods after
   * their first purchase, E[X(t)] (eq. 9); the population curve of the model.
   *
   * @throws CrmException if {@code t} is negative or not finite, or as {@link #expectedPurchases}
   */
  @Override
  public double expectedRepeatPurchases(double t) {
    checkHorizon(t);
    return finite("expected repeat purchases", BgNbdMath.aliveExpectation(r, alpha, a, b, 0, 0, t));
  }

  static void checkHorizon(double t) {
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new CrmException("the horizon t must be a finite number >= 0, but was " + t);
    }
  }
}

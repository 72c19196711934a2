package org.crmkit.segmentation.clv;

import static org.crmkit.segmentation.clv.BgNbdParameters.finite;
import static org.crmkit.segmentation.clv.BgNbdParameters.positive;
import static org.hipparchus.special.Gamma.logGamma;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * The four parameters of the BG/BB model for discrete transaction opportunities (Fader, Hardie
 * &amp; Shang 2010, "Customer-base analysis in a discrete-time noncontractual setting"), and its
 * per-customer formulas. At each opportunity an alive customer transacts with probability
 * p ~ Beta({@code alpha}, {@code beta}) and, before the next one, dies with probability
 * θ ~ Beta({@code gamma}, {@code delta}). Immutable and thread-safe.
 *
 * <p>A {@link CustomerSummary} is read as {@code (x, t_x, n)}: {@code repeatPurchases} = x,
 * {@code recency} = t_x (the opportunity of the last transaction, 0 if none), {@code age} = n (the
 * opportunities observed); both times must be whole numbers, and so must every horizon. The
 * likelihood costs O(n − t_x); the expectations are closed forms, O(1) whatever the horizon
 * (a direct sum of at most the horizon's terms only when {@code |gamma − 1| < 1e-5}, where the
 * closed form is 0/0).
 *
 * @param alpha first shape of the transaction-probability distribution (&gt; 0)
 * @param beta second shape of the transaction-probability distribution (&gt; 0)
 * @param gamma first shape of the dropout-probability distribution (&gt; 0)
 * @param delta second shape of the dropout-probability distribution (&gt; 0)
 */
public record BgBbParameters(double alpha, double beta, double gamma, double delta) implements PurchaseModel {

  /**
   * Creates the parameters.
   *
   * @throws CrmException naming the parameter if one is not a finite positive number
   */
  public BgBbParameters {
    positive("alpha", alpha);
    positive("beta", beta);
    positive("gamma", gamma);
    positive("delta", delta);
  }

  @Override
  public PurchaseModelKind kind() {
    return PurchaseModelKind.BG_BB;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("alpha", alpha);
    m.put("beta", beta);
    m.put("gamma", gamma);
    m.put("delta", delta);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Equation (5) of the paper: {@code B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−t_x−1}
   * B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ)}, summed in log space.
   *
   * @throws CrmException if {@code t_x} or {@code n} is not a whole number
   */
  @Override
  public double logLikelihood(CustomerSummary c) {
    int[] v = discrete(c);
    return logLikelihood(alpha, beta, gamma, delta, v[0], v[1], v[2]);
  }

  static double logLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
    double lbAb = logBeta(alpha, beta);
    double lbGd = logBeta(gamma, delta);
    double hi = logBeta(alpha + x, beta + n - x) - lbAb + logBeta(gamma, delta + n) - lbGd;
    double sum = 1;
    for (int i = 0; i < n - tx; i++) {
      double term = logBeta(alpha + x, beta + tx - x + i) - lbAb + logBeta(gamma + 1, delta + tx + i) - lbGd;
      if (term > hi) {
        sum = sum * Math.exp(hi - term) + 1;
        hi = term;
      } else {
        sum += Math.exp(term - hi);
      }
    }
    return hi + Math.log(sum);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Alive at opportunity {@code n + 1}: {@code B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L}.
   *
   * @throws CrmException if {@code t_x} or {@code n} is not a whole number
   */
  @Override
  public double probabilityAlive(CustomerSummary c) {
    int[] v = discrete(c);
    double log = logBeta(alpha + v[0], beta + v[2] - v[0]) - logBeta(alpha, beta)
        + logBeta(gamma, delta + v[2] + 1) - logBeta(gamma, delta);
    return Math.min(1, Math.exp(log - logLikelihood(alpha, beta, gamma, delta, v[0], v[1], v[2])));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Equation (13) of the paper: {@code 1/L · B(α+x+1, β+n−x)/B(α,β) · Σ_{k=1}^{n*}
   * B(γ, δ+n+k)/B(γ,δ)}, the sum in closed form {@code δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) ·
   * [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]}.
   *
   * @throws CrmException if {@code t} is negative or not a whole number, or {@code t_x} or
   *     {@code n} is not
   */
  @Override
  public double expectedPurchases(CustomerSummary c, double t) {
    int[] v = discrete(c);
    long horizon = opportunities(t);
    double log = logBeta(alpha + v[0] + 1, beta + v[2] - v[0]) - logBeta(alpha, beta)
        - logLikelihood(alpha, beta, gamma, delta, v[0], v[1], v[2]);
    return finite("expected purchases", Math.exp(log) * survivalSum(v[2], horizon));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)/Γ(1+δ) · Γ(1+δ+n)/Γ(γ+δ+n)]}.
   *
   * @throws CrmException if {@code t} is negative or not a whole number
   */
  @Override
  public double expectedRepeatPurchases(double t) {
    long horizon = opportunities(t);
    return finite("expected repeat purchases", alpha / (alpha + beta) * survivalSum(0, horizon));
  }

  /**
   * The probability that a new customer makes exactly {@code x} transactions in the first
   * {@code n} opportunities, P(X(n) = x) (equation 8 of the paper); the histogram the model
   * expects. O(n).
   *
   * @throws CrmException unless {@code 0 <= x <= n}
   */
  public double probabilityOfPurchases(int x, int n) {
    if (x < 0 || x > n) {
      throw new CrmException("need 0 <= x <= n, but x was " + x + " and n " + n);
    }
    double lbAb = logBeta(alpha, beta);
    double lbGd = logBeta(gamma, delta);
    double p = Math.exp(logBinomial(n, x) + logBeta(alpha + x, beta + n - x) - lbAb
        + logBeta(gamma, delta + n) - lbGd);
    for (int i = x; i < n; i++) {
      p += Math.exp(logBinomial(i, x) + logBeta(alpha + x, beta + i - x) - lbAb
          + logBeta(gamma + 1, delta + i) - lbGd);
    }
    return p;
  }

  /**
   * {@code Σ_{k=1}^{m} B(γ, δ+n+k)/B(γ,δ)}: the expected number of the next {@code m}
   * opportunities at which a customer alive at {@code n} is alive, given survival to {@code n}
   * unconditionally weighted (see the class comment for the cost).
   */
  double survivalSum(int n, long m) {
    if (m == 0) {
      return 0;
    }
    if (Math.abs(gamma - 1) < 1e-5) {
      double lb = logBeta(gamma, delta);
      double sum = 0;
      for (long k = 1; k <= m; k++) {
        sum += Math.exp(logBeta(gamma, delta + n + k) - lb);
      }
      return sum;
    }
    double logC1 = logC(n);
    double logC2 = logC(n + (double) m);
    return delta / (gamma - 1) * Math.exp(logC1) * -Math.expm1(logC2 - logC1);
  }

  /** {@code ln[Γ(γ+δ)/Γ(1+δ) · Γ(1+δ+u)/Γ(γ+δ+u)]}. */
  private double logC(double u) {
    return logGamma(gamma + delta) - logGamma(1 + delta) + logGamma(1 + delta + u) - logGamma(gamma + delta + u);
  }

  static double logBeta(double p, double q) {
    return logGamma(p) + logGamma(q) - logGamma(p + q);
  }

  private static double logBinomial(int n, int k) {
    return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
  }

  private static long opportunities(double t) {
    if (!(t >= 0) || t != Math.rint(t) || t > 1e9) {
      throw new CrmException("a BG/BB horizon counts transaction opportunities: it must be a whole number in"
          + " [0, 1e9], but was " + t);
    }
    return (long) t;
  }

  /** {@code {x, t_x, n}} of a summary, checking that the times are whole numbers. */
  static int[] discrete(CustomerSummary c) {
    double tx = c.recency();
    double n = c.age();
    if (tx != Math.rint(tx) || n != Math.rint(n) || n > Integer.MAX_VALUE) {
      throw new CrmException("BG/BB reads recency and age as whole transaction opportunities, but customer "
          + c.customer() + " has recency " + tx + " and age " + n);
    }
    if (c.repeatPurchases() > n || (c.repeatPurchases() > 0 && c.repeatPurchases() > tx)) {
      throw new CrmException("BG/BB needs x <= t_x <= n, but customer " + c.customer() + " has x = "
          + c.repeatPurchases() + ", t_x = " + tx + ", n = " + n);
    }
    return new int[] {c.repeatPurchases(), (int) tx, (int) n};
  }
}

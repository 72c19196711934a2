package org.crmkit.segmentation.clv;

import static org.crmkit.segmentation.clv.BgNbdParameters.checkHorizon;
import static org.crmkit.segmentation.clv.BgNbdParameters.finite;
import static org.crmkit.segmentation.clv.BgNbdParameters.positive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * The four parameters of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987), and its
 * per-customer formulas (Fader, Hardie &amp; Lee 2005, "A note on deriving the Pareto/NBD model
 * and related expressions"). While alive a customer buys at Poisson rate λ ~ Gamma({@code r},
 * {@code alpha}) and dies at an exponential time of rate μ ~ Gamma({@code s}, {@code beta}),
 * independently. Immutable and thread-safe.
 *
 * <p>The likelihood needs the Gauss hypergeometric function {@code ₂F₁} (evaluated in log space,
 * see {@code Hypergeometric}); P(alive), the expected purchases and the population curve are
 * closed forms, O(1) whatever the horizon.
 *
 * @param r shape of the purchase-rate distribution (&gt; 0)
 * @param alpha rate of the purchase-rate distribution, in periods (&gt; 0)
 * @param s shape of the dropout-rate distribution (&gt; 0)
 * @param beta rate of the dropout-rate distribution, in periods (&gt; 0)
 */
public record ParetoNbdParameters(double r, double alpha, double s, double beta) implements PurchaseModel {

  /**
   * Creates the parameters.
   *
   * @throws CrmException naming the parameter if one is not a finite positive number
   */
  public ParetoNbdParameters {
    positive("r", r);
    positive("alpha", alpha);
    positive("s", s);
    positive("beta", beta);
  }

  @Override
  public PurchaseModelKind kind() {
    return PurchaseModelKind.PARETO_NBD;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("s", s);
    m.put("beta", beta);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[(α+T)^{−(r+x)} (β+T)^{−s} + s/(r+s+x)
   * A₀]}, with {@code A₀} the difference of two {@code ₂F₁} terms at {@code t_x} and {@code T}
   * (equations 19–22 of the note), taken in log space.
   */
  @Override
  public double logLikelihood(CustomerSummary c) {
    return logLikelihood(r, alpha, s, beta, c.repeatPurchases(), c.recency(), c.age());
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code (α+T)^{−(r+x)} (β+T)^{−s}} divided by the bracket of the likelihood.
   */
  @Override
  public double probabilityAlive(CustomerSummary c) {
    int x = c.repeatPurchases();
    double t1 = aliveTerm(r, alpha, s, beta, x, c.age());
    return Math.exp(t1 - logBracket(r, alpha, s, beta, x, c.recency(), c.age()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code P(alive) · (r+x)/(α+T) · (β+T)/(s−1) · [1 − ((β+T)/(β+T+t))^{s−1}]} (the limit
   * {@code (β+T) ln((β+T+t)/(β+T))} at {@code s = 1}); O(1).
   */
  @Override
  public double expectedPurchases(CustomerSummary c, double t) {
    checkHorizon(t);
    double bt = beta + c.age();
    return finite("expected purchases", probabilityAlive(c) * (r + c.repeatPurchases()) / (alpha + c.age())
        * bt * survivalIntegral(s - 1, Math.log1p(t / bt)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code r β / (α (s−1)) · [1 − (β/(β+t))^{s−1}]}; O(1).
   */
  @Override
  public double expectedRepeatPurchases(double t) {
    checkHorizon(t);
    return finite("expected repeat purchases", r / alpha * beta * survivalIntegral(s - 1, Math.log1p(t / beta)));
  }

  /** {@code (1 − e^{−k L})/k}, and its limit {@code L} at {@code k = 0}. */
  static double survivalIntegral(double k, double logRatio) {
    return k == 0 ? logRatio : -Math.expm1(-k * logRatio) / k;
  }

  static double aliveTerm(double r, double alpha, double s, double beta, int x, double bigT) {
    return -(r + x) * Math.log(alpha + bigT) - s * Math.log(beta + bigT);
  }

  static double logLikelihood(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
    return BgNbdMath.logGammaRatio(r, x) + r * Math.log(alpha) + s * Math.log(beta)
        + logBracket(r, alpha, s, beta, x, tx, bigT);
  }

  /** {@code ln[(α+T)^{−(r+x)} (β+T)^{−s} + s/(r+s+x) A₀]}. */
  static double logBracket(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
    double t1 = aliveTerm(r, alpha, s, beta, x, bigT);
    if (!(tx < bigT)) {
      return t1;
    }
    double f1 = logF(r, alpha, s, beta, x, tx);
    double f2 = logF(r, alpha, s, beta, x, bigT);
    if (!(f2 < f1)) {
      return t1;
    }
    double logA0 = f1 + Math.log(-Math.expm1(f2 - f1));
    double t2 = Math.log(s) - Math.log(r + s + x) + logA0;
    double hi = Math.max(t1, t2);
    return hi + Math.log1p(Math.exp(Math.min(t1, t2) - hi));
  }

  /**
   * {@code ln[₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) / (α+t)^{r+s+x}]} for {@code α >= β}, else
   * {@code ln[₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) / (β+t)^{r+s+x}]}: the argument is then in
   * {@code [0, 1)}.
   */
  static double logF(double r, double alpha, double s, double beta, int x, double t) {
    double a = r + s + x;
    if (alpha >= beta) {
      return Hypergeometric.log2F1(a, s + 1, a + 1, (alpha - beta) / (alpha + t)) - a * Math.log(alpha + t);
    }
    return Hypergeometric.log2F1(a, r + x, a + 1, (beta - alpha) / (beta + t)) - a * Math.log(beta + t);
  }
}

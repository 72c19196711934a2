package org.crmkit.segmentation.clv;

import static org.crmkit.segmentation.clv.BgNbdParameters.checkHorizon;
import static org.crmkit.segmentation.clv.BgNbdParameters.finite;
import static org.crmkit.segmentation.clv.BgNbdParameters.positive;

import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * The four parameters of the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007), and its
 * per-customer formulas. As BG/NBD, but a customer may also drop out at time 0, right after the
 * first purchase, so that a one-time buyer is not certainly alive: while alive a customer buys at
 * rate λ ~ Gamma({@code r}, {@code alpha}); at time 0 and after each purchase the customer drops
 * out with probability p ~ Beta({@code a}, {@code b}). Immutable and thread-safe.
 *
 * <p>Given the data, the alive customer's dropout probability is Beta(a, b+x+1) instead of
 * BG/NBD's Beta(a, b+x): the conditional expectation is BG/NBD's with {@code b + 1}, evaluated by
 * the same cancellation-free series.
 *
 * @param r shape of the purchase-rate distribution (&gt; 0)
 * @param alpha rate of the purchase-rate distribution, in periods (&gt; 0)
 * @param a first shape of the dropout-probability distribution (&gt; 0)
 * @param b second shape of the dropout-probability distribution (&gt; 0)
 */
public record MbgNbdParameters(double r, double alpha, double a, double b) implements PurchaseModel {

  /**
   * Creates the parameters.
   *
   * @throws CrmException naming the parameter if one is not a finite positive number
   */
  public MbgNbdParameters {
    positive("r", r);
    positive("alpha", alpha);
    positive("a", a);
    positive("b", b);
  }

  @Override
  public PurchaseModelKind kind() {
    return PurchaseModelKind.MBG_NBD;
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("a", a);
    m.put("b", b);
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code ln[B(a, b+x+1)/B(a,b) · Γ(r+x) α^r / (Γ(r) (α+T)^{r+x})] + ln(1 + a/(b+x)
   * ((α+T)/(α+t_x))^{r+x})}.
   */
  @Override
  public double logLikelihood(CustomerSummary c) {
    return logLikelihood(r, alpha, a, b, c.repeatPurchases(), c.recency(), c.age());
  }

  static double logLikelihood(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double shared = BgNbdMath.logGammaRatio(r, x) + r * Math.log(alpha)
        + BgNbdMath.logGammaRatio(b, x + 1) - BgNbdMath.logGammaRatio(a + b, x + 1)
        - (r + x) * Math.log(alpha + bigT);
    double d = dropped(r, alpha, a, b, x, tx, bigT);
    return shared + (d > 0 ? d + Math.log1p(Math.exp(-d)) : Math.log1p(Math.exp(d)));
  }

  /** {@code ln[a/(b+x) ((α+T)/(α+t_x))^{r+x}]}: the dropped-out term against the alive one. */
  static double dropped(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    return Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + bigT) - Math.log(alpha + tx));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^{r+x})}, for one-time buyers too (below 1 there).
   */
  @Override
  public double probabilityAlive(CustomerSummary c) {
    return 1 / (1 + Math.exp(dropped(r, alpha, a, b, c.repeatPurchases(), c.recency(), c.age())));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code P(alive) · (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; z)]},
   * {@code z = t/(α+T+t)}, evaluated as {@code BgNbdMath.aliveExpectation} with {@code b+1}.
   *
   * @throws CrmException also as {@link BgNbdParameters#expectedPurchases}
   */
  @Override
  public double expectedPurchases(CustomerSummary c, double t) {
    checkHorizon(t);
    return finite("expected purchases", probabilityAlive(c)
        * BgNbdMath.aliveExpectation(r, alpha, a, b + 1, c.repeatPurchases(), c.age(), t));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]}: the share {@code b/(a+b)}
   * of customers alive after time 0 times their expectation with p ~ Beta(a, b+1).
   */
  @Override
  public double expectedRepeatPurchases(double t) {
    checkHorizon(t);
    return finite("expected repeat purchases", b / (a + b) * BgNbdMath.aliveExpectation(r, alpha, a, b + 1, 0, 0, t));
  }
}

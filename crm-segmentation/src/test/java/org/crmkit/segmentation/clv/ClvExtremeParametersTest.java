package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The BG/NBD and Gamma-Gamma formulas in the extreme corners a fit can reach (parameters up to
 * e^25). Where {@link NaiveClv}'s numeric integration still resolves the mixing distribution it is
 * the reference; beyond that (Beta(a, b) narrower than its grid step) the reference is the
 * model's limit, derived here.
 *
 * <p><b>The fixed-dropout limit.</b> As {@code a, b → ∞} with {@code a/(a+b)} fixed, the
 * posterior p ~ Beta(a, b+x) of an alive customer collapses to its mean
 * {@code p̄ = a/(a+b+x)} (variance {@code O(1/(a+b))}), so BG/NBD becomes the model with one
 * dropout probability p̄. Given p, purchases at rate λ stop at the first dropout, so the expected
 * purchases in t periods are {@code (1 − e^{−λp t})/p}, and over λ ~ Gamma(r+x, α+T):
 * {@code U = (1 − (1 + p̄ t/(α+T))^{−(r+x)}) / p̄}. P(alive) keeps its exact form
 * {@code 1/(1 + a/(b+x−1) ((α+T)/(α+t_x))^{r+x})} (its ratio a/(b+x−1) is exact for any a, b).
 * So {@code E[Y(t)] → P(alive) · U}, with relative error {@code O(x²/(a+b) + (r+x)t/(α+T)/(a+b))}.
 * When also {@code p̄ → 0} (a/b → 0) this tends to the NBD value {@code P(alive) · t(r+x)/(α+T)},
 * from below, the first correction being the factor {@code 1 − p̄ (r+x+1) t / (2(α+T))}.
 */
class ClvExtremeParametersTest {

  /** The fixed-dropout limit of E[Y(t) | x, t_x, T], see the class comment. */
  static double fixedDropoutLimit(double r, double alpha, double a, double b, int x, double tx, double bigT, double t) {
    double pBar = a / (a + b + x);
    double alive = x == 0 ? 1
        : 1 / (1 + a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + tx), r + x));
    double u = -Math.expm1(-(r + x) * Math.log1p(pBar * t / (alpha + bigT))) / pBar;
    return alive * u;
  }

  @ParameterizedTest
  @CsvSource({
    // the corner of the issue: the fit on 28,000 generated customers
    "0.634, 1.297, 2351.24, 366002.07, 0, 0, 40, 52",
    "0.634, 1.297, 2351.24, 366002.07, 5, 30, 78, 52",
    "0.634, 1.297, 2351.24, 366002.07, 60, 77, 78, 52",
    "0.634, 1.297, 2351.24, 366002.07, 0, 0, 0, 1",
    // a very close to 1, where the paper's formula is 0/0
    "0.634, 1.297, 1.000000001, 30, 5, 30, 78, 52",
    "0.634, 1.297, 0.999999999, 3000, 5, 30, 78, 104",
    // large r and alpha (rate distribution narrow)
    "40, 300, 0.8, 2.5, 12, 50, 60, 52",
    "400, 2000, 3.0, 2000, 3, 10, 60, 52",
    // many repeat purchases, long horizon
    "0.634, 1.297, 50, 5000, 200, 70, 78, 300",
  })
  void expectedPurchasesEqualTheNumericPosteriorExpectation(double r, double alpha, double a, double b,
      int x, double tx, double bigT, double t) {
    double ours = new BgNbdParameters(r, alpha, a, b).expectedPurchases(CustomerSummary.of("c", x, tx, bigT, 1), t);
    double naive = NaiveClv.expectedPurchases(r, alpha, a, b, x, tx, bigT, t);
    assertThat(ours).isCloseTo(naive, within(1e-7 * Math.max(1, naive)));
  }

  @ParameterizedTest
  @CsvSource({
    // the issue's second corner, a = e^20, b = e^24 (the Beta is far narrower than any grid)
    "0.634, 1.297, 20, 24, 0, 0, 40, 52",
    "0.634, 1.297, 20, 24, 5, 30, 78, 52",
    "0.634, 1.297, 20, 24, 60, 77, 78, 52",
    "0.634, 1.297, 20, 24, 60, 77, 78, 1",
    // at the fit's bounds
    "0.634, 1.297, 25, 25, 5, 30, 78, 52",
    "0.634, 1.297, 24.9, 25, 300, 77.5, 78, 520",
    // the NBD corner: a/b = e^-20
    "0.634, 1.297, 5, 25, 5, 30, 78, 52",
    "2.0, 0.5, 3, 23, 0, 0, 0, 10",
  })
  void expectedPurchasesTendToTheFixedDropoutLimit(double r, double alpha, double logA, double logB,
      int x, double tx, double bigT, double t) {
    double a = Math.exp(logA);
    double b = Math.exp(logB);
    double ours = new BgNbdParameters(r, alpha, a, b).expectedPurchases(CustomerSummary.of("c", x, tx, bigT, 1), t);
    double limit = fixedDropoutLimit(r, alpha, a, b, x, tx, bigT, t);
    assertThat(ours).isCloseTo(limit, within(1e-8 * limit));
    // and below the NBD value, by the first-order dropout correction
    double alive = new BgNbdParameters(r, alpha, a, b).probabilityAlive(CustomerSummary.of("c", x, tx, bigT, 1));
    double nbd = alive * t * (r + x) / (alpha + bigT);
    double pBar = a / (a + b + x);
    assertThat(ours).isLessThanOrEqualTo(nbd * (1 + 1e-12));
    assertThat(ours).isGreaterThanOrEqualTo(nbd * (1 - pBar * (r + x + 1) * t / (2 * (alpha + bigT))) * (1 - 1e-9));
  }

  @Test
  void expectedPurchasesTendToTheNbdValueAsTheDropoutVanishes() {
    // a/b = e^-22: p̄ (r+x+1) t / (2(α+T)) < 1e-8
    double r = 0.634, alpha = 1.297, a = Math.exp(3), b = Math.exp(25);
    BgNbdParameters m = new BgNbdParameters(r, alpha, a, b);
    double ours = m.expectedPurchases(CustomerSummary.of("c", 0, 0, 40, 1), 52);
    assertThat(ours).isCloseTo(52 * r / (alpha + 40), within(1e-8 * ours));
    assertThat(m.expectedRepeatPurchases(78)).isCloseTo(78 * r / alpha, within(1e-7 * 78 * r / alpha));
  }

  @ParameterizedTest
  @CsvSource({
    "0.634, 1.297, 20, 24, 0, 0, 40",
    "0.634, 1.297, 20, 24, 5, 30, 78",
    "0.634, 1.297, 20, 24, 60, 77, 78",
    "0.634, 1.297, 25, 25, 12, 70, 78",
    "3.0, 5.0, 5, 24, 3, 2, 78",
  })
  void likelihoodTendsToTheFixedDropoutLimit(double r, double alpha, double logA, double logB, int x,
      double tx, double bigT) {
    double a = Math.exp(logA);
    double b = Math.exp(logB);
    // fixed p = a/(a+b): (1−p)^x λ^x e^{−λT} + p(1−p)^{x−1} λ^x e^{−λ t_x}, λ ~ Gamma(r, α) in closed form
    double p = a / (a + b);
    double gammaPart = org.hipparchus.special.Gamma.logGamma(r + x) - org.hipparchus.special.Gamma.logGamma(r)
        + r * Math.log(alpha);
    double alive = x * Math.log1p(-p) - (r + x) * Math.log(alpha + bigT);
    double dead = x == 0 ? Double.NEGATIVE_INFINITY
        : Math.log(p) + (x - 1) * Math.log1p(-p) - (r + x) * Math.log(alpha + tx);
    double hi = Math.max(alive, dead);
    double limit = gammaPart + hi + Math.log(Math.exp(alive - hi) + Math.exp(dead - hi));
    double ours = new BgNbdParameters(r, alpha, a, b).logLikelihood(CustomerSummary.of("c", x, tx, bigT, 1));
    // the Beta moments differ from the powers of p by O(x²/(a+b)) relative
    assertThat(ours).isCloseTo(limit, within(1e-8));
  }

  @ParameterizedTest
  @CsvSource({
    // p, log q, x, m: q and gamma = q / nu with nu = 0.05 fixed, so nu collapses to its mean
    "3.0, 20, 1, 20.0",
    "3.0, 22, 7, 35.5",
    "0.5, 25, 40, 2.0",
    "50, 20, 3, 60.0",
  })
  void gammaGammaLikelihoodTendsToTheFixedRateLimit(double p, double logQ, int x, double m) {
    double q = Math.exp(logQ);
    double nu = 0.05;
    double gamma = q / nu;
    // ν ~ Gamma(q, γ) collapses to q/γ = ν; x·m̄ ~ Gamma(px, ν): f(m̄) = x · density of x·m̄
    double px = p * x;
    double limit = Math.log(x) + px * Math.log(nu) + (px - 1) * Math.log(x * m) - nu * x * m
        - org.hipparchus.special.Gamma.logGamma(px);
    double ours = new GammaGammaParameters(p, q, gamma).logLikelihood(CustomerSummary.of("c", x, 1, 2, m));
    // relative error O(px/q + (x m ν)²/q)
    assertThat(ours).isCloseTo(limit, within(1e-6 * Math.max(1, Math.abs(limit))));
  }

  @Test
  void gammaGammaLikelihoodEqualsTheNumericMixtureNearQOne() {
    for (double q : new double[] {1.0000001, 1.01, 0.3}) {
      double closed = new GammaGammaParameters(2.0, q, 40).logLikelihood(CustomerSummary.of("c", 3, 1, 2, 25));
      assertThat(closed).isCloseTo(NaiveClv.gammaGammaLogLikelihood(2.0, q, 40, 3, 25), within(1e-7 * Math.abs(closed)));
    }
  }

  @Test
  void clvAndTheCumulativeCurveAreFiniteInTheIssuesCorner() {
    for (double[] bg : new double[][] {{0.634, 1.297, 2351.24, 366002.07},
        {0.634, 1.297, Math.exp(20), Math.exp(24)}}) {
      ClvModel model = ClvProperties.model(new BgNbdParameters(bg[0], bg[1], bg[2], bg[3]),
          new GammaGammaParameters(6.25, 3.74, 15.44));
      List<CustomerSummary> cs = List.of(CustomerSummary.of("a", 0, 0, 40, 0),
          CustomerSummary.of("b", 5, 30, 78, 20), CustomerSummary.of("c", 60, 77, 78, 35));
      for (CustomerPrediction p : model.predict(cs, 52, 0.01).customers()) {
        assertThat(p.expectedPurchases()).isFinite().isPositive();
        assertThat(p.clv()).isFinite().isPositive();
        assertThat(p.clv()).isLessThanOrEqualTo(p.expectedPurchases() * p.expectedSpend());
      }
      double[] curve = model.expectedCumulativeRepeatPurchases(cs, 52);
      double sum = 0;
      for (CustomerSummary c : cs) {
        sum += model.bgNbd().parameters().expectedPurchases(c, 52);
      }
      assertThat(curve[51]).isFinite().isCloseTo(sum, within(1e-12 * sum));
      for (int k = 1; k < 52; k++) {
        assertThat(curve[k]).isGreaterThanOrEqualTo(curve[k - 1]);
      }
    }
  }

  @Test
  void parametersBeyondADoubleGiveATypedErrorNotInfinity() {
    GammaGammaParameters huge = new GammaGammaParameters(1e200, 2, 1e200);
    assertThatThrownBy(huge::populationMeanSpend).isInstanceOf(CrmException.class)
        .hasMessageContaining("population mean spend");
    assertThatThrownBy(() -> huge.expectedSpend(CustomerSummary.of("c", 2, 1, 2, 5)))
        .isInstanceOf(CrmException.class).hasMessageContaining("expected spend");
  }

  @Test
  void aTinyAAndAHugeBLoseNoDigitsInTheEulerForm() {
    // found by the property below (QT_SEED 16968691614357): 1 − G cancelled to 1.5e-7 in the
    // Euler form's "₂F₁ small" branch, which lost eight digits (0.009999999111632863)
    double r = 0.006737946999085467;
    double e = BgNbdMath.aliveExpectation(r, r, r, 65529.49652986711, 0, 0.0, 0.01);
    // mpmath 1.3.0 at 40 digits: (a+b−1)/(a−1)·(1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t)))
    assertThat(e).isCloseTo(0.0099999992318554674, within(1e-14));
    // a scan of 150,000 examples of that property found six more, up to 3.5e-8 relative, e.g.
    // (9.829605327104517 against mpmath's 9.8296049862976833):
    double withRepeats = BgNbdMath.aliveExpectation(0.025389129515995475, 0.7084458188132488,
        0.1238941510346777, 2.235760602319235E8, 4, 33.97091511814382, 84.68359440011783);
    // mpmath 1.3.0 at 40 digits, the same formula with r + x, b + x, a + b + x − 1, α + T
    assertThat(withRepeats).isCloseTo(9.8296049862976833, within(1e-12));
  }

  @Test
  void theThreeExactFormsAgreeOverTheWholeFitRange() {
    // whichever form aliveExpectation picks must equal the plain positive series where that is affordable
    qt().withExamples(1500).forAll(ClvProperties.bgNbdFitRange(), ClvProperties.customers(),
        doubles().between(0.01, 104))
        .assuming((m, c, t) -> (m.r() + c.repeatPurchases()) * t / (m.alpha() + c.age()) < 2e4)
        .checkAssert((m, c, t) -> {
          int x = c.repeatPurchases();
          double ours = BgNbdMath.aliveExpectation(m.r(), m.alpha(), m.a(), m.b(), x, c.age(), t);
          double positive = BgNbdMath.aliveExpectationPositive(m.r() + x, m.alpha() + c.age(), m.a(), m.b() + x, t);
          // the positive series carries P(N = n) by a log-space recursion over ~(r+x)t/(α+T) terms,
          // whose rounding grows to about 1e-14 relative per 1e4 terms; the Euler form may lose up
          // to three digits by design (MAX_CANCELLATION), and differences of 1.03e-9 relative were
          // seen with a few terms (r = alpha = a = 0.0067, b = 171, x = 0, T = 0, t = 2.82), so
          // the forms must agree to 1e-8 relative: far below any effect on a prediction
          double terms = (m.r() + x) * t / (m.alpha() + c.age());
          assertThat(ours).isCloseTo(positive, within((1e-8 + 1e-13 * terms / 1e4) * positive));
        });
  }
}

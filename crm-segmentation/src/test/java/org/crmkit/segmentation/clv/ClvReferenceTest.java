package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Differential tests of the closed forms (log-gamma, log-sum-exp, transformed hypergeometric
 * series) against {@link NaiveClv}'s numeric integration of the models' definitions.
 */
class ClvReferenceTest {

  @ParameterizedTest
  @CsvSource({
    // r, alpha, a, b, x, tx, T
    "0.243, 4.414, 0.793, 2.426, 0, 0, 38.86",
    "0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86",
    "0.243, 4.414, 0.793, 2.426, 14, 35.0, 36.0",
    "1.5, 0.8, 2.2, 5.0, 7, 3.0, 52",
    "0.5, 20, 1.0, 1.0, 1, 0.5, 1",
    "3.0, 2.0, 0.3, 0.6, 40, 100, 120",
  })
  void bgNbdLikelihoodEqualsTheNumericIntegralOfTheModel(double r, double alpha, double a, double b,
      int x, double tx, double bigT) {
    double closed = BgNbdMath.logLikelihood(r, alpha, a, b, x, tx, bigT);
    double naive = NaiveClv.bgNbdLogLikelihood(r, alpha, a, b, x, tx, bigT);
    assertThat(closed).isCloseTo(naive, within(1e-7 * Math.max(1, Math.abs(naive))));
  }

  @Test
  void bgNbdLikelihoodAgreesOnRandomInputs() {
    qt().withExamples(60).forAll(ClvGenerators.bgNbd(0.2), integers().between(0, 30))
        .checkAssert((m, x) -> {
          double r = m.r(), alpha = m.alpha(), a = m.a(), b = m.b();
          double bigT = 40;
          double tx = x == 0 ? 0 : 25;
          double closed = BgNbdMath.logLikelihood(r, alpha, a, b, x, tx, bigT);
          double naive = NaiveClv.bgNbdLogLikelihood(r, alpha, a, b, x, tx, bigT);
          assertThat(closed).isCloseTo(naive, within(1e-6 * Math.max(1, Math.abs(naive))));
        });
  }

  @ParameterizedTest
  @CsvSource({
    "0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 52",
    "0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39",
    "0.243, 4.414, 0.793, 2.426, 14, 35.0, 36.0, 10",
    "0.243, 4.414, 0.793, 2.426, 3, 10.0, 36.0, 500",
    "1.5, 0.8, 2.2, 5.0, 7, 3.0, 52, 26",
    "0.5, 20, 1.0, 1.0, 1, 0.5, 1, 52",
    "0.5, 20, 1.0000001, 1.0, 1, 0.5, 1, 52",
    "2.0, 3.0, 4.0, 0.7, 0, 0, 0, 100",
    "0.1, 0.5, 0.05, 0.3, 0, 0, 0, 6",
    "0.243, 4.414, 0.793, 2.426, 0, 0, 0, 5000",
    "0.243, 4.414, 0.793, 2.426, 50, 38, 38.5, 2000",
    "0.3, 2.0, 0.2, 0.5, 0, 0, 10, 20",
  })
  void conditionalExpectationEqualsTheNumericPosteriorExpectation(double r, double alpha, double a,
      double b, int x, double tx, double bigT, double t) {
    BgNbdParameters m = new BgNbdParameters(r, alpha, a, b);
    double ours = m.expectedPurchases(new CustomerSummary(
        org.crmkit.core.model.CustomerId.of("c"), x, tx, bigT, 1, 0), t);
    double naive = NaiveClv.expectedPurchases(r, alpha, a, b, x, tx, bigT, t);
    assertThat(ours).isCloseTo(naive, within(1e-7 * Math.max(1, naive)));
    assertThat(m.probabilityAlive(CustomerSummary.of("c", x, tx, bigT, 1)))
        .isCloseTo(NaiveClv.probabilityAlive(r, alpha, a, b, x, tx, bigT), within(1e-8));
  }

  @Test
  void transformedSeriesEqualsThePapersFormulaWithThePlainSeries() {
    // the paper's eq. (10) with the untransformed 2F1, where its plain series converges (z <= 0.6)
    qt().withExamples(2000).forAll(ClvGenerators.bgNbd(0.1), integers().between(0, 60), doubles().between(0, 1))
        .assuming((m, x, f) -> Math.abs(m.a() - 1) > 1e-3)
        .checkAssert((m, x, f) -> {
          double r = m.r(), alpha = m.alpha(), a = m.a(), b = m.b();
          double bigT = 30;
          double tx = x == 0 ? 0 : bigT * f;
          double t = 1 + f * 40;
          double paper = NaiveClv.expectedPurchasesPaper(r, alpha, a, b, x, tx, bigT, t);
          double ours = BgNbdMath.probabilityAlive(r, alpha, a, b, x, tx, bigT)
              * BgNbdMath.aliveExpectation(r, alpha, a, b, x, bigT, t);
          assertThat(ours).isCloseTo(paper, within(1e-8 * Math.max(1, Math.abs(paper))));
        });
  }

  @ParameterizedTest
  @CsvSource({
    "6.25, 3.74, 15.44, 1, 20.0",
    "6.25, 3.74, 15.44, 5, 35.5",
    "6.25, 3.74, 15.44, 20, 300",
    "0.8, 1.5, 2.0, 3, 0.5",
  })
  void gammaGammaLikelihoodEqualsTheNumericMixture(double p, double q, double gamma, int x, double m) {
    double closed = new GammaGammaParameters(p, q, gamma).logLikelihood(CustomerSummary.of("c", x, 1, 2, m));
    double naive = NaiveClv.gammaGammaLogLikelihood(p, q, gamma, x, m);
    assertThat(closed).isCloseTo(naive, within(1e-7 * Math.max(1, Math.abs(naive))));
  }

  @Test
  void gammaGammaLikelihoodAgreesOnRandomInputs() {
    qt().withExamples(100).forAll(
        doubles().between(0.2, 20).zip(doubles().between(0.2, 20), doubles().between(0.1, 500),
            GammaGammaParameters::new),
        integers().between(1, 40), doubles().between(0.5, 2000))
        .checkAssert((g, x, m) -> {
          double closed = g.logLikelihood(CustomerSummary.of("c", x, 1, 2, m));
          double naive = NaiveClv.gammaGammaLogLikelihood(g.p(), g.q(), g.gamma(), x, m);
          assertThat(closed).isCloseTo(naive, within(1e-6 * Math.max(1, Math.abs(naive))));
        });
  }
}

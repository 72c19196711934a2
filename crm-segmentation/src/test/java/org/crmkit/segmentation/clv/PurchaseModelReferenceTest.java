package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pareto/NBD, MBG/NBD and BG/BB likelihoods, P(alive) and expectations against the naive
 * integrals and sums of {@link NaiveModels}.
 */
class PurchaseModelReferenceTest {

  @ParameterizedTest(name = "Pareto/NBD {0},{1},{2},{3} at x={4} tx={5} T={6}")
  @CsvSource({
    "0.553, 10.578, 0.606, 11.669, 0, 0, 38.86, 52",
    "0.553, 10.578, 0.606, 11.669, 2, 30.43, 38.86, 39",
    "0.553, 10.578, 0.606, 11.669, 14, 35.0, 36.0, 10",
    "0.553, 10.578, 0.606, 11.669, 3, 1.0, 36.0, 500",
    "1.5, 0.8, 2.2, 5.0, 7, 3.0, 52, 26",
    "0.5, 20, 1.0, 1.0, 1, 0.5, 1, 52",
    "2.0, 3.0, 0.4, 40.0, 20, 10, 60, 5",
    "0.3, 50.0, 1.7, 0.5, 3, 2, 30, 100",
    "0.8, 1.0, 3.0, 1.0000001, 5, 20, 30, 12",
  })
  void paretoNbdAgreesWithNumericIntegration(double r, double alpha, double s, double beta, int x, double tx,
      double bigT, double t) {
    ParetoNbdParameters m = new ParetoNbdParameters(r, alpha, s, beta);
    CustomerSummary c = CustomerSummary.of("c", x, tx, bigT, 0);
    double naive = NaiveModels.paretoLogLikelihood(r, alpha, s, beta, x, tx, bigT);
    assertThat(m.logLikelihood(c)).isCloseTo(naive, within(1e-9 * Math.max(1, Math.abs(naive))));
    assertThat(m.probabilityAlive(c))
        .isCloseTo(NaiveModels.paretoProbabilityAlive(r, alpha, s, beta, x, tx, bigT), within(1e-9));
    double e = NaiveModels.paretoExpectedPurchases(r, alpha, s, beta, x, tx, bigT, t);
    assertThat(m.expectedPurchases(c, t)).isCloseTo(e, within(1e-9 * Math.max(1, e)));
  }

  @ParameterizedTest(name = "MBG/NBD {0},{1},{2},{3} at x={4} tx={5} T={6}")
  @CsvSource({
    "0.525, 6.183, 0.891, 1.614, 0, 0, 38.86, 52",
    "0.525, 6.183, 0.891, 1.614, 2, 30.43, 38.86, 39",
    "0.525, 6.183, 0.891, 1.614, 14, 35.0, 36.0, 10",
    "1.5, 0.8, 2.2, 5.0, 7, 3.0, 52, 26",
    "0.5, 20, 1.0, 1.0, 1, 0.5, 1, 52",
    "3.0, 2.0, 0.3, 0.6, 40, 100, 120, 20",
  })
  void mbgNbdAgreesWithNumericIntegration(double r, double alpha, double a, double b, int x, double tx,
      double bigT, double t) {
    MbgNbdParameters m = new MbgNbdParameters(r, alpha, a, b);
    CustomerSummary c = CustomerSummary.of("c", x, tx, bigT, 0);
    double naive = NaiveModels.mbgLogLikelihood(r, alpha, a, b, x, tx, bigT);
    assertThat(m.logLikelihood(c)).isCloseTo(naive, within(1e-7 * Math.max(1, Math.abs(naive))));
    assertThat(m.probabilityAlive(c))
        .isCloseTo(NaiveModels.mbgProbabilityAlive(r, alpha, a, b, x, tx, bigT), within(1e-7));
    double e = NaiveModels.mbgExpectedPurchases(r, alpha, a, b, x, tx, bigT, t);
    assertThat(m.expectedPurchases(c, t)).isCloseTo(e, within(1e-6 * Math.max(1, e)));
  }

  @ParameterizedTest(name = "BG/BB {0},{1},{2},{3} at x={4} tx={5} n={6}")
  @CsvSource({
    "1.204, 0.750, 0.657, 2.783, 0, 0, 6, 5",
    "1.204, 0.750, 0.657, 2.783, 2, 4, 6, 5",
    "1.204, 0.750, 0.657, 2.783, 6, 6, 6, 5",
    "1.204, 0.750, 0.657, 2.783, 3, 3, 6, 1",
    "2.0, 3.0, 1.5, 4.0, 5, 9, 12, 30",
    "0.5, 0.5, 3.0, 0.8, 1, 1, 10, 7",
    "1.0, 1.0, 1.000001, 2.0, 4, 8, 10, 9",
  })
  void bgBbAgreesWithDirectSummation(double alpha, double beta, double gamma, double delta, int x, int tx,
      int n, int horizon) {
    BgBbParameters m = new BgBbParameters(alpha, beta, gamma, delta);
    CustomerSummary c = CustomerSummary.of("c", x, tx, n, 0);
    double naive = NaiveModels.bgBbLikelihood(alpha, beta, gamma, delta, x, tx, n);
    assertThat(m.logLikelihood(c)).isCloseTo(Math.log(naive), within(1e-7));
    assertThat(m.probabilityAlive(c))
        .isCloseTo(NaiveModels.bgBbProbabilityAlive(alpha, beta, gamma, delta, x, tx, n), within(1e-7));
    double e = NaiveModels.bgBbExpectedPurchases(alpha, beta, gamma, delta, x, tx, n, horizon);
    assertThat(m.expectedPurchases(c, horizon)).isCloseTo(e, within(1e-7 * Math.max(1, e)));
  }
}

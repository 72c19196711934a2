package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pareto/NBD, MBG/NBD and BG/BB fitted back from data simulated with known parameters (seeded):
 * each estimate within 4 of its own standard errors of the truth, and the truth never beating the
 * maximum.
 */
class PurchaseModelRecoveryTest {

  private static void assertRecovered(PurchaseFit fit, PurchaseModel truth, List<CustomerSummary> data) {
    System.out.println("recovered " + fit.model() + " se " + fit.report().standardErrors() + " warnings " + fit.warnings());
    assertThat(fit.report().converged()).isTrue();
    Map<String, Double> se = fit.report().standardErrors();
    assertThat(se).containsOnlyKeys(truth.kind().parameterNames());
    truth.parameters().forEach((k, v) ->
        assertThat(Math.abs(fit.model().parameters().get(k) - v)).as(k).isLessThan(4 * se.get(k)));
    assertThat(fit.report().logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(data));
  }

  @ParameterizedTest(name = "Pareto/NBD r={0} alpha={1} s={2} beta={3}")
  @CsvSource({
    "0.553, 10.578, 0.606, 11.669, 41",
    "1.5, 8.0, 1.0, 20.0, 42",
    "0.8, 3.0, 2.5, 60.0, 43",
  })
  void paretoNbd(double r, double alpha, double s, double beta, long seed) {
    ParetoNbdParameters truth = new ParetoNbdParameters(r, alpha, s, beta);
    List<CustomerSummary> data = new PurchaseSimulator(seed).paretoNbd(5000, truth, 20, 60, 0);
    assertRecovered(PurchaseModelKind.PARETO_NBD.fit(WeightedSummaries.of(data)), truth, data);
  }

  @ParameterizedTest(name = "MBG/NBD r={0} alpha={1} a={2} b={3}")
  @CsvSource({
    "0.525, 6.183, 0.891, 1.614, 51",
    "1.5, 10.0, 2.0, 6.0, 52",
  })
  void mbgNbd(double r, double alpha, double a, double b, long seed) {
    MbgNbdParameters truth = new MbgNbdParameters(r, alpha, a, b);
    List<CustomerSummary> data = new PurchaseSimulator(seed).mbgNbd(5000, truth, 20, 60, 0);
    assertRecovered(PurchaseModelKind.MBG_NBD.fit(WeightedSummaries.of(data)), truth, data);
  }

  @ParameterizedTest(name = "BG/BB alpha={0} beta={1} gamma={2} delta={3}")
  @CsvSource({
    "1.204, 0.750, 0.657, 2.783, 61",
    "3.0, 2.0, 1.5, 8.0, 62",
  })
  void bgBb(double alpha, double beta, double gamma, double delta, long seed) {
    BgBbParameters truth = new BgBbParameters(alpha, beta, gamma, delta);
    List<CustomerSummary> data = new PurchaseSimulator(seed).bgBb(8000, truth, 8);
    assertRecovered(PurchaseModelKind.BG_BB.fit(WeightedSummaries.of(data)), truth, data);
  }
}

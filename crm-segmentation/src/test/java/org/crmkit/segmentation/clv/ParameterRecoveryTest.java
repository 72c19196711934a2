package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data simulated from known parameters (seeded) are fitted back within sampling error: each
 * estimate within 4 of its own reported standard errors of the true value.
 */
class ParameterRecoveryTest {

  @ParameterizedTest(name = "BG/NBD r={0} alpha={1} a={2} b={3}")
  @CsvSource({
    "0.243, 4.414, 0.793, 2.426, 11",
    "1.5, 10.0, 2.0, 6.0, 12",
    "0.6, 2.0, 0.4, 1.2, 13",
  })
  void bgNbdParametersAreRecovered(double r, double alpha, double a, double b, long seed) {
    BgNbdParameters truth = new BgNbdParameters(r, alpha, a, b);
    List<CustomerSummary> data = new ClvSimulator(seed)
        .customers(5000, truth, new GammaGammaParameters(6, 4, 15), 20, 60, 0);

    BgNbdFit fit = BgNbd.fit(data);

    assertThat(fit.report().converged()).isTrue();
    Map<String, Double> se = fit.report().standardErrors();
    assertThat(se).containsOnlyKeys("r", "alpha", "a", "b");
    BgNbdParameters est = fit.parameters();
    System.out.println("recovered " + est + " se " + se);
    assertThat(Math.abs(est.r() - r)).isLessThan(4 * se.get("r"));
    assertThat(Math.abs(est.alpha() - alpha)).isLessThan(4 * se.get("alpha"));
    assertThat(Math.abs(est.a() - a)).isLessThan(4 * se.get("a"));
    assertThat(Math.abs(est.b() - b)).isLessThan(4 * se.get("b"));
    // the true parameters cannot beat the maximum
    assertThat(fit.report().logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(data));
  }

  @ParameterizedTest(name = "Gamma-Gamma p={0} q={1} gamma={2}")
  @CsvSource({
    "6.25, 3.74, 15.44, 21",
    "2.0, 8.0, 300.0, 22",
    "12.0, 2.5, 1.0, 23",
  })
  void gammaGammaParametersAreRecovered(double p, double q, double gamma, long seed) {
    GammaGammaParameters truth = new GammaGammaParameters(p, q, gamma);
    List<CustomerSummary> data = new ClvSimulator(seed)
        .customers(4000, new BgNbdParameters(2, 4, 1, 8), truth, 20, 60, 0);

    GammaGammaFit fit = GammaGamma.fit(data);

    assertThat(fit.report().converged()).isTrue();
    assertThat(fit.report().observations())
        .isEqualTo((int) data.stream().filter(c -> c.repeatPurchases() > 0).count());
    Map<String, Double> se = fit.report().standardErrors();
    GammaGammaParameters est = fit.parameters();
    System.out.println("recovered " + est + " se " + se);
    assertThat(Math.abs(est.p() - p)).isLessThan(4 * se.get("p"));
    assertThat(Math.abs(est.q() - q)).isLessThan(4 * se.get("q"));
    assertThat(Math.abs(est.gamma() - gamma)).isLessThan(4 * se.get("gamma"));
    assertThat(fit.report().logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(data));
  }

  @Test
  void theWholePipelineFromADayResolutionLogRecoversTheParameters() {
    BgNbdParameters bg = new BgNbdParameters(0.5, 6.0, 0.8, 2.5);
    GammaGammaParameters gg = new GammaGammaParameters(5, 3, 20);
    LocalDate start = LocalDate.of(2023, 1, 1);
    LocalDate end = LocalDate.of(2023, 12, 31);
    var log = new ClvSimulator(31).transactions(6000, bg, gg, start, 90, end);

    ClvModel model = ClvModel.fit(ClvData.of(log, end, PeriodUnit.WEEK));

    BgNbdParameters est = model.bgNbd().parameters();
    Map<String, Double> se = model.bgNbd().report().standardErrors();
    System.out.println("pipeline recovered " + est + " se " + se + " " + model.gammaGamma().parameters());
    assertThat(Math.abs(est.r() - bg.r())).isLessThan(4 * se.get("r"));
    assertThat(Math.abs(est.alpha() - bg.alpha())).isLessThan(4 * se.get("alpha"));
    assertThat(Math.abs(est.a() - bg.a())).isLessThan(4 * se.get("a"));
    assertThat(Math.abs(est.b() - bg.b())).isLessThan(4 * se.get("b"));
    GammaGammaParameters g = model.gammaGamma().parameters();
    Map<String, Double> gse = model.gammaGamma().report().standardErrors();
    assertThat(Math.abs(g.p() - gg.p())).isLessThan(4 * gse.get("p"));
    assertThat(Math.abs(g.q() - gg.q())).isLessThan(4 * gse.get("q"));
    assertThat(Math.abs(g.gamma() - gg.gamma())).isLessThan(4 * gse.get("gamma"));
  }
}

package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published figures of Pareto/NBD on the CDNOW sample (as reported alongside Fader, Hardie
 * &amp; Lee 2005; {@code data/cdnow/README.md}) and of BG/BB on the donations data (Fader, Hardie
 * &amp; Shang 2010; {@code data/donations/README.md}), reproduced to the precision shown there.
 */
class PurchaseModelConformanceTest {
  static WeightedSummaries cdnow;
  static WeightedSummaries donations;
  static PurchaseFit bgBb;

  @BeforeAll
  static void load() {
    cdnow = WeightedSummaries.of(ClvData.of(Cdnow.transactions(), Cdnow.CALIBRATION_END, PeriodUnit.WEEK).customers());
    donations = Donations.summaries();
    bgBb = PurchaseModelKind.BG_BB.fit(donations);
  }

  @Test
  void paretoNbdMatchesThePublishedCdnowEstimates() {
    PurchaseFit fit = PurchaseModelKind.PARETO_NBD.fit(cdnow);
    Map<String, Double> p = fit.model().parameters();
    System.out.printf("Pareto/NBD on CDNOW: %s LL %.4f se %s warnings %s%n", p, fit.report().logLikelihood(),
        fit.report().standardErrors(), fit.warnings());
    assertThat(p.get("r")).isCloseTo(0.553, within(0.0005));
    assertThat(p.get("alpha")).isCloseTo(10.578, within(0.0005));
    assertThat(p.get("s")).isCloseTo(0.606, within(0.0005));
    assertThat(p.get("beta")).isCloseTo(11.669, within(0.0005));
    assertThat(fit.report().logLikelihood()).isCloseTo(-9595.0, within(0.05));
    assertThat(fit.report().converged()).isTrue();
    assertThat(fit.report().observations()).isEqualTo(2357);
    assertThat(fit.report().standardErrors()).containsOnlyKeys("r", "alpha", "s", "beta");
    assertThat(fit.warnings()).isEmpty();
  }

  @Test
  void bgBbMatchesThePublishedDonationsEstimates() {
    Map<String, Double> p = bgBb.model().parameters();
    System.out.printf("BG/BB on donations: %s LL %.4f se %s%n", p, bgBb.report().logLikelihood(),
        bgBb.report().standardErrors());
    assertThat(donations.totalWeight()).isEqualTo(11104);
    assertThat(p.get("alpha")).isCloseTo(1.204, within(0.0005));
    assertThat(p.get("beta")).isCloseTo(0.750, within(0.0005));
    assertThat(p.get("gamma")).isCloseTo(0.657, within(0.0005));
    assertThat(p.get("delta")).isCloseTo(2.783, within(0.0005));
    assertThat(bgBb.report().observations()).isEqualTo(11104);
    assertThat(bgBb.warnings()).isEmpty();
  }

  @Test
  void bgBbProbabilityAliveIn2002MatchesThePaper() {
    PurchaseModel m = bgBb.model();
    double p00 = m.probabilityAlive(CustomerSummary.of("a", 0, 0, 6, 0));
    double p24 = m.probabilityAlive(CustomerSummary.of("b", 2, 4, 6, 0));
    double p66 = m.probabilityAlive(CustomerSummary.of("c", 6, 6, 6, 0));
    System.out.printf("BG/BB P(alive in 2002): %.4f %.4f %.4f%n", p00, p24, p66);
    assertThat(p00).isCloseTo(0.11, within(0.005));
    assertThat(p24).isCloseTo(0.59, within(0.005));
    assertThat(p66).isCloseTo(0.93, within(0.005));
  }

  @Test
  void bgBbExpectedTransactionsOverTheNextFivePeriodsMatchThePaper() {
    double sum = 0;
    for (int i = 0; i < donations.size(); i++) {
      sum += donations.weight(i) * bgBb.model().expectedPurchases(donations.customers().get(i), 5);
    }
    System.out.printf("BG/BB expected transactions 2002-2006, all donors: %.1f%n", sum);
    assertThat(sum).isCloseTo(12884.2, within(0.05));
  }

  @Test
  void bgBbExpectedHistogramMatchesThePaper() {
    BgBbParameters m = (BgBbParameters) bgBb.model();
    double zero = 11104 * m.probabilityOfPurchases(0, 6);
    double six = 11104 * m.probabilityOfPurchases(6, 6);
    System.out.printf("BG/BB expected donors with 0 / 6 transactions in 6 periods: %.1f / %.1f%n", zero, six);
    assertThat(zero).isCloseTo(3454.9, within(0.05));
    assertThat(six).isCloseTo(1253.1, within(0.05));
    double total = 0;
    for (int x = 0; x <= 6; x++) {
      total += m.probabilityOfPurchases(x, 6);
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
  }
}

package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.Test;

/** Examples of the common purchase-model contract, the kinds, the fit warnings and the criteria. */
class PurchaseModelTest {

  @Test
  void everyKindNamesItsParametersAsItsPaper() {
    assertThat(PurchaseModelKind.BG_NBD.parameterNames()).containsExactly("r", "alpha", "a", "b");
    assertThat(PurchaseModelKind.PARETO_NBD.parameterNames()).containsExactly("r", "alpha", "s", "beta");
    assertThat(PurchaseModelKind.MBG_NBD.parameterNames()).containsExactly("r", "alpha", "a", "b");
    assertThat(PurchaseModelKind.BG_BB.parameterNames()).containsExactly("alpha", "beta", "gamma", "delta");
    assertThat(PurchaseModelKind.parse("pareto-nbd")).isEqualTo(PurchaseModelKind.PARETO_NBD);
    assertThat(PurchaseModelKind.PARETO_NBD.documentKey()).isEqualTo("pareto_nbd");
    assertThatThrownBy(() -> PurchaseModelKind.parse("bgnbd")).isInstanceOf(CrmException.class)
        .hasMessage("unknown purchase model 'bgnbd'; known: [bg-nbd, pareto-nbd, mbg-nbd, bg-bb]");
  }

  @Test
  void aModelIsCreatedFromItsNamedParametersAndGivesThemBack() {
    PurchaseModel m = PurchaseModelKind.PARETO_NBD.create(Map.of("r", 0.553, "alpha", 10.578, "s", 0.606, "beta", 11.669));
    assertThat(m).isEqualTo(new ParetoNbdParameters(0.553, 10.578, 0.606, 11.669));
    assertThat(m.parameters()).containsExactly(Map.entry("r", 0.553), Map.entry("alpha", 10.578),
        Map.entry("s", 0.606), Map.entry("beta", 11.669));
    assertThatThrownBy(() -> PurchaseModelKind.BG_BB.create(Map.of("alpha", 1.0)))
        .isInstanceOf(CrmException.class).hasMessageContaining("[alpha, beta, gamma, delta]");
  }

  @Test
  void paretoNbdPopulationCurveHasItsClosedForm() {
    ParetoNbdParameters m = new ParetoNbdParameters(0.553, 10.578, 0.606, 11.669);
    // r β / (α (s−1)) [1 − (β/(β+t))^{s−1}] at t = 39
    double expected = 0.553 * 11.669 / (10.578 * (0.606 - 1)) * (1 - Math.pow(11.669 / (11.669 + 39), 0.606 - 1));
    assertThat(m.expectedRepeatPurchases(39)).isCloseTo(expected, within(1e-12));
    // s = 1: the logarithmic limit
    assertThat(new ParetoNbdParameters(1, 2, 1, 4).expectedRepeatPurchases(10))
        .isCloseTo(1.0 / 2 * 4 * Math.log(14.0 / 4), within(1e-12));
  }

  @Test
  void mbgNbdOneTimeBuyersAreNotCertainlyAlive() {
    MbgNbdParameters m = new MbgNbdParameters(0.525, 6.183, 0.891, 1.614);
    CustomerSummary oneTime = CustomerSummary.of("c", 0, 0, 30, 0);
    // 1 / (1 + a/b ((α+T)/α)^r): dropping out right after the first purchase is possible
    assertThat(m.probabilityAlive(oneTime))
        .isCloseTo(1 / (1 + 0.891 / 1.614 * Math.pow((6.183 + 30) / 6.183, 0.525)), within(1e-12));
    assertThat(new BgNbdParameters(0.525, 6.183, 0.891, 1.614).probabilityAlive(oneTime)).isEqualTo(1.0);
  }

  @Test
  void bgBbCountsWholeOpportunities() {
    BgBbParameters m = new BgBbParameters(1.204, 0.750, 0.657, 2.783);
    assertThatThrownBy(() -> m.expectedPurchases(CustomerSummary.of("c", 1, 1, 6, 0), 2.5))
        .isInstanceOf(CrmException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> m.probabilityAlive(CustomerSummary.of("c", 1, 1.5, 6, 0)))
        .isInstanceOf(CrmException.class).hasMessageContaining("whole transaction opportunities");
    // the population curve for 6 opportunities: the sum of x P(X(6) = x)
    double mean = 0;
    for (int x = 0; x <= 6; x++) {
      mean += x * m.probabilityOfPurchases(x, 6);
    }
    assertThat(m.expectedRepeatPurchases(6)).isCloseTo(mean, within(1e-10));
  }

  @Test
  void informationCriteriaPenaliseTheParameters() {
    PurchaseFit fit = PurchaseFit.of(new BgNbdParameters(1, 2, 3, 4),
        new FitReport(-100, Map.of(), 0, 0, true, 1000));
    assertThat(fit.aic()).isEqualTo(208);
    assertThat(fit.bic()).isCloseTo(4 * Math.log(1000) + 200, within(1e-9));
    assertThat(fit.warnings()).extracting(FitWarning::code).containsExactly("not-identified");
  }

  @Test
  void bgNbdWithoutDropoutSignalSaysItDegeneratedTowardsTheNbd() {
    // Pareto/NBD data with practically nobody dying: BG/NBD's a and b run off together
    List<CustomerSummary> data = new PurchaseSimulator(7)
        .paretoNbd(3000, new ParetoNbdParameters(1.0, 5.0, 0.01, 1e6), 20, 60, 0);
    PurchaseFit fit = PurchaseModelKind.BG_NBD.fit(WeightedSummaries.of(data));
    System.out.println(fit.model() + "\n" + fit.explain());
    assertThat(fit.warnings()).extracting(FitWarning::code).contains("degenerate");
    assertThat(fit.explain()).contains("NBD").contains("P(alive) is close to 1 for everyone");
  }

  @Test
  void aFitFromWeightsEqualsTheFitOfTheExpandedData() {
    List<CustomerSummary> rows = List.of(CustomerSummary.of("a", 0, 0, 30, 0), CustomerSummary.of("b", 1, 10, 30, 0),
        CustomerSummary.of("c", 3, 25, 35, 0), CustomerSummary.of("d", 6, 33, 38, 0), CustomerSummary.of("e", 2, 5, 20, 0));
    int[] weights = {40, 20, 10, 5, 12};
    WeightedSummaries.Builder weighted = WeightedSummaries.builder();
    List<CustomerSummary> expanded = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      weighted.add(rows.get(i), weights[i]);
      for (int k = 0; k < weights[i]; k++) {
        expanded.add(rows.get(i));
      }
    }
    for (PurchaseModelKind kind : List.of(PurchaseModelKind.BG_NBD, PurchaseModelKind.PARETO_NBD, PurchaseModelKind.MBG_NBD)) {
      PurchaseFit a = kind.fit(weighted.build());
      PurchaseFit b = kind.fit(WeightedSummaries.of(expanded));
      assertThat(a.report().logLikelihood()).as(kind.label()).isCloseTo(b.report().logLikelihood(), within(1e-9));
      assertThat(a.report().observations()).isEqualTo(87);
    }
    // Gamma-Gamma too: the spends of the weighted rows
    List<CustomerSummary> spend = List.of(CustomerSummary.of("a", 1, 5, 30, 12.5), CustomerSummary.of("b", 2, 10, 30, 30),
        CustomerSummary.of("c", 3, 25, 35, 55.25), CustomerSummary.of("d", 6, 33, 38, 20), CustomerSummary.of("e", 2, 5, 20, 80));
    WeightedSummaries.Builder ws = WeightedSummaries.builder();
    List<CustomerSummary> wide = new java.util.ArrayList<>();
    for (int i = 0; i < spend.size(); i++) {
      ws.add(spend.get(i), weights[i]);
      for (int k = 0; k < weights[i]; k++) {
        wide.add(spend.get(i));
      }
    }
    GammaGammaFit g1 = GammaGamma.fit(ws.build());
    GammaGammaFit g2 = GammaGamma.fit(wide);
    // the weighted objective is the expanded one: equal at the weighted estimate; both maxima agree
    // to the optimiser's tolerance
    assertThat(g1.report().logLikelihood()).isCloseTo(g1.parameters().logLikelihood(wide),
        within(1e-9 * Math.abs(g1.report().logLikelihood()) * 1e3));
    assertThat(g1.report().logLikelihood()).isCloseTo(g2.report().logLikelihood(), within(1e-3));
    assertThat(g1.report().observations()).isEqualTo(87);
  }
}

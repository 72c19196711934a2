package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.junit.jupiter.api.Test;

class ClvModelTest {
  static final BgNbdParameters CDNOW_BG = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
  static final GammaGammaParameters CDNOW_GG = new GammaGammaParameters(6.25, 3.74, 15.44);

  static ClvModel cdnowModel() {
    return ClvProperties.model(CDNOW_BG, CDNOW_GG);
  }

  static List<CustomerSummary> simulated(int n, long seed) {
    return new ClvSimulator(seed).customers(n, CDNOW_BG, CDNOW_GG, 20, 40, 0);
  }

  @Test
  void fitsBothModelsAndPredictsPerCustomer() {
    List<CustomerSummary> data = simulated(3000, 5);
    ClvModel model = new ClvModel(Cdnow.CALIBRATION_END, PeriodUnit.WEEK, BgNbd.fit(data), GammaGamma.fit(data));
    ClvPredictions next = model.predict(data, 52, 0.01);
    assertThat(next.customers()).hasSize(3000);
    Map<CustomerId, Double> clv = next.clvByCustomer();
    assertThat(clv).hasSize(3000);
    assertThat(clv.values()).allSatisfy(v -> assertThat(v).isNotNegative().isFinite());
    CustomerPrediction first = next.customers().get(0);
    assertThat(clv.get(first.customer())).isEqualTo(first.clv());
  }

  @Test
  void tiersCustomersByTheirShareOfTotalLifetimeValue() {
    List<CustomerSummary> data = simulated(3000, 5);
    ClvModel model = new ClvModel(Cdnow.CALIBRATION_END, PeriodUnit.WEEK, BgNbd.fit(data), GammaGamma.fit(data));
    ClvPredictions predictions = model.predict(data, 52, 0.01);
    java.util.Map<org.crmkit.core.model.CustomerId, org.crmkit.segmentation.tiers.ValueTier> tiers =
        predictions.tiers(0.8, 0.95);
    java.util.Map<org.crmkit.core.model.CustomerId, Double> clv = predictions.clvByCustomer();
    assertThat(tiers).hasSize(data.size());
    double total = clv.values().stream().mapToDouble(Double::doubleValue).sum();
    double high = 0;
    double minHigh = Double.MAX_VALUE;
    double maxBelowHigh = 0;
    for (var e : tiers.entrySet()) {
      double v = clv.get(e.getKey());
      if (e.getValue() == org.crmkit.segmentation.tiers.ValueTier.HIGH) {
        high += v;
        minHigh = Math.min(minHigh, v);
      } else {
        maxBelowHigh = Math.max(maxBelowHigh, v);
      }
    }
    // the HIGH customers are the most valuable ones and together make at least 80% of all CLV
    assertThat(high / total).isGreaterThanOrEqualTo(0.8);
    assertThat(minHigh).isGreaterThan(maxBelowHigh);
  }

  @Test
  void aKnownCustomerOfThePaper() {
    // FHL (2005), section 4: a customer with x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases
    // in the next 39 weeks at the published estimates
    CustomerSummary c = CustomerSummary.of("fhl", 2, 30.43, 38.86, 1);
    assertThat(CDNOW_BG.expectedPurchases(c, 39)).isCloseTo(1.226, within(0.0015));
  }

  @Test
  void repeatBuyersWithNonPositiveMeanSpendAreExcludedFromTheSpendFitAndWorthZero() {
    List<CustomerSummary> data = new ArrayList<>(simulated(2000, 9));
    data.add(CustomerSummary.of("refunder", 3, 10, 30, -15));
    data.add(CustomerSummary.of("freebies", 2, 5, 30, 0));
    GammaGammaFit fit = GammaGamma.fit(data);
    assertThat(fit.excludedNonPositiveSpend()).isEqualTo(2);
    assertThat(fit.report().observations())
        .isEqualTo((int) data.stream().filter(c -> c.repeatPurchases() > 0 && c.meanRepeatSpend() > 0).count());
    ClvModel model = new ClvModel(Cdnow.CALIBRATION_END, PeriodUnit.WEEK, BgNbd.fit(data), fit);
    CustomerPrediction refunder = model.predict(data.get(data.size() - 2), 52, 0.01);
    assertThat(refunder.expectedSpend()).isZero();
    assertThat(refunder.clv()).isZero();
    assertThat(refunder.expectedPurchases()).isPositive();
    assertThatThrownBy(() -> CDNOW_GG.logLikelihood(CustomerSummary.of("freebies", 2, 5, 30, 0)))
        .isInstanceOf(CrmException.class).hasMessageContaining("mean spend > 0");
  }

  @Test
  void customersWithoutRepeatPurchaseGetThePopulationMeanSpend() {
    CustomerSummary once = CustomerSummary.of("once", 0, 0, 20, 0);
    assertThat(CDNOW_GG.expectedSpend(once)).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
  }

  @Test
  void degenerateDataFailWithATypedError() {
    List<CustomerSummary> noRepeat = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      noRepeat.add(CustomerSummary.of("c" + i, 0, 0, 10 + i, 0));
    }
    assertThatThrownBy(() -> BgNbd.fit(noRepeat)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("all 50 customers have x = 0");
    assertThatThrownBy(() -> BgNbd.fit(noRepeat.subList(0, 3))).isInstanceOf(DegenerateDataException.class)
        .hasMessage("BG/NBD needs at least 10 customers, but got 3");
    assertThatThrownBy(() -> GammaGamma.fit(noRepeat)).isInstanceOf(DegenerateDataException.class)
        .hasMessage("Gamma-Gamma needs at least 10 repeat buyers with a mean spend > 0, but got 0");

    List<CustomerSummary> sameSpend = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sameSpend.add(CustomerSummary.of("c" + i, 1 + i % 4, 5, 10, 25));
    }
    assertThatThrownBy(() -> GammaGamma.fit(sameSpend)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("all 30 repeat buyers have the same mean spend 25.0");

    List<CustomerSummary> negatives = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      negatives.add(CustomerSummary.of("c" + i, 2, 5, 10, i < 25 ? -5 : 10 + i));
    }
    assertThatThrownBy(() -> GammaGamma.fit(negatives)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("got 5 (25 more with a mean spend <= 0 are excluded)");
  }

  @Test
  void badArgumentsAreTypedErrors() {
    ClvModel model = cdnowModel();
    CustomerSummary c = CustomerSummary.of("a", 1, 1, 2, 3);
    assertThatThrownBy(() -> model.predict(c, 0, 0.01)).isInstanceOf(CrmException.class)
        .hasMessage("horizon must be >= 1 period, but was 0");
    assertThatThrownBy(() -> model.predict(c, 100_001, 0.01)).isInstanceOf(CrmException.class)
        .hasMessage("horizon must be <= 100000 periods, but was 100001");
    assertThatThrownBy(() -> model.predict(c, 5, -0.1)).isInstanceOf(CrmException.class)
        .hasMessage("discount must be a finite rate >= 0 per period, but was -0.1");
    assertThatThrownBy(() -> model.predict(c, 5, Double.NaN)).isInstanceOf(CrmException.class);
    assertThatThrownBy(() -> new BgNbdParameters(0.2, -1, 1, 1)).isInstanceOf(CrmException.class)
        .hasMessage("parameter alpha must be a finite number > 0, but was -1.0");
    assertThatThrownBy(() -> new GammaGammaParameters(1, 1, Double.POSITIVE_INFINITY))
        .isInstanceOf(CrmException.class).hasMessageContaining("parameter gamma");
    assertThatThrownBy(() -> CDNOW_BG.expectedPurchases(c, -1)).isInstanceOf(CrmException.class)
        .hasMessageContaining("horizon t must be a finite number >= 0");
    assertThatThrownBy(() -> new GammaGammaParameters(1, 0.9, 1).populationMeanSpend())
        .isInstanceOf(CrmException.class).hasMessageContaining("needs q > 1");
    assertThatThrownBy(() -> model.expectedCumulativeRepeatPurchases(List.of(c), 0))
        .isInstanceOf(CrmException.class).hasMessage("periods must be >= 1, but was 0");
  }

  @Test
  void likelihoodsStayFiniteForExtremeCustomers() {
    CustomerSummary heavy = CustomerSummary.of("heavy", 1_000_000, 99_999.0, 100_000.0, 1e6);
    CustomerSummary ancient = CustomerSummary.of("ancient", 3, 1.0, 1e9, 1e-6);
    CustomerSummary fresh = CustomerSummary.of("fresh", 0, 0, 0, 0);
    for (CustomerSummary c : List.of(heavy, ancient, fresh)) {
      // a density in t_x when x > 0 (may exceed 1), a probability when x = 0
      assertThat(CDNOW_BG.logLikelihood(c)).isFinite();
      assertThat(CDNOW_BG.probabilityAlive(c)).isBetween(0.0, 1.0);
      assertThat(CDNOW_BG.expectedPurchases(c, 52)).isFinite().isNotNegative();
    }
    assertThat(CDNOW_BG.logLikelihood(fresh)).isZero();
    assertThat(CDNOW_GG.logLikelihood(heavy)).isFinite();
    assertThat(CDNOW_GG.logLikelihood(ancient)).isFinite();
    assertThat(CDNOW_BG.probabilityAlive(ancient)).isLessThan(1e-6);
    // 10^6 purchases in 10^5 weeks, silent for the last week: alive with probability
    // 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x)) ~ 0.983, then buying ~10 per week
    double alive = 1 / (1 + 0.793 / (2.426 + 1e6 - 1)
        * Math.exp((0.243 + 1e6) * Math.log((1e5 + 4.414) / (99_999 + 4.414))));
    double rate = (0.243 + 1e6) / (1e5 + 4.414);
    assertThat(CDNOW_BG.probabilityAlive(heavy)).isCloseTo(alive, within(1e-9));
    assertThat(CDNOW_BG.expectedPurchases(heavy, 1)).isCloseTo(alive * rate, within(1e-3 * rate));
  }

  @Test
  void populationCurveAndHoldOutTrackingAgreeOnSimulatedData() {
    List<CustomerSummary> data = new ClvSimulator(77).customers(4000, CDNOW_BG, CDNOW_GG, 20, 40, 30);
    ClvModel model = cdnowModel();
    double[] expected = model.expectedCumulativeRepeatPurchases(data, 30);
    int observed = data.stream().mapToInt(CustomerSummary::holdoutPurchases).sum();
    assertThat(expected[29]).isCloseTo(observed, within(0.06 * observed));
    assertThat(CDNOW_BG.expectedRepeatPurchases(0)).isZero();
    assertThat(CDNOW_BG.expectedRepeatPurchases(52)).isGreaterThan(CDNOW_BG.expectedRepeatPurchases(26));
  }
}

package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Lifetime value with each continuous-time purchase model on the CDNOW sample: predictions
 * against a naive period-by-period discounted sum (the documents are tested in crm-json).
 */
class ClvModelFamilyTest {
  static ClvData data;

  @BeforeAll
  static void load() {
    data = ClvData.of(Cdnow.transactions(), Cdnow.CALIBRATION_END, PeriodUnit.WEEK);
  }

  @ParameterizedTest
  @EnumSource(value = PurchaseModelKind.class, names = {"BG_NBD", "PARETO_NBD", "MBG_NBD"})
  void clvEqualsTheNaiveDiscountedSumOverEveryPeriod(PurchaseModelKind kind) {
    ClvModel model = ClvModel.fit(data, kind);
    assertThat(model.purchases().model().kind()).isEqualTo(kind);
    List<CustomerSummary> some = data.customers().subList(0, 40);
    int horizon = 260;
    double discount = 0.01;
    ClvPredictions predictions = model.predict(some, horizon, discount);
    PurchaseModel m = model.purchases().model();
    for (int i = 0; i < some.size(); i++) {
      CustomerSummary c = some.get(i);
      double sum = 0;
      double previous = 0;
      for (int k = 1; k <= horizon; k++) {
        double e = m.expectedPurchases(c, k);
        sum += (e - previous) / Math.pow(1 + discount, k);
        previous = e;
      }
      CustomerPrediction p = predictions.customers().get(i);
      assertThat(p.expectedPurchases()).isCloseTo(m.expectedPurchases(c, horizon), within(1e-9));
      assertThat(p.probabilityAlive()).isEqualTo(m.probabilityAlive(c));
      assertThat(p.clv()).isCloseTo(p.expectedSpend() * sum, within(1e-7 * Math.max(1, p.clv())));
      assertThat(model.predict(c, horizon, discount).clv()).isCloseTo(p.clv(), within(1e-9 * Math.max(1, p.clv())));
    }
  }

  @Test
  void longHorizonsWithDiscountCostNoMoreThanTheDiscountAllows() {
    ClvModel model = ClvModel.fit(data, PurchaseModelKind.PARETO_NBD);
    CustomerSummary c = data.customers().get(3);
    double clv100k = model.predict(c, ClvModel.MAX_HORIZON, 0.05).clv();
    double clv5k = model.predict(c, 5000, 0.05).clv();
    // beyond 5,000 weeks at 5% a week nothing is left to discount
    assertThat(clv100k).isCloseTo(clv5k, within(1e-12 * clv5k));
  }

  @Test
  void bgBbIsFittedOnSummariesNotTransactions() {
    assertThatThrownBy(() -> ClvModel.fit(data, PurchaseModelKind.BG_BB)).isInstanceOf(CrmException.class)
        .hasMessageContaining("fit it on a summary");
    PurchaseFit bgBb = PurchaseModelKind.BG_BB.fit(Donations.summaries());
    assertThatThrownBy(() -> new ClvModel(Cdnow.CALIBRATION_END, PeriodUnit.WEEK, bgBb,
        ClvModel.fit(data).gammaGamma())).isInstanceOf(CrmException.class).hasMessageContaining("continuous-time");
  }
}

package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model comparison and diagnostics on the CDNOW sample with its 39-week hold-out. */
class ModelComparisonTest {
  static ClvData data;
  static ModelComparison table;

  @BeforeAll
  static void fit() {
    data = ClvData.of(Cdnow.transactions(), Cdnow.CALIBRATION_END, LocalDate.of(1998, 6, 30), PeriodUnit.WEEK);
    table = ModelComparison.fit(WeightedSummaries.of(data.customers()), 39,
        List.of(PurchaseModelKind.BG_NBD, PurchaseModelKind.PARETO_NBD, PurchaseModelKind.MBG_NBD));
  }

  @Test
  void theTableHasTheInformationCriteriaOfEveryModel() {
    table.rows().forEach(r -> System.out.printf("%-10s LL %.1f AIC %.1f BIC %.1f hold-out MAE %.4f expected %.1f%n",
        r.fit().model().kind().label(), r.logLikelihood(), r.aic(), r.bic(), r.holdoutMeanAbsoluteError(),
        r.holdoutExpectedTotal()));
    assertThat(table.byLabel()).containsOnlyKeys("bg-nbd", "pareto-nbd", "mbg-nbd");
    ModelComparison.Row bg = table.byLabel().get("bg-nbd");
    assertThat(bg.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    assertThat(bg.aic()).isCloseTo(2 * 4 + 2 * 9582.4, within(0.1));
    assertThat(bg.bic()).isCloseTo(4 * Math.log(2357) + 2 * 9582.4, within(0.1));
    assertThat(table.byLabel().get("pareto-nbd").logLikelihood()).isCloseTo(-9595.0, within(0.05));
    // BG/NBD fits CDNOW better than Pareto/NBD with the same number of parameters
    assertThat(table.bestByBic().fit().model().kind()).isNotEqualTo(PurchaseModelKind.PARETO_NBD);
    table.rows().forEach(r -> {
      assertThat(r.holdoutMeanAbsoluteError()).isPositive().isLessThan(0.5);
      assertThat(r.holdoutExpectedTotal()).isBetween(0.8 * 1882, 1.2 * 1882);
    });
  }

  @Test
  void bucketsCoverEveryCustomerAndTheObservedHoldOut() {
    List<FrequencyBucket> buckets = table.buckets();
    assertThat(buckets).extracting(FrequencyBucket::frequency).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(buckets.get(7).open()).isTrue();
    assertThat(buckets.stream().mapToDouble(FrequencyBucket::customers).sum()).isEqualTo(2357);
    assertThat(buckets.stream().mapToDouble(b -> b.customers() * b.actualMean()).sum()).isCloseTo(1882, within(1e-9));
    // the classic picture: more calibration purchases, more hold-out purchases, actual and expected
    assertThat(buckets.get(7).actualMean()).isGreaterThan(buckets.get(1).actualMean());
    assertThat(buckets.get(7).expectedMean().get("pareto-nbd")).isGreaterThan(buckets.get(1).expectedMean().get("pareto-nbd"));
    assertThatThrownBy(() -> ModelComparison.of(WeightedSummaries.of(data.customers()), 39,
        List.of(table.rows().get(0).fit(), PurchaseModelKind.BG_BB.fit(Donations.summaries()))))
        .isInstanceOf(CrmException.class).hasMessageContaining("cannot be compared");
  }

  @Test
  void probabilityAliveMatrixRisesWithRecency() {
    PurchaseModel m = table.byLabel().get("bg-nbd").fit().model();
    Diagnostics.Grid g = Diagnostics.probabilityAliveMatrix(m, 39, 10, 40);
    assertThat(g.frequencies()).hasSize(11);
    assertThat(g.recencies()).hasSize(40).startsWith(0.0).endsWith(39.0);
    assertThat(g.values().get(0).get(0)).isEqualTo(1.0);
    assertThat(g.values().get(0).get(5)).isNaN();
    assertThat(g.values().get(3).get(0)).isNaN();
    List<Double> row = g.values().get(5);
    for (int j = 2; j < row.size(); j++) {
      assertThat(row.get(j)).isGreaterThanOrEqualTo(row.get(j - 1));
    }
    assertThat(row.get(39)).isCloseTo(m.probabilityAlive(CustomerSummary.of("c", 5, 39, 39, 0)), within(1e-15));
    Diagnostics.Grid e = Diagnostics.expectedPurchasesMatrix(m, 39, 10, 40, 52);
    assertThat(e.values().get(10).get(39)).isGreaterThan(e.values().get(1).get(39));
  }

  @Test
  void bgBbMatrixUsesWholeOpportunities() {
    PurchaseModel m = new BgBbParameters(1.204, 0.750, 0.657, 2.783);
    Diagnostics.Grid g = Diagnostics.probabilityAliveMatrix(m, 6, 6, 2);
    assertThat(g.recencies()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
    assertThat(g.values().get(6).get(6)).isCloseTo(0.93, within(0.005));
    assertThat(g.values().get(6).get(5)).isNaN();
  }

  @Test
  void trackingCurveEndsAtTheObservedHoldOut() {
    ClvModel model = ClvModel.fit(data, PurchaseModelKind.PARETO_NBD);
    List<Diagnostics.TrackingPoint> curve = Diagnostics.trackingCurve(model, data, 39);
    assertThat(curve).hasSize(39);
    assertThat(curve.get(38).actual()).isEqualTo(1882);
    assertThat(curve.get(38).expected()).isBetween(0.8 * 1882, 1.2 * 1882);
    for (int k = 1; k < curve.size(); k++) {
      assertThat(curve.get(k).expected()).isGreaterThanOrEqualTo(curve.get(k - 1).expected());
    }
  }
}

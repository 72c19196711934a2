package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.FitReport;
import org.crmkit.segmentation.clv.GammaGammaFit;
import org.crmkit.segmentation.clv.GammaGammaParameters;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.segmentation.clv.RetentionFit;
import org.crmkit.segmentation.clv.ShiftedBetaGeometric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The documents of the purchase-model family (#17): every kind, summary fits, retention. */
class PurchaseModelJsonTest {
  static final FitReport REPORT = new FitReport(-9595.0, Map.of("r", 0.05, "alpha", 0.8), 100, 240, true, 2357);
  static final GammaGammaFit SPEND = new GammaGammaFit(new GammaGammaParameters(6.25, 3.74, 15.44),
      new FitReport(-4055.9, Map.of(), 1, 1, true, 946), 0);

  static PurchaseFit fit(PurchaseModelKind kind) {
    double[] v = {0.553, 10.578, 0.606, 11.669};
    Map<String, Double> p = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      p.put(kind.parameterNames().get(i), v[i]);
    }
    return PurchaseFit.of(kind.create(p), new FitReport(-9595.0, Map.of(kind.parameterNames().get(0), 0.05), 100, 240,
        true, 2357));
  }

  @ParameterizedTest
  @EnumSource(value = PurchaseModelKind.class, names = {"BG_NBD", "PARETO_NBD", "MBG_NBD"})
  void everyContinuousKindRoundTripsInTheClvModelDocument(PurchaseModelKind kind) {
    ClvModel model = new ClvModel(LocalDate.parse("1997-09-30"), PeriodUnit.WEEK, fit(kind), SPEND);
    String json = ClvModelJson.DOCUMENT.write(model);
    assertThat(json).contains("\"" + kind.documentKey() + "\"");
    kind.parameterNames().forEach(n -> assertThat(json).contains("\"" + n + "\""));
    ClvModel back = ClvModelJson.DOCUMENT.read(json);
    assertThat(back.purchases().model()).isEqualTo(model.purchases().model());
    assertThat(back.purchases().report()).isEqualTo(model.purchases().report());
    assertThat(PurchaseModelJson.readAny(json).model()).isEqualTo(model.purchases().model());
  }

  @Test
  void aClvModelDocumentNeedsExactlyOnePurchaseModel() {
    String json = ClvModelJson.DOCUMENT.write(new ClvModel(LocalDate.parse("1997-09-30"), PeriodUnit.WEEK,
        fit(PurchaseModelKind.PARETO_NBD), SPEND));
    assertThatThrownBy(() -> ClvModelJson.DOCUMENT.read(json.replace("\"pareto_nbd\"", "\"bg_bb\"")))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("$.bg_nbd")
        .hasMessageContaining("$.bg_bb");
    String two = json.replaceFirst("\"gamma_gamma\"", "\"mbg_nbd\" : {\"r\": 1, \"alpha\": 1, \"a\": 1, \"b\": 1,"
        + " \"log_likelihood\": -1},\n  \"gamma_gamma\"");
    assertThatThrownBy(() -> ClvModelJson.DOCUMENT.read(two)).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("exactly one purchase model");
  }

  @Test
  void summaryFitsHaveTheirOwnDocument() {
    PurchaseFit bgBb = fit(PurchaseModelKind.BG_BB);
    String json = PurchaseModelJson.DOCUMENT.write(bgBb);
    assertThat(json).contains("\"format\" : \"crmkit.purchase-model/1\"").contains("\"bg_bb\"").contains("\"delta\"");
    assertThat(PurchaseModelJson.DOCUMENT.read(json).model()).isEqualTo(bgBb.model());
    assertThat(PurchaseModelJson.readAny(json).report()).isEqualTo(bgBb.report());
    assertThatThrownBy(() -> PurchaseModelJson.DOCUMENT.read("{\"format\": \"crmkit.purchase-model/1\", \"bg_bb\": {\"alpha\": 1,"
        + " \"beta\": -1, \"gamma\": 1, \"log_likelihood\": -3}, \"pareto\": 1}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$.bg_bb.beta").hasMessageContaining("$.bg_bb.delta").hasMessageContaining("$.pareto");
  }

  @Test
  void retentionDocumentsRoundTripAndReportEveryProblem() {
    RetentionFit fit = ShiftedBetaGeometric.fit(List.of(1000L, 869L, 743L, 653L, 593L, 551L, 517L, 491L));
    String json = RetentionModelJson.DOCUMENT.write(fit);
    assertThat(json).contains("\"format\" : \"crmkit.retention-model/1\"").contains("\"alpha\"");
    RetentionFit back = RetentionModelJson.DOCUMENT.read(json);
    assertThat(back.model()).isEqualTo(fit.model());
    assertThat(back.report()).isEqualTo(fit.report());
    assertThatThrownBy(() -> RetentionModelJson.DOCUMENT.read("{\"format\": \"crmkit.retention-model/1\", \"sbg\": {\"alpha\": 0,"
        + " \"log_likelihood\": 1, \"x\": 2}}"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$.sbg.alpha").hasMessageContaining("$.sbg.beta").hasMessageContaining("$.sbg.x");
  }
}

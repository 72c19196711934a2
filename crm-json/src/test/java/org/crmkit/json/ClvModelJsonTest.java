package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.segmentation.clv.BgNbdParameters;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.junit.jupiter.api.Test;

class ClvModelJsonTest {

  @Test
  void roundTripsAFittedModel() {
    ClvModel model = RandomDocuments.clvModel(new java.util.Random(7));
    String json = ClvModelJson.DOCUMENT.write(model);
    assertThat(json).contains("\"format\" : \"crmkit.clv-model/1\"",
"\"log_likelihood\"", "\"alpha\"");
    assertThat(ClvModelJson.DOCUMENT.read(json)).isEqualTo(model);
  }

  @Test
  void aHandWrittenModelNeedsOnlyParametersAndLogLikelihoods() {
    ClvModel model = ClvModelJson.DOCUMENT.read("""
        {"format": "crmkit.clv-model/1", "calibration_end": "1997-09-30", "unit": "week",
         "bg_nbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "log_likelihood": -9582.4},
         "gamma_gamma": {"p": 6.25, "q": 3.74, "gamma": 15.44, "log_likelihood": -4055.9}}
        """);
    assertThat(model.bgNbd().parameters()).isEqualTo(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    assertThat(model.gammaGamma().report().standardErrors()).isEmpty();
    assertThat(model.gammaGamma().report().converged()).isFalse();
  }

  @Test
  void reportsEveryProblemWithItsPath() {
    assertThatThrownBy(() -> ClvModelJson.DOCUMENT.read("""
        {"format": "crmkit.clv-model/1", "calibration_end": "1997-13-30", "unit": "month", "extra": 1,
         "bg_nbd": {"r": -1, "alpha": "x", "a": 0.793, "b": 2.426},
         "gamma_gamma": {"p": 6.25, "q": 3.74, "gamma": 15.44, "log_likelihood": -4055.9, "iterations": -2}}
        """))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems()).extracting(Problem::path)
            .containsExactlyInAnyOrder("$.extra", "$.calibration_end", "$.unit", "$.bg_nbd.r",
                "$.bg_nbd.alpha", "$.bg_nbd.log_likelihood", "$.gamma_gamma.iterations"));
    assertThatThrownBy(() -> ClvModelJson.DOCUMENT.read("{\"format\": \"crmkit.policy/1\"}"))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("unsupported format");
    assertThatThrownBy(() -> ClvModelJson.DOCUMENT.read("{nope"))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("not valid JSON");
  }
}

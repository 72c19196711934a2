package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.junit.jupiter.api.Test;

class RfmModelJsonTest {

  @Test
  void writesAVersionedDocumentAndReadsItBack() {
    LocalDate asOf = LocalDate.parse("1998-07-01");
    RfmModel model = RfmScorer.builder().ties(TiePolicy.STABLE_SPLIT).build().score(List.of(
        Transaction.of("a", asOf, 10.1), Transaction.of("b", asOf.minusDays(3), 0.3),
        Transaction.of("c", asOf.minusDays(9), 7)), asOf).model();
    String json = RfmModelJson.DOCUMENT.write(model);
    assertThat(json).contains("\"format\" : \"crmkit.rfm-model/1\"").contains("\"tieBreak\"");
    assertThat(RfmModelJson.DOCUMENT.read(json)).isEqualTo(model);
  }

  @Test
  void reportsEveryProblemWithItsPath() {
    assertThatThrownBy(() -> RfmModelJson.DOCUMENT.read("""
        {"format": "crmkit.rfm-model/1", "asOf": "1998-13-01", "tiles": "5", "ties": "random",
         "frequencyMeasure": "TRANSACTIONS", "monetaryMeasure": "TOTAL",
         "recencyCuts": [{"score": 1, "value": 3}], "frequencyCuts": [{"value": "x"}]}
        """))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(p -> p.path()).containsExactly(
                "$.asOf", "$.tiles", "$.ties", "$.recencyCuts[0].score", "$.frequencyCuts[0].score",
                "$.frequencyCuts[0].value", "$.monetaryCuts"));
  }

  @Test
  void inconsistentCutPointsAreRejected() {
    assertThatThrownBy(() -> RfmModelJson.DOCUMENT.read("""
        {"format": "crmkit.rfm-model/1", "asOf": "1998-07-01", "tiles": 3, "ties": "TIES_SHARE",
         "frequencyMeasure": "TRANSACTIONS", "monetaryMeasure": "TOTAL",
         "recencyCuts": [], "frequencyCuts": [{"score": 2, "value": 5}, {"score": 3, "value": 4}],
         "monetaryCuts": [{"score": 4, "value": 1}]}
        """))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(p -> p.path())
                .containsExactly("$.frequencyCuts[1].value", "$.monetaryCuts[0].score"));
  }
}

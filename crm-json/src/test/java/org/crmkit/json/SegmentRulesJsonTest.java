package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;

class SegmentRulesJsonTest {

  @Test
  void readsRulesWithAttributesAndRoundTrips() {
    SegmentRules rules = SegmentRulesJson.read("""
        {"format": "crmkit.segment-rules/1", "tiles": 5,
         "rules": [{"segment": "Key", "r": [4, 5], "attributes": {"needs": ["custom"]}},
                   {"segment": "Active", "r": [3, 5]},
                   {"segment": "Lapsed", "r": [1, 2]}]}
        """);
    assertThat(rules.segmentOf(5, 1, 1, Map.of("needs", "custom"))).contains("Key");
    assertThat(rules.segmentOf(5, 1, 1)).contains("Active");
    SegmentRules again = SegmentRulesJson.read(SegmentRulesJson.write(rules, false));
    assertThat(again.rules()).isEqualTo(rules.rules());
    SegmentRules builtin = SegmentRulesJson.read(SegmentRulesJson.write(BuiltinSegments.repaired11(), true));
    assertThat(builtin.rules()).isEqualTo(BuiltinSegments.repaired11().rules());
  }

  @Test
  void reportsEveryProblemWithItsPath() {
    assertThatThrownBy(() -> SegmentRulesJson.read("""
        {"format": "crmkit.segment-rules/1", "colour": 1,
         "rules": [{"r": [1], "f": "x"}, 7, {"segment": "a", "attributes": {"needs": []}}]}
        """))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(p -> p.path()).containsExactly(
                "$.colour", "$.rules[0].segment", "$.rules[0].r", "$.rules[0].f", "$.rules[1]",
                "$.rules[2].attributes.needs"));
    assertThatThrownBy(() -> SegmentRulesJson.read("{\"format\": \"crmkit.segment-rules/9\"}"))
        .hasMessageContaining("unsupported version");
    assertThatThrownBy(() -> SegmentRulesJson.read("{"))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void strictDocumentsMustPartition() {
    assertThatThrownBy(() -> SegmentRulesJson.read("""
        {"format": "crmkit.segment-rules/1", "strict": true, "rules": [{"segment": "a", "r": [2, 5]}]}
        """)).hasMessageContaining("25 of 125 cells match no rule");
  }
}

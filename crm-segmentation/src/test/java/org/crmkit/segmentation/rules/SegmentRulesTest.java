package org.crmkit.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class SegmentRulesTest {

  @Test
  void firstMatchingRuleDecides() {
    SegmentRules rules = SegmentRules.builder()
        .rule("Best").r(5, 5).f(5, 5).add()
        .rule("Active").r(3, 5).add()
        .rule("Lapsed").r(1, 2).add()
        .build();
    assertThat(rules.segmentOf(5, 5, 1)).contains("Best");
    assertThat(rules.segmentOf(5, 4, 1)).contains("Active");
    assertThat(rules.segmentOf(1, 5, 5)).contains("Lapsed");
    assertThat(rules.segments()).containsExactly("Best", "Active", "Lapsed");
    assertThat(rules.analysis().gapCount()).isZero();
    assertThat(rules.analysis().overlapCount()).isEqualTo(5);
    assertThat(rules.analysis().orderDependent()).isTrue();
    assertThat(rules.analysis().orderDependentExamples().get(0).segments())
        .containsExactly("Best", "Active");
    assertThat(rules.analysis().isPartition()).isFalse();
  }

  @Test
  void analysisFindsGapsAndUnreachableRulesWithExamples() {
    SegmentRules rules = SegmentRules.builder().tiles(3)
        .rule("High").r(2, 3).add()
        .rule("Shadowed").r(3, 3).f(3, 3).add()
        .build();
    RuleAnalysis a = rules.analysis();
    assertThat(a.cellCount()).isEqualTo(27);
    assertThat(a.gapCount()).isEqualTo(9);
    assertThat(a.gapExamples()).first().isEqualTo(new Cell(1, 1, 1));
    assertThat(a.unreachable()).singleElement().satisfies(u -> {
      assertThat(u.rule()).isEqualTo(1);
      assertThat(u.segment()).isEqualTo("Shadowed");
      assertThat(u.example()).isEqualTo(new Cell(3, 3, 1));
      assertThat(u.shadowedBy()).isZero();
    });
    assertThat(a.unreachableSegments()).containsExactly("Shadowed");
    assertThat(rules.segmentOf(1, 1, 1)).isEmpty();
    assertThat(a.toString()).contains("9 of 27 cells match no rule");
  }

  @Test
  void strictModeRejectsNonPartitionsListingEveryFinding() {
    assertThatThrownBy(() -> SegmentRules.builder().tiles(3).strict(true)
        .rule("High").r(2, 3).add()
        .rule("Shadowed").r(3, 3).f(3, 3).add()
        .build())
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
          assertThat(e.problems()).hasSize(3);
          assertThat(e.getMessage()).contains("9 of 27 cells match no rule")
              .contains("rules[1]: rule of segment 'Shadowed' is unreachable");
        });
    SegmentRules ok = SegmentRules.builder().tiles(3).strict(true)
        .rule("High").r(2, 3).add().rule("Low").r(1, 1).add().build();
    assertThat(ok.analysis().isPartition()).isTrue();
  }

  @Test
  void invalidRulesAreAllReported() {
    assertThatThrownBy(() -> SegmentRules.builder()
        .rule(" ").r(0, 3).add()
        .rule("X").f(4, 2).m(1, 6).add()
        .build())
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(p -> p.path())
                .containsExactly("rules[0].segment", "rules[0].r", "rules[1].f", "rules[1].m"));
    assertThatThrownBy(() -> SegmentRules.builder().build())
        .hasMessageContaining("at least one rule is required");
    assertThatThrownBy(() -> SegmentRules.builder().tiles(1).rule("a").add().build())
        .hasMessageContaining("tiles: must be in [2, 100], but was 1");
  }

  @Test
  void attributeRulesMatchOnlyCustomersWithTheAttribute() {
    SegmentRules rules = SegmentRules.builder()
        .rule("Key account").r(4, 5).attribute("needs", "custom", "premium").add()
        .rule("Everyone").add()
        .build();
    assertThat(rules.hasAttributeConditions()).isTrue();
    assertThat(rules.segmentOf(5, 1, 1, Map.of("needs", "custom"))).contains("Key account");
    assertThat(rules.segmentOf(5, 1, 1, Map.of("needs", "basic"))).contains("Everyone");
    assertThat(rules.segmentOf(5, 1, 1)).contains("Everyone");
    // the conditional rule closes no gap but makes the outcome order dependent
    assertThat(rules.analysis().gapCount()).isZero();
    assertThat(rules.analysis().orderDependentCount()).isEqualTo(50);
  }

  @Test
  void scoresOutsideTheLatticeAreRejected() {
    SegmentRules rules = SegmentRules.builder().rule("All").add().build();
    assertThatThrownBy(() -> rules.segmentOf(6, 1, 1))
        .isInstanceOf(CrmException.class)
        .hasMessage("scores must be in [1, 5], but were r=6, f=1, m=1");
  }

  @Test
  void assignsAWholeTableWithOneLookupPerCustomer() {
    org.crmkit.segmentation.rfm.TransactionColumns cols = org.crmkit.segmentation.rfm.TransactionColumns
        .builder(3, i -> org.crmkit.core.model.CustomerId.of("c" + i), 3)
        .add(0, 100, 5.0).add(1, 90, 1.0).add(2, 500, 1.0).build();
    org.crmkit.segmentation.rfm.RfmTable table = org.crmkit.segmentation.rfm.RfmScorer.builder()
        .tiles(2).build().score(cols, java.time.LocalDate.ofEpochDay(100));
    SegmentRules rules = SegmentRules.builder().tiles(2)
        .rule("Recent").r(2, 2).add().rule("Old").r(1, 1).add().build();
    // c0 bought on the as-of day (r = 2), c1 ten days before (r = 1), c2 after as-of: unscored
    assertThat(rules.assign(table)).containsExactly(0, 1, -1);
    assertThat(table.isScored(2)).isFalse();
    assertThatThrownBy(() -> table.score(2)).hasMessageContaining("was not scored");
    assertThatThrownBy(() -> BuiltinSegments.standard10().assign(table))
        .hasMessageContaining("the rule set is for 5 tiles, but the scores have 2");
    SegmentRules conditional = SegmentRules.builder().tiles(2)
        .rule("K").attribute("needs", "x").add().rule("All").add().build();
    assertThatThrownBy(() -> conditional.assign(table)).hasMessageContaining("attribute conditions");
  }
}

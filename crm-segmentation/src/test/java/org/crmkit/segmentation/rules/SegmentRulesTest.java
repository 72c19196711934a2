package org.crmkit.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.CustomerKind;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.segmentation.rfm.RfmScore;
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

  /** A key-account override before a recency partition: 3 tiles, 27 cells. */
  static SegmentRules.Builder keyAccounts() {
    return SegmentRules.builder().tiles(3)
        .rule("Key account").attribute(CustomerAttributes.SIZE_BAND, "ENTERPRISE").r(2, 3)
            .overrides("Active").add()
        .rule("Active").r(2, 3).add()
        .rule("Lapsed").r(1, 1).add();
  }

  @Test
  void aDeclaredOverrideIsAcceptedInStrictModeAndTheRestIsStillFlagged() {
    SegmentRules rules = keyAccounts().strict(true).build();
    RuleAnalysis a = rules.analysis();
    assertThat(a.orderDependentCount()).isEqualTo(18);
    assertThat(a.deliberateCount()).isEqualTo(18);
    assertThat(a.isPartition()).isFalse();     // it is not a partition, but it is what was meant
    assertThat(rules.warnings()).isEmpty();
    assertThat(a.toString()).isEqualTo("partition of 27 cells apart from 18 declared overrides");

    // the same override also reaching into Lapsed, which it does not declare: strict mode says so
    assertThatThrownBy(() -> SegmentRules.builder().tiles(3).strict(true)
        .rule("Key account").attribute(CustomerAttributes.SIZE_BAND, "ENTERPRISE")
            .overrides("Active").add()
        .rule("Active").r(2, 3).add()
        .rule("Lapsed").r(1, 1).add()
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("9 cells are covered by rules of different segments")
        .hasMessageContaining("(r=1, f=1, m=1) [Key account, Lapsed]")
        .hasMessageContaining("(18 more cells are declared overrides)");
  }

  @Test
  void overridesMustNameSegmentsAndApplySomewhere() {
    assertThatThrownBy(() -> SegmentRules.builder().tiles(3)
        .rule("VIP").attribute("tier", "gold").overrides("Actve", "VIP").add()
        .rule("Active").add()
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::toString)
            .containsExactly("rules[0].overrides: unknown segment 'Actve'; known: [VIP, Active]",
                "rules[0].overrides: a rule cannot override its own segment 'VIP'"));
    SegmentRules stale = SegmentRules.builder().tiles(3)
        .rule("VIP").attribute("tier", "gold").r(3, 3).overrides("Active", "Lapsed").add()
        .rule("Active").r(2, 3).add()
        .rule("Lapsed").r(1, 1).add()
        .build();
    assertThat(stale.warnings()).extracting(Problem::toString).containsExactly(
        "rules[0].overrides: rule of segment 'VIP' declares that it overrides 'Lapsed', but no"
            + " later rule of 'Lapsed' shares a cell with it");
    assertThat(stale.analysis().unusedOverrides())
        .containsExactly(new RuleAnalysis.UnusedOverride(0, "VIP", "Lapsed"));
  }

  @Test
  void buildExposesTheWarningsWithoutAnExtraCall() {
    SegmentRules loose = SegmentRules.builder().tiles(3)
        .rule("Active").r(2, 3).add()
        .rule("Best").r(3, 3).add()
        .build();
    assertThat(loose.warnings()).extracting(Problem::toString).containsExactly(
        "rules: 9 of 27 cells match no rule (gaps), e.g. [(r=1, f=1, m=1), (r=1, f=1, m=2),"
            + " (r=1, f=1, m=3), (r=1, f=2, m=1), (r=1, f=2, m=2)]",
        "rules: 9 cells are covered by rules of different segments, so the outcome depends on rule"
            + " order, e.g. [(r=3, f=1, m=1) [Active, Best], (r=3, f=1, m=2) [Active, Best],"
            + " (r=3, f=1, m=3) [Active, Best], (r=3, f=2, m=1) [Active, Best],"
            + " (r=3, f=2, m=2) [Active, Best]]",
        "rules[1]: rule of segment 'Best' is unreachable: every cell it covers is taken by an"
            + " earlier rule, e.g. (r=3, f=1, m=1) by rules[0]");
    assertThat(BuiltinSegments.repaired11().warnings()).isEmpty();
  }

  @Test
  void customersOfferTheirTypedDimensionsAsAttributes() {
    Customer acme = Customer.builder().id(CustomerId.of("acme")).name("ACME")
        .kind(CustomerKind.ORGANISATION).industry("manufacturing").sizeBand(SizeBand.ENTERPRISE)
        .territory(TerritoryId.of("berlin")).lifecycleStage("loyal")
        .putAttributes("needs", "custom").putAttributes("industry", "ignored: typed wins")
        .build();
    assertThat(CustomerAttributes.of(acme)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "kind", "organisation", "industry", "manufacturing", "sizeBand", "ENTERPRISE",
        "territory", "berlin", "lifecycleStage", "loyal", "needs", "custom"));
    SegmentRules rules = keyAccounts().build();
    RfmScore score = new RfmScore(acme.id(), 3, 4, 900.0, 3, 2, 2);
    assertThat(rules.segmentOf(score, acme)).contains("Key account");
    assertThat(rules.segmentOf(score, Map.of("sizeBand", "LARGE"))).contains("Active");
    assertThat(rules.segmentOf(score)).contains("Active");
    Customer person = Customer.builder().id(CustomerId.of("ann")).name("Ann")
        .kind(CustomerKind.INDIVIDUAL).build();
    assertThat(CustomerAttributes.of(person)).isEqualTo(Map.of("kind", "individual"));
    assertThat(rules.segmentOf(new RfmScore(person.id(), 300, 1, 5.0, 1, 1, 1), person))
        .contains("Lapsed");
    assertThat(List.of(rules.rules().get(0).toString())).containsExactly(
        "Key account [r 2-3, f 1-3, m 1-3, {sizeBand=[ENTERPRISE]}, overrides [Active]]");
  }
}

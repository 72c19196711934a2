package org.crmkit.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinSegmentsTest {

  /**
   * The 11-segment table as widely copied (e.g. the R rfm package vignette, Putler's guide): name,
   * r, f, m ranges, in the published order; "<= 2" is written 1-2.
   */
  static SegmentRules published11() {
    return SegmentRules.builder()
        .rule("Champions").r(4, 5).f(4, 5).m(4, 5).add()
        .rule("Loyal Customers").r(2, 5).f(3, 5).m(3, 5).add()
        .rule("Potential Loyalist").r(3, 5).f(1, 3).m(1, 3).add()
        .rule("New Customers").r(4, 5).f(1, 1).m(1, 1).add()
        .rule("Promising").r(3, 4).f(1, 1).m(1, 1).add()
        .rule("Need Attention").r(2, 3).f(2, 3).m(2, 3).add()
        .rule("About To Sleep").r(2, 3).f(1, 2).m(1, 2).add()
        .rule("At Risk").r(1, 2).f(2, 5).m(2, 5).add()
        .rule("Can't Lose Them").r(1, 1).f(4, 5).m(4, 5).add()
        .rule("Hibernating").r(1, 2).f(1, 2).m(1, 2).add()
        .rule("Lost").r(1, 2).f(1, 2).m(1, 2).add()
        .build();
  }

  /** The repair as an ordered first-match list (steps 1 and 2 of the BuiltinSegments comment). */
  static SegmentRules repairedInOrder() {
    return SegmentRules.builder()
        .rule("Champions").r(4, 5).f(4, 5).m(4, 5).add()
        .rule("Loyal Customers").r(2, 5).f(3, 5).m(3, 5).add()
        .rule("New Customers").r(4, 5).f(1, 1).m(1, 1).add()
        .rule("Promising").r(3, 3).f(1, 1).m(1, 1).add()
        .rule("Potential Loyalist").r(3, 5).f(1, 3).m(1, 3).add()
        .rule("Need Attention").r(2, 3).f(2, 3).m(2, 3).add()
        .rule("About To Sleep").r(2, 3).f(1, 2).m(1, 2).add()
        .rule("Can't Lose Them").r(1, 1).f(4, 5).m(4, 5).add()
        .rule("At Risk").r(1, 2).f(2, 5).m(2, 5).add()
        .rule("Lost").r(1, 1).f(1, 1).m(1, 1).add()
        .rule("Hibernating").r(1, 2).f(1, 2).m(1, 2).add()
        .rule("Potential Loyalist").r(3, 5).f(1, 2).m(4, 5).add()
        .rule("Loyal Customers").r(3, 5).f(4, 5).m(1, 2).add()
        .rule("At Risk").r(1, 2).f(1, 1).m(3, 5).add()
        .rule("At Risk").r(1, 2).f(3, 5).m(1, 1).add()
        .build();
  }

  @Test
  void publishedElevenSegmentTableIsNotAPartition() {
    RuleAnalysis a = published11().analysis();
    assertThat(a.gapCount()).isEqualTo(36);
    assertThat(a.gapExamples()).startsWith(new Cell(1, 1, 3), new Cell(1, 1, 4), new Cell(1, 1, 5));
    // shadowed by an earlier, broader rule: the three the issue names ...
    assertThat(a.unreachable()).extracting(RuleAnalysis.Unreachable::segment)
        .containsExactly("New Customers", "Promising", "Can't Lose Them", "Lost");
    assertThat(a.unreachable().get(0).shadowedBy()).isEqualTo(2);   // Potential Loyalist
    assertThat(a.unreachable().get(2).shadowedBy()).isEqualTo(7);   // At Risk
    // ... plus Lost, which repeats Hibernating's ranges exactly
    assertThat(a.unreachable().get(3).shadowedBy()).isEqualTo(9);   // Hibernating
    assertThat(a.orderDependent()).isTrue();
  }

  @Test
  void repairedElevenIsAPartitionEqualToTheDocumentedRepair() {
    SegmentRules repaired = BuiltinSegments.repaired11();
    SegmentRules ordered = repairedInOrder();
    SegmentRules published = published11();
    assertThat(repaired.analysis().isPartition()).isTrue();
    assertThat(repaired.segments()).hasSize(11);
    assertThat(ordered.analysis().gapCount()).isZero();
    assertThat(ordered.analysis().unreachable()).isEmpty();
    Set<String> rescued = Set.of("New Customers", "Promising", "Can't Lose Them", "Lost");
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        for (int m = 1; m <= 5; m++) {
          String got = repaired.segmentOf(r, f, m).orElseThrow();
          assertThat(got).as("cell %s%s%s", r, f, m).isEqualTo(ordered.segmentOf(r, f, m).orElseThrow());
          var before = published.segmentOf(r, f, m);
          if (before.isPresent() && !rescued.contains(got)) {
            assertThat(got).as("published decision kept at %s%s%s", r, f, m).isEqualTo(before.get());
          }
        }
      }
    }
    assertThat(repaired.segmentOf(5, 1, 1)).contains("New Customers");
    assertThat(repaired.segmentOf(3, 1, 1)).contains("Promising");
    assertThat(repaired.segmentOf(1, 5, 5)).contains("Can't Lose Them");
    assertThat(repaired.segmentOf(1, 1, 1)).contains("Lost");
    assertThat(repaired.segmentOf(1, 1, 2)).contains("Hibernating");
  }

  @Test
  void standardTenIsAPartitionOfRecencyByFrequency() {
    SegmentRules ten = BuiltinSegments.standard10();
    assertThat(ten.analysis().isPartition()).isTrue();
    assertThat(ten.segments()).hasSize(10);
    assertThat(ten.segmentOf(5, 5, 1)).contains("Champions");
    assertThat(ten.segmentOf(1, 5, 3)).contains("Can't Lose");
    assertThat(ten.segmentOf(3, 3, 5)).contains("Need Attention");
    assertThat(ten.segmentOf(4, 1, 2)).contains("Promising");
    for (int m = 1; m <= 5; m++) {
      assertThat(ten.segmentOf(2, 2, m)).contains("Hibernating");
    }
    assertThat(List.copyOf(ten.segments())).contains("New Customers", "Potential Loyalists");
  }
}

package org.crmkit.testkit;

import java.util.List;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;

/** Deliberately broken rule sets, each with the ranking its author meant (best first). */
final class BrokenRuleSets {
  private BrokenRuleSets() {}

  static final List<String> STANDARD_RANKING = List.of("Champions", "Loyal Customers",
      "Potential Loyalists", "New Customers", "Promising", "Need Attention", "About to Sleep",
      "Can't Lose", "At Risk", "Hibernating");

  /** The intact 10-segment map. */
  static SegmentRules intact() {
    return BuiltinSegments.standard10();
  }

  /** The 10-segment map with "Can't Lose" (r 1-2, f 5) forgotten: a gap. */
  static SegmentRules gap() {
    return SegmentRules.builder().tiles(5)
        .rule("Hibernating").r(1, 2).f(1, 2).add()
        .rule("At Risk").r(1, 2).f(3, 4).add()
        .rule("About to Sleep").r(3, 3).f(1, 2).add()
        .rule("Need Attention").r(3, 3).f(3, 3).add()
        .rule("Loyal Customers").r(3, 4).f(4, 5).add()
        .rule("Promising").r(4, 4).f(1, 1).add()
        .rule("New Customers").r(5, 5).f(1, 1).add()
        .rule("Potential Loyalists").r(4, 5).f(2, 3).add()
        .rule("Champions").r(5, 5).f(4, 5).add()
        .rule("Can't Lose").r(1, 1).f(1, 1).m(5, 5).add()   // kept reachable, on the wrong cell
        .build();
  }

  /** The 10-segment map with the labels of Champions and Hibernating swapped: still a partition. */
  static SegmentRules swapped() {
    return SegmentRules.builder().tiles(5)
        .rule("Champions").r(1, 2).f(1, 2).add()
        .rule("At Risk").r(1, 2).f(3, 4).add()
        .rule("Can't Lose").r(1, 2).f(5, 5).add()
        .rule("About to Sleep").r(3, 3).f(1, 2).add()
        .rule("Need Attention").r(3, 3).f(3, 3).add()
        .rule("Loyal Customers").r(3, 4).f(4, 5).add()
        .rule("Promising").r(4, 4).f(1, 1).add()
        .rule("New Customers").r(5, 5).f(1, 1).add()
        .rule("Potential Loyalists").r(4, 5).f(2, 3).add()
        .rule("Hibernating").r(5, 5).f(4, 5).add()
        .build();
  }

  static final List<String> SPEND_RANKING = List.of("Big spenders", "Regular", "Small spenders");

  /** Three spend segments with the monetary ranges inverted. */
  static SegmentRules invertedSpend() {
    return SegmentRules.builder().tiles(5)
        .rule("Big spenders").m(1, 2).add()
        .rule("Regular").m(3, 3).add()
        .rule("Small spenders").m(4, 5).add()
        .build();
  }

  static final List<String> FREQUENCY_RANKING = List.of("Regulars", "Occasional");

  /** Two frequency segments, inverted. */
  static SegmentRules invertedFrequency() {
    return SegmentRules.builder().tiles(5)
        .rule("Regulars").f(1, 2).add()
        .rule("Occasional").f(3, 5).add()
        .build();
  }
}

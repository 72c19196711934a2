package org.crmkit.segmentation.rules;

/**
 * Ready-made segment maps for 5-tile RFM scores, both partitions of their lattice (so every
 * customer gets exactly one segment, whatever the rule order).
 *
 * <p>{@link #standard10()} is the widely used 10-segment map on recency × frequency (monetary is
 * ignored). {@link #repaired11()} is the popular 11-segment R/F/M table (Champions … Lost, as
 * published e.g. with the R {@code rfm} package), repaired: as published, with first-match
 * evaluation, it leaves 36 of 125 cells unmatched and never selects New Customers, Promising and
 * Can't Lose Them (each nested in an earlier, broader rule), nor Lost (identical to Hibernating).
 * The repair, applied in this order, keeps every cell the published table decided unless it is
 * needed to make a segment reachable:
 * <ol>
 *   <li>the narrow rules move before the broad rules containing them: New Customers (r 4-5, f 1,
 *       m 1) and Promising (narrowed to r 3, f 1, m 1) before Potential Loyalist; Can't Lose Them
 *       before At Risk; Lost (narrowed to r 1, f 1, m 1, the lowest cell) before Hibernating;
 *   <li>the 36 gaps, where frequency and monetary disagree, are filled: recent (r 3-5) rare big
 *       spenders (f 1-2, m 4-5) become Potential Loyalists; recent frequent small spenders (f
 *       4-5, m 1-2) Loyal Customers; lapsed customers (r 1-2) with f 1 and m 3-5, or f 3-5 and m
 *       1, At Risk;
 *   <li>the resulting first-match assignment is written as disjoint boxes, so that the map is a
 *       partition (the rules' order no longer matters).
 * </ol>
 * The test {@code BuiltinSegmentsTest} checks each of these statements.
 *
 * <p>Stateless; the returned rule sets are immutable and thread-safe.
 */
public final class BuiltinSegments {
  private BuiltinSegments() {}

  /** The 10-segment recency × frequency map (5 tiles, strict partition). */
  public static SegmentRules standard10() {
    return SegmentRules.builder().tiles(5).strict(true)
        .rule("Hibernating").r(1, 2).f(1, 2).add()
        .rule("At Risk").r(1, 2).f(3, 4).add()
        .rule("Can't Lose").r(1, 2).f(5, 5).add()
        .rule("About to Sleep").r(3, 3).f(1, 2).add()
        .rule("Need Attention").r(3, 3).f(3, 3).add()
        .rule("Loyal Customers").r(3, 4).f(4, 5).add()
        .rule("Promising").r(4, 4).f(1, 1).add()
        .rule("New Customers").r(5, 5).f(1, 1).add()
        .rule("Potential Loyalists").r(4, 5).f(2, 3).add()
        .rule("Champions").r(5, 5).f(4, 5).add()
        .build();
  }

  /** The repaired 11-segment R/F/M map (5 tiles, strict partition); see the class comment. */
  public static SegmentRules repaired11() {
    return SegmentRules.builder().tiles(5).strict(true)
        .rule("Champions").r(4, 5).f(4, 5).m(4, 5).add()
        .rule("Loyal Customers").r(2, 3).f(3, 5).m(3, 5).add()
        .rule("Loyal Customers").r(3, 5).f(4, 5).m(1, 2).add()
        .rule("Loyal Customers").r(4, 5).f(3, 3).m(3, 5).add()
        .rule("Loyal Customers").r(4, 5).f(4, 5).m(3, 3).add()
        .rule("Potential Loyalist").r(3, 5).f(1, 2).m(2, 5).add()
        .rule("Potential Loyalist").r(3, 5).f(2, 3).m(1, 1).add()
        .rule("Potential Loyalist").r(3, 5).f(3, 3).m(2, 2).add()
        .rule("New Customers").r(4, 5).f(1, 1).m(1, 1).add()
        .rule("Promising").r(3, 3).f(1, 1).m(1, 1).add()
        .rule("Need Attention").r(2, 2).f(2, 2).m(2, 3).add()
        .rule("Need Attention").r(2, 2).f(3, 3).m(2, 2).add()
        .rule("About To Sleep").r(2, 2).f(1, 1).m(1, 2).add()
        .rule("About To Sleep").r(2, 2).f(2, 2).m(1, 1).add()
        .rule("At Risk").r(1, 1).f(1, 3).m(3, 5).add()
        .rule("At Risk").r(1, 2).f(4, 5).m(1, 2).add()
        .rule("At Risk").r(2, 2).f(1, 2).m(4, 5).add()
        .rule("At Risk").r(1, 1).f(2, 3).m(2, 2).add()
        .rule("At Risk").r(1, 1).f(4, 5).m(3, 3).add()
        .rule("At Risk").r(1, 2).f(3, 3).m(1, 1).add()
        .rule("At Risk").r(2, 2).f(1, 1).m(3, 3).add()
        .rule("Can't Lose Them").r(1, 1).f(4, 5).m(4, 5).add()
        .rule("Hibernating").r(1, 1).f(1, 1).m(2, 2).add()
        .rule("Hibernating").r(1, 1).f(2, 2).m(1, 1).add()
        .rule("Lost").r(1, 1).f(1, 1).m(1, 1).add()
        .build();
  }
}

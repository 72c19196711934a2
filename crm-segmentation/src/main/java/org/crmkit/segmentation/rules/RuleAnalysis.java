package org.crmkit.segmentation.rules;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Problem;

/**
 * What a rule set does on the whole score lattice ({@code tiles³} cells): the cells no
 * unconditional rule covers (gaps), the cells several rules cover (overlaps), the cells whose
 * outcome depends on rule order (covered by rules of different segments), and the rules first-match
 * evaluation can never select (unreachable), each with example cells. Immutable and thread-safe.
 *
 * <p>A rule with attribute conditions does not close a gap (it matches only some customers of a
 * cell) but does count for overlaps and order dependence.
 */
public final class RuleAnalysis {
  /** At most this many example cells are kept per finding. */
  public static final int MAX_EXAMPLES = 20;

  /**
   * A cell covered by several rules.
   *
   * @param cell the cell
   * @param rules the indices of the rules covering it, in priority order
   * @param segments their segment names, in the same order
   */
  public record Overlap(Cell cell, List<Integer> rules, List<String> segments) {
    /** Copies the lists. */
    public Overlap {
      rules = List.copyOf(rules);
      segments = List.copyOf(segments);
    }
  }

  /**
   * A rule that first-match evaluation never selects.
   *
   * @param rule the rule's index
   * @param segment its segment
   * @param example one of its cells
   * @param shadowedBy the earlier unconditional rule that takes that cell
   */
  public record Unreachable(int rule, String segment, Cell example, int shadowedBy) {}

  private final int tiles;
  private final long gapCount;
  private final List<Cell> gapExamples;
  private final long overlapCount;
  private final List<Overlap> overlapExamples;
  private final long orderDependentCount;
  private final List<Overlap> orderDependentExamples;
  private final List<Unreachable> unreachable;
  private final List<String> unreachableSegments;

  RuleAnalysis(int tiles, long gapCount, List<Cell> gapExamples, long overlapCount,
      List<Overlap> overlapExamples, long orderDependentCount, List<Overlap> orderDependentExamples,
      List<Unreachable> unreachable, List<String> unreachableSegments) {
    this.tiles = tiles;
    this.gapCount = gapCount;
    this.gapExamples = List.copyOf(gapExamples);
    this.overlapCount = overlapCount;
    this.overlapExamples = List.copyOf(overlapExamples);
    this.orderDependentCount = orderDependentCount;
    this.orderDependentExamples = List.copyOf(orderDependentExamples);
    this.unreachable = List.copyOf(unreachable);
    this.unreachableSegments = List.copyOf(unreachableSegments);
  }

  /** The number of score levels. */
  public int tiles() {
    return tiles;
  }

  /** The number of lattice cells, {@code tiles³}. */
  public long cellCount() {
    return (long) tiles * tiles * tiles;
  }

  /** The number of cells no unconditional rule covers. */
  public long gapCount() {
    return gapCount;
  }

  /** Up to {@link #MAX_EXAMPLES} gap cells, in (r, f, m) order. */
  public List<Cell> gapExamples() {
    return gapExamples;
  }

  /** The number of cells covered by two or more rules. */
  public long overlapCount() {
    return overlapCount;
  }

  /** Up to {@link #MAX_EXAMPLES} overlapping cells. */
  public List<Overlap> overlapExamples() {
    return overlapExamples;
  }

  /** The number of cells covered by rules of two or more different segments. */
  public long orderDependentCount() {
    return orderDependentCount;
  }

  /** Whether reordering the rules could change some customer's segment. */
  public boolean orderDependent() {
    return orderDependentCount > 0;
  }

  /** Up to {@link #MAX_EXAMPLES} cells whose outcome depends on rule order. */
  public List<Overlap> orderDependentExamples() {
    return orderDependentExamples;
  }

  /** Every rule that first-match evaluation never selects. */
  public List<Unreachable> unreachable() {
    return unreachable;
  }

  /** Segments none of whose rules is reachable, in rule order. */
  public List<String> unreachableSegments() {
    return unreachableSegments;
  }

  /**
   * Whether the rule set partitions the lattice: no gap, no cell covered by two segments, no
   * unreachable rule.
   */
  public boolean isPartition() {
    return gapCount == 0 && orderDependentCount == 0 && unreachable.isEmpty();
  }

  /** The findings as problems (empty for a partition), for reports and strict mode. */
  public List<Problem> problems() {
    List<Problem> out = new ArrayList<>();
    if (gapCount > 0) {
      out.add(Problem.of("rules", "%s of %s cells match no rule (gaps), e.g. %s", gapCount,
          cellCount(), gapExamples.subList(0, Math.min(5, gapExamples.size()))));
    }
    if (orderDependentCount > 0) {
      List<String> ex = new ArrayList<>();
      for (Overlap o : orderDependentExamples.subList(0, Math.min(5, orderDependentExamples.size()))) {
        ex.add(o.cell() + " " + o.segments());
      }
      out.add(Problem.of("rules", "%s cells are covered by rules of different segments, so the "
          + "outcome depends on rule order, e.g. %s", orderDependentCount, ex));
    }
    for (Unreachable u : unreachable) {
      out.add(Problem.of("rules[" + u.rule() + "]", "rule of segment '%s' is unreachable: every "
          + "cell it covers is taken by an earlier rule, e.g. %s by rules[%s]",
          u.segment(), u.example(), u.shadowedBy()));
    }
    return out;
  }

  @Override
  public String toString() {
    if (isPartition()) {
      return "partition of " + cellCount() + " cells";
    }
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems()) {
      sb.append(sb.length() == 0 ? "" : "\n").append(p);
    }
    return sb.toString();
  }
}

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

  /**
   * A declared override that never applies: the rule shares no cell with a later rule of the
   * overridden segment.
   *
   * @param rule the index of the declaring rule
   * @param segment its segment
   * @param overridden the segment it declares to override
   */
  public record UnusedOverride(int rule, String segment, String overridden) {}

  private final int tiles;
  private final long gapCount;
  private final List<Cell> gapExamples;
  private final long overlapCount;
  private final List<Overlap> overlapExamples;
  private final long orderDependentCount;
  private final List<Overlap> orderDependentExamples;
  private final long deliberateCount;
  private final List<Overlap> deliberateExamples;
  private final List<Overlap> undeclaredExamples;
  private final List<Unreachable> unreachable;
  private final List<String> unreachableSegments;
  private final List<UnusedOverride> unusedOverrides;

  RuleAnalysis(int tiles, long gapCount, List<Cell> gapExamples, long overlapCount,
      List<Overlap> overlapExamples, long orderDependentCount, List<Overlap> orderDependentExamples,
      long deliberateCount, List<Overlap> deliberateExamples, List<Overlap> undeclaredExamples,
      List<Unreachable> unreachable, List<String> unreachableSegments,
      List<UnusedOverride> unusedOverrides) {
    this.tiles = tiles;
    this.gapCount = gapCount;
    this.gapExamples = List.copyOf(gapExamples);
    this.overlapCount = overlapCount;
    this.overlapExamples = List.copyOf(overlapExamples);
    this.orderDependentCount = orderDependentCount;
    this.orderDependentExamples = List.copyOf(orderDependentExamples);
    this.deliberateCount = deliberateCount;
    this.deliberateExamples = List.copyOf(deliberateExamples);
    this.undeclaredExamples = List.copyOf(undeclaredExamples);
    this.unusedOverrides = List.copyOf(unusedOverrides);
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

  /**
   * The number of order-dependent cells whose every overlap is declared deliberate ({@link
   * SegmentRules.RuleBuilder#overrides(String...)}); at most {@link #orderDependentCount()}.
   */
  public long deliberateCount() {
    return deliberateCount;
  }

  /** Up to {@link #MAX_EXAMPLES} cells whose order dependence is declared deliberate. */
  public List<Overlap> deliberateExamples() {
    return deliberateExamples;
  }

  /** Declared overrides that never apply (a stale or mistyped intent), in rule order. */
  public List<UnusedOverride> unusedOverrides() {
    return unusedOverrides;
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
   * Whether the rule set partitions the lattice: no gap, no cell covered by two segments (declared
   * or not), no unreachable rule.
   */
  public boolean isPartition() {
    return gapCount == 0 && orderDependentCount == 0 && unreachable.isEmpty();
  }

  /**
   * The findings as problems, for reports, warnings and strict mode: gaps, order-dependent cells
   * that are not declared deliberate, unreachable rules and unused override declarations. Empty
   * for a partition, and for a rule set whose only overlaps are declared.
   */
  public List<Problem> problems() {
    List<Problem> out = new ArrayList<>();
    if (gapCount > 0) {
      out.add(Problem.of("rules", "%s of %s cells match no rule (gaps), e.g. %s", gapCount,
          cellCount(), gapExamples.subList(0, Math.min(5, gapExamples.size()))));
    }
    long undeclared = orderDependentCount - deliberateCount;
    if (undeclared > 0) {
      List<String> ex = new ArrayList<>();
      for (Overlap o : undeclaredExamples.subList(0, Math.min(5, undeclaredExamples.size()))) {
        ex.add(o.cell() + " " + o.segments());
      }
      out.add(Problem.of("rules", "%s cells are covered by rules of different segments, so the "
          + "outcome depends on rule order, e.g. %s%s", undeclared, ex, deliberateCount == 0 ? ""
          : " (" + deliberateCount + " more cells are declared overrides)"));
    }
    for (Unreachable u : unreachable) {
      out.add(Problem.of("rules[" + u.rule() + "]", "rule of segment '%s' is unreachable: every "
          + "cell it covers is taken by an earlier rule, e.g. %s by rules[%s]",
          u.segment(), u.example(), u.shadowedBy()));
    }
    for (UnusedOverride u : unusedOverrides) {
      out.add(Problem.of("rules[" + u.rule() + "].overrides", "rule of segment '%s' declares that "
          + "it overrides '%s', but no later rule of '%s' shares a cell with it",
          u.segment(), u.overridden(), u.overridden()));
    }
    return out;
  }

  @Override
  public String toString() {
    if (isPartition()) {
      return "partition of " + cellCount() + " cells";
    }
    if (problems().isEmpty()) {
      return "partition of " + cellCount() + " cells apart from " + deliberateCount
          + " declared overrides";
    }
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems()) {
      sb.append(sb.length() == 0 ? "" : "\n").append(p);
    }
    return sb.toString();
  }
}

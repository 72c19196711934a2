package org.crmkit.segmentation.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmTable;
import org.jspecify.annotations.Nullable;

/**
 * A validated, analysed set of segment rules over R/F/M scores 1..{@link #tiles()} and customer
 * attributes. Rules are evaluated by priority: the first rule (in definition order) that matches
 * decides the segment. At {@link Builder#build()} the whole lattice is analysed ({@link
 * #analysis()}); in strict mode a rule set that is not a partition is rejected.
 *
 * <p>Immutable and thread-safe. Lookup of a rule set without attribute conditions is one array
 * access; with conditions, a scan of the rules covering the cell up to the first unconditional one.
 * Building costs O(tiles³ × rules).
 *
 * <pre>{@code
 * SegmentRules rules = SegmentRules.builder()
 *     .rule("Active").r(3, 5).add()
 *     .rule("Lapsed").r(1, 2).add()
 *     .strict(true)
 *     .build();
 * String segment = rules.segmentOf(4, 1, 2).orElseThrow();   // "Active"
 * }</pre>
 */
public final class SegmentRules {
  private final int tiles;
  private final List<SegmentRule> rules;
  private final List<String> segments;
  private final RuleAnalysis analysis;
  private final boolean conditional;
  /** Per cell: segment index of the first unconditional rule, -1 if none. */
  private final short[] firstUnconditionalSegment;
  /** Per cell: rule indices covering it, up to and including the first unconditional one. */
  private final int[][] candidates;

  private SegmentRules(int tiles, List<SegmentRule> rules, RuleAnalysis analysis,
      short[] firstUnconditionalSegment, int[][] candidates) {
    this.tiles = tiles;
    this.rules = List.copyOf(rules);
    Set<String> names = new LinkedHashSet<>();
    for (SegmentRule r : rules) {
      names.add(r.segment());
    }
    this.segments = List.copyOf(names);
    this.analysis = analysis;
    this.conditional = rules.stream().anyMatch(SegmentRule::conditional);
    this.firstUnconditionalSegment = firstUnconditionalSegment;
    this.candidates = candidates;
  }

  /** A new builder (5 tiles, not strict). */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of score levels the rules are written for. */
  public int tiles() {
    return tiles;
  }

  /** The rules in priority order; unmodifiable. */
  public List<SegmentRule> rules() {
    return rules;
  }

  /** The distinct segment names in order of first appearance; unmodifiable. */
  public List<String> segments() {
    return segments;
  }

  /** The lattice analysis computed at build time. */
  public RuleAnalysis analysis() {
    return analysis;
  }

  /** Whether some rule depends on customer attributes. */
  public boolean hasAttributeConditions() {
    return conditional;
  }

  private int cell(int r, int f, int m) {
    if (r < 1 || r > tiles || f < 1 || f > tiles || m < 1 || m > tiles) {
      throw new CrmException("scores must be in [1, " + tiles + "], but were r=" + r + ", f=" + f
          + ", m=" + m);
    }
    return ((r - 1) * tiles + (f - 1)) * tiles + (m - 1);
  }

  /**
   * The segment of a customer without attributes (conditional rules do not match).
   *
   * @return empty if no rule matches (a gap)
   * @throws CrmException if a score is outside 1..tiles
   */
  public Optional<String> segmentOf(int r, int f, int m) {
    return segmentOf(r, f, m, Map.of());
  }

  /**
   * The segment of a customer with the given scores and attributes: the first matching rule's.
   *
   * @return empty if no rule matches
   * @throws CrmException if a score is outside 1..tiles
   */
  public Optional<String> segmentOf(int r, int f, int m, Map<String, String> attributes) {
    int c = cell(r, f, m);
    if (!conditional) {
      short s = firstUnconditionalSegment[c];
      return s < 0 ? Optional.empty() : Optional.of(segments.get(s));
    }
    for (int i : candidates[c]) {
      if (rules.get(i).matches(r, f, m, attributes)) {
        return Optional.of(rules.get(i).segment());
      }
    }
    return Optional.empty();
  }

  /** The segment of a scored customer without attributes. */
  public Optional<String> segmentOf(RfmScore score) {
    return segmentOf(score.r(), score.f(), score.m());
  }

  /**
   * Assigns every scored customer of a table: the result holds, per customer index, the index of
   * its segment in {@link #segments()}, or -1 if it was not scored or falls in a gap. O(customers),
   * no allocation beyond the result.
   *
   * @throws CrmException if the table's tiles differ from {@link #tiles()} or a rule has attribute
   *     conditions (the table has no attributes)
   */
  public int[] assign(RfmTable table) {
    if (table.model().tiles() != tiles) {
      throw new CrmException("the rule set is for " + tiles + " tiles, but the scores have "
          + table.model().tiles());
    }
    if (conditional) {
      throw new CrmException("the rule set has attribute conditions; assign customers one by one "
          + "with segmentOf(r, f, m, attributes)");
    }
    int n = table.customerCount();
    int[] out = new int[n];
    int t2 = tiles * tiles;
    int base = -(t2 + tiles + 1);
    for (int i = 0; i < n; i++) {
      int r = table.r(i);
      out[i] = r == 0 ? -1
          : firstUnconditionalSegment[base + r * t2 + table.f(i) * tiles + table.m(i)];
    }
    return out;
  }

  @Override
  public String toString() {
    return "SegmentRules" + rules;
  }

  /** Collects rules and options; validates everything at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private int tiles = 5;
    private boolean strict;
    private final List<RuleBuilder> rules = new ArrayList<>();

    private Builder() {}

    /** The number of score levels (default 5); validated at build. */
    public Builder tiles(int tiles) {
      this.tiles = tiles;
      return this;
    }

    /** Whether to reject a rule set that is not a partition of the lattice (default false). */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** Starts a rule for {@code segment}; finish it with {@link RuleBuilder#add()}. */
    public RuleBuilder rule(String segment) {
      return new RuleBuilder(this, segment);
    }

    /** Adds a ready-made rule (e.g. from another rule set). */
    public Builder rule(SegmentRule rule) {
      RuleBuilder b = new RuleBuilder(this, rule.segment());
      b.r = rule.r();
      b.f = rule.f();
      b.m = rule.m();
      b.attributes.putAll(rule.attributes());
      return b.add();
    }

    /**
     * Validates, analyses and compiles the rules.
     *
     * @throws InvalidDefinitionException listing every invalid rule part (with paths {@code
     *     rules[i].r} ...), or in strict mode every finding of the analysis
     */
    public SegmentRules build() {
      List<Problem> problems = new ArrayList<>();
      if (tiles < 2 || tiles > 100) {
        problems.add(Problem.of("tiles", "must be in [2, 100], but was %s", tiles));
        throw new InvalidDefinitionException("segment rules", problems);
      }
      if (rules.isEmpty()) {
        problems.add(Problem.of("rules", "at least one rule is required"));
      }
      List<SegmentRule> built = new ArrayList<>();
      for (int i = 0; i < rules.size(); i++) {
        RuleBuilder b = rules.get(i);
        String path = "rules[" + i + "]";
        if (b.segment == null || b.segment.isBlank()) {
          problems.add(Problem.of(path + ".segment", "must be a non-blank name, but was '%s'",
              b.segment));
        }
        ScoreRange full = ScoreRange.of(1, tiles);
        ScoreRange r = b.r == null ? full : b.r;
        ScoreRange f = b.f == null ? full : b.f;
        ScoreRange m = b.m == null ? full : b.m;
        checkRange(path + ".r", r, problems);
        checkRange(path + ".f", f, problems);
        checkRange(path + ".m", m, problems);
        for (Map.Entry<String, Set<String>> e : b.attributes.entrySet()) {
          if (e.getKey().isBlank()) {
            problems.add(Problem.of(path + ".attributes", "attribute names must not be blank"));
          }
          if (e.getValue().isEmpty()) {
            problems.add(Problem.of(path + ".attributes." + e.getKey(),
                "must list at least one allowed value"));
          }
        }
        built.add(new SegmentRule(b.segment == null ? "" : b.segment, r, f, m, b.attributes));
      }
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException("segment rules", problems);
      }
      return compile(built);
    }

    private void checkRange(String path, ScoreRange range, List<Problem> problems) {
      if (range.min() < 1 || range.max() > tiles || range.min() > range.max()) {
        problems.add(Problem.of(path, "must be a range within 1..%s with min <= max, but was %s..%s",
            tiles, range.min(), range.max()));
      }
    }

    private SegmentRules compile(List<SegmentRule> built) {
      int n = tiles;
      int cells = n * n * n;
      Map<String, Integer> segmentIndex = new LinkedHashMap<>();
      for (SegmentRule r : built) {
        segmentIndex.putIfAbsent(r.segment(), segmentIndex.size());
      }
      short[] first = new short[cells];
      int[][] candidates = new int[cells][];
      int[] selected = new int[built.size()];
      Cell[] shadowExample = new Cell[built.size()];
      int[] shadowBy = new int[built.size()];
      long gaps = 0;
      long overlaps = 0;
      long orderDependent = 0;
      List<Cell> gapExamples = new ArrayList<>();
      List<RuleAnalysis.Overlap> overlapExamples = new ArrayList<>();
      List<RuleAnalysis.Overlap> orderExamples = new ArrayList<>();
      List<Integer> covering = new ArrayList<>();
      for (int r = 1; r <= n; r++) {
        for (int f = 1; f <= n; f++) {
          for (int m = 1; m <= n; m++) {
            int c = ((r - 1) * n + (f - 1)) * n + (m - 1);
            covering.clear();
            int firstUncond = -1;
            for (int i = 0; i < built.size(); i++) {
              SegmentRule rule = built.get(i);
              if (!rule.covers(r, f, m)) {
                continue;
              }
              covering.add(i);
              if (firstUncond < 0) {
                selected[i]++;
                if (!rule.conditional()) {
                  firstUncond = i;
                }
              } else if (shadowExample[i] == null) {
                shadowExample[i] = new Cell(r, f, m);
                shadowBy[i] = firstUncond;
              }
            }
            first[c] = firstUncond < 0 ? -1
                : (short) (int) Checks.entry(segmentIndex, built.get(firstUncond).segment());
            int cut = firstUncond < 0 ? covering.size() : covering.indexOf(firstUncond) + 1;
            candidates[c] = covering.subList(0, cut).stream().mapToInt(Integer::intValue).toArray();
            Cell cell = new Cell(r, f, m);
            if (firstUncond < 0) {
              gaps++;
              if (gapExamples.size() < RuleAnalysis.MAX_EXAMPLES) {
                gapExamples.add(cell);
              }
            }
            if (covering.size() > 1) {
              List<String> segs = new ArrayList<>();
              for (int i : covering) {
                segs.add(built.get(i).segment());
              }
              RuleAnalysis.Overlap o = new RuleAnalysis.Overlap(cell, covering, segs);
              overlaps++;
              if (overlapExamples.size() < RuleAnalysis.MAX_EXAMPLES) {
                overlapExamples.add(o);
              }
              if (new LinkedHashSet<>(segs).size() > 1) {
                orderDependent++;
                if (orderExamples.size() < RuleAnalysis.MAX_EXAMPLES) {
                  orderExamples.add(o);
                }
              }
            }
          }
        }
      }
      List<RuleAnalysis.Unreachable> unreachable = new ArrayList<>();
      Set<String> reachableSegments = new LinkedHashSet<>();
      for (int i = 0; i < built.size(); i++) {
        if (selected[i] == 0) {
          unreachable.add(new RuleAnalysis.Unreachable(i, built.get(i).segment(), shadowExample[i],
              shadowBy[i]));
        } else {
          reachableSegments.add(built.get(i).segment());
        }
      }
      List<String> unreachableSegments = new ArrayList<>();
      for (String s : segmentIndex.keySet()) {
        if (!reachableSegments.contains(s)) {
          unreachableSegments.add(s);
        }
      }
      RuleAnalysis analysis = new RuleAnalysis(n, gaps, gapExamples, overlaps, overlapExamples,
          orderDependent, orderExamples, unreachable, unreachableSegments);
      if (strict && !analysis.isPartition()) {
        throw new InvalidDefinitionException("segment rules (strict: must partition the "
            + cells + "-cell score lattice)", analysis.problems());
      }
      return new SegmentRules(n, built, analysis, first, candidates);
    }
  }

  /** Builds one rule; ranges default to the full 1..tiles. Not thread-safe. */
  public static final class RuleBuilder {
    private final Builder parent;
    private final String segment;
    private @Nullable ScoreRange r; // null: the full 1..tiles
    private @Nullable ScoreRange f;
    private @Nullable ScoreRange m;
    private final Map<String, Set<String>> attributes = new LinkedHashMap<>();

    private RuleBuilder(Builder parent, String segment) {
      this.parent = parent;
      this.segment = segment;
    }

    /** Recency scores {@code min..max}. */
    public RuleBuilder r(int min, int max) {
      this.r = ScoreRange.of(min, max);
      return this;
    }

    /** Frequency scores {@code min..max}. */
    public RuleBuilder f(int min, int max) {
      this.f = ScoreRange.of(min, max);
      return this;
    }

    /** Monetary scores {@code min..max}. */
    public RuleBuilder m(int min, int max) {
      this.m = ScoreRange.of(min, max);
      return this;
    }

    /** Requires the customer attribute {@code name} to be one of {@code values}. */
    public RuleBuilder attribute(String name, String... values) {
      attributes.put(name, Set.copyOf(java.util.Arrays.asList(values)));
      return this;
    }

    /** Adds the rule (after the rules added before it) and returns the rule-set builder. */
    public Builder add() {
      parent.rules.add(this);
      return parent;
    }
  }
}

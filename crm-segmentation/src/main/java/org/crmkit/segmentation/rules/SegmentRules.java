package org.crmkit.segmentation.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.Customer;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmTable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated, analysed set of segment rules over R/F/M scores 1..{@link #tiles()} and customer
 * attributes. Rules are evaluated by priority: the first rule (in definition order) that matches
 * decides the segment. At {@link Builder#build()} the whole lattice is analysed ({@link
 * #analysis()}): its findings are the {@link #warnings()} of the built rule set (also logged at
 * DEBUG); in strict mode any finding rejects the rule set. A rule may declare that it deliberately
 * overrides other segments ({@link RuleBuilder#overrides(String...)}, e.g. an attribute-based VIP
 * rule before the score rules): the cells it shares with them are then not findings, and strict
 * mode accepts them while still rejecting every undeclared overlap, gap and unreachable rule.
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
  private static final Logger LOG = LoggerFactory.getLogger(SegmentRules.class);

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

  /**
   * The analysis findings that {@link Builder#build()} accepted because the rule set is not
   * strict: undeclared order-dependent cells, gaps, unreachable rules and unused override
   * declarations; empty for a partition (with any overlaps declared). Each was also logged at
   * DEBUG when the rule set was built. Unmodifiable.
   */
  public List<Problem> warnings() {
    return analysis.problems();
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
   * The segment of a scored customer with the given attributes.
   *
   * @return empty if no rule matches
   * @throws CrmException if a score is outside 1..tiles
   */
  public Optional<String> segmentOf(RfmScore score, Map<String, String> attributes) {
    return segmentOf(score.r(), score.f(), score.m(), attributes);
  }

  /**
   * The segment of a scored customer, with the customer's attributes as {@link
   * CustomerAttributes#of(Customer)} gives them (free attributes plus kind, industry, size band,
   * territory and lifecycle stage).
   *
   * @return empty if no rule matches
   * @throws CrmException if a score is outside 1..tiles
   */
  public Optional<String> segmentOf(RfmScore score, Customer customer) {
    return segmentOf(score.r(), score.f(), score.m(), CustomerAttributes.of(customer));
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
      b.overrides.addAll(rule.overrides());
      return b.add();
    }

    /**
     * Validates, analyses and compiles the rules.
     *
     * @throws InvalidDefinitionException listing every invalid rule part (with paths {@code
     *     rules[i].r} ...; an override naming no segment of the rule set is one), or in strict
     *     mode every finding of the analysis ({@link SegmentRules#warnings()})
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
        built.add(new SegmentRule(b.segment == null ? "" : b.segment, r, f, m, b.attributes,
            b.overrides));
      }
      Set<String> names = new LinkedHashSet<>();
      rules.forEach(b -> names.add(b.segment == null ? "" : b.segment));
      for (int i = 0; i < rules.size(); i++) {
        for (String o : new TreeSet<>(rules.get(i).overrides)) {
          if (!names.contains(o)) {
            problems.add(Problem.of("rules[" + i + "].overrides", "unknown segment '%s'; known: %s",
                o, names));
          } else if (o.equals(rules.get(i).segment)) {
            problems.add(Problem.of("rules[" + i + "].overrides",
                "a rule cannot override its own segment '%s'", o));
          }
        }
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
      long deliberate = 0;
      List<RuleAnalysis.Overlap> deliberateExamples = new ArrayList<>();
      List<RuleAnalysis.Overlap> undeclaredExamples = new ArrayList<>();
      List<Set<String>> overridesUsed = new ArrayList<>();
      built.forEach(rule -> overridesUsed.add(new TreeSet<>()));
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
                if (declared(built, covering, overridesUsed)) {
                  deliberate++;
                  if (deliberateExamples.size() < RuleAnalysis.MAX_EXAMPLES) {
                    deliberateExamples.add(o);
                  }
                } else if (undeclaredExamples.size() < RuleAnalysis.MAX_EXAMPLES) {
                  undeclaredExamples.add(o);
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
      List<RuleAnalysis.UnusedOverride> unusedOverrides = new ArrayList<>();
      for (int i = 0; i < built.size(); i++) {
        for (String o : new TreeSet<>(built.get(i).overrides())) {
          if (!overridesUsed.get(i).contains(o)) {
            unusedOverrides.add(new RuleAnalysis.UnusedOverride(i, built.get(i).segment(), o));
          }
        }
      }
      RuleAnalysis analysis = new RuleAnalysis(n, gaps, gapExamples, overlaps, overlapExamples,
          orderDependent, orderExamples, deliberate, deliberateExamples, undeclaredExamples,
          unreachable, unreachableSegments, unusedOverrides);
      List<Problem> findings = analysis.problems();
      if (strict && !findings.isEmpty()) {
        throw new InvalidDefinitionException("segment rules (strict: must partition the "
            + cells + "-cell score lattice, apart from declared overrides)", findings);
      }
      if (LOG.isDebugEnabled()) {
        LOG.debug("segment rules built: {} rules, {} segments, {} tiles; {}", built.size(),
            segmentIndex.size(), n, findings.isEmpty() ? "no warnings" : findings.size() + " warnings");
        for (Problem p : findings) {
          LOG.debug("segment rules warning: {}", p);
        }
      }
      return new SegmentRules(n, built, analysis, first, candidates);
    }

    /**
     * Whether every pair of covering rules of different segments is declared: the earlier one
     * overrides the later one's segment. Records the declarations used.
     */
    private static boolean declared(List<SegmentRule> built, List<Integer> covering,
        List<Set<String>> used) {
      boolean all = true;
      for (int a = 0; a < covering.size(); a++) {
        SegmentRule first = built.get(covering.get(a));
        for (int b = a + 1; b < covering.size(); b++) {
          String later = built.get(covering.get(b)).segment();
          if (later.equals(first.segment())) {
            continue;
          }
          if (first.overrides().contains(later)) {
            used.get(covering.get(a)).add(later);
          } else {
            all = false;
          }
        }
      }
      return all;
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
    private final Set<String> overrides = new LinkedHashSet<>();

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

    /**
     * Declares that this rule deliberately wins over later rules of {@code segments} where they
     * cover the same cells (for example a VIP rule on an attribute, placed before the score
     * rules): those cells are not reported as order-dependent, and strict mode accepts them.
     * Overlaps with other segments are still findings; a declaration that never applies is one
     * too. Each name must be a segment of the rule set (checked at build).
     */
    public RuleBuilder overrides(String... segments) {
      overrides.addAll(Arrays.asList(segments));
      return this;
    }

    /** Adds the rule (after the rules added before it) and returns the rule-set builder. */
    public Builder add() {
      parent.rules.add(this);
      return parent;
    }
  }
}

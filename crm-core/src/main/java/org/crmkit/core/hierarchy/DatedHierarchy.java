package org.crmkit.core.hierarchy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A hierarchy whose edges carry validity dates, e.g. which country each city belonged to over the
 * years; {@link #asOf(LocalDate)} gives the {@link Hierarchy} as it stood on a day ("who owned
 * which city on 31 December").
 *
 * <p><b>Conventions.</b> An edge holds from {@code validFrom} <em>inclusive</em> to {@code
 * validTo} <em>exclusive</em>; an absent end is open ("since ever", "until further notice"). A
 * node exists on a day only if one of its edges holds that day: a node with no valid edge is
 * absent from that day's snapshot (it is neither a root nor an orphan). An edge without a parent
 * makes the node a root while it holds. Two edges of the same node must not overlap: that is
 * reported as a problem, not resolved silently.
 *
 * <p><b>Validation.</b> The change dates (every {@code validFrom} and {@code validTo}) cut time
 * into slices within which nothing changes. {@link Builder#build()} compiles every slice and
 * reports, besides empty and overlapping intervals, every unknown parent, cycle, level-schema and
 * depth violation of any slice, with the slice it occurs in; a cycle that exists only in one
 * slice is rejected too.
 *
 * <p>Immutable and thread-safe. When all slices together hold at most {@value
 * #RETAINED_SLICE_NODES} nodes, every slice is compiled and kept: {@link #asOf} is then O(log
 * slices) and returns a shared snapshot. Beyond that, only the edges are kept (memory O(n)), the
 * first slice is compiled and each later one is checked from its changes alone (O(changes × depth)
 * instead of O(n); a slice is compiled only when a change may have made it invalid, to report its
 * problems, or when a maximum depth is set), and {@code asOf} compiles the day's slice in O(n),
 * caching the last one. A million edges with a hundred change dates build in about a second.
 *
 * <pre>{@code
 * DatedHierarchy<String> owners = DatedHierarchy.<String>builder()
 *     .root("EMEA").root("APAC")
 *     .child("EMEA", "ISTANBUL", null, LocalDate.of(2025, 1, 1))
 *     .child("APAC", "ISTANBUL", LocalDate.of(2025, 1, 1), null)
 *     .build();
 * owners.asOf(LocalDate.of(2024, 12, 31)).parent("ISTANBUL");   // EMEA
 * }</pre>
 *
 * @param <K> the node type
 */
public final class DatedHierarchy<K> {
  /** Compiled slices are kept while their node counts add up to at most this many nodes. */
  public static final int RETAINED_SLICE_NODES = 2_000_000;

  private record Cached<K>(int slice, Hierarchy<K> hierarchy) {}

  private final List<DatedEdge<K>> edges;
  private final LocalDate[] changeDates; // sorted, distinct
  private final Hierarchy<K> @Nullable [] slices; // [j] holds on [changeDates[j-1], changeDates[j])
  private volatile @Nullable Cached<K> last;
  private final @Nullable LevelSchema schema;
  private final int maxDepth;
  private final int compiledSlices; // at build time, for tests

  private DatedHierarchy(List<DatedEdge<K>> edges, LocalDate[] changeDates,
      Hierarchy<K> @Nullable [] slices, @Nullable LevelSchema schema, int maxDepth,
      int compiledSlices) {
    this.compiledSlices = compiledSlices;
    this.edges = List.copyOf(edges);
    this.changeDates = changeDates;
    this.slices = slices;
    this.schema = schema;
    this.maxDepth = maxDepth;
  }

  /** A new builder. */
  public static <K> Builder<K> builder() {
    return new Builder<>();
  }

  /**
   * The hierarchy as it stood on {@code day}: every node with an edge valid that day, under that
   * edge's parent. O(log slices) when the slices are kept (see the class documentation), else
   * O(n) unless it is the same slice as the previous call; the snapshot returned is shared.
   *
   * @throws CrmException if {@code day} is null
   */
  public Hierarchy<K> asOf(LocalDate day) {
    Checks.present("day", day);
    int lo = 0;
    int hi = changeDates.length;
    while (lo < hi) { // number of change dates <= day
      int mid = (lo + hi) >>> 1;
      if (changeDates[mid].isAfter(day)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    if (slices != null) {
      return slices[lo];
    }
    Cached<K> c = last;
    if (c != null && c.slice() == lo) {
      return c.hierarchy();
    }
    Hierarchy<K> h = Builder.slice(edges, new boolean[edges.size()], lo == 0 ? null
        : changeDates[lo - 1], schema, maxDepth, new int[edges.size()]).build();
    last = new Cached<>(lo, h);
    return h;
  }

  /** For tests: how many slices {@code build()} compiled (the others were checked by changes). */
  int compiledSlices() {
    return compiledSlices;
  }

  /** Every edge, in declaration order; unmodifiable. */
  public List<DatedEdge<K>> edges() {
    return edges;
  }

  /**
   * The days on which something changes (every {@code validFrom} and {@code validTo}), ascending;
   * {@code asOf} returns the same snapshot for every day between two consecutive change dates.
   */
  public List<LocalDate> changeDates() {
    return List.of(changeDates);
  }

  /** The level schema every slice was checked against, if one was given. */
  public Optional<LevelSchema> levelSchema() {
    return Optional.ofNullable(schema);
  }

  /** The maximum depth every slice was checked against. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Equal when the edges (in order), level schema and maximum depth are equal. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof DatedHierarchy)) {
      return false;
    }
    DatedHierarchy<?> d = (DatedHierarchy<?>) o;
    return edges.equals(d.edges) && Objects.equals(schema, d.schema) && maxDepth == d.maxDepth;
  }

  @Override
  public int hashCode() {
    return edges.hashCode();
  }

  /** A short description: edge and change-date counts. */
  @Override
  public String toString() {
    return "DatedHierarchy{edges=" + edges.size() + ", changeDates=" + changeDates.length + "}";
  }

  /**
   * Collects dated edges; {@link #build()} validates everything at once. Not thread-safe;
   * reusable.
   *
   * @param <K> the node type
   */
  public static final class Builder<K> {
    private final List<DatedEdge<K>> edges = new ArrayList<>();
    private @Nullable LevelSchema schema;
    private int maxDepth = Hierarchy.DEFAULT_MAX_DEPTH;
    private long retainBudget = RETAINED_SLICE_NODES;

    private Builder() {}

    /** For tests: the slice-node budget above which compiled slices are not kept. */
    Builder<K> retainBudget(long nodes) {
      this.retainBudget = nodes;
      return this;
    }

    /** Declares a root that always exists. */
    public Builder<K> root(K node) {
      return edge(DatedEdge.of(node, null, null, null, null));
    }

    /** Declares a root from {@code validFrom} (inclusive, null = since ever) to {@code validTo}
     * (exclusive, null = open). */
    public Builder<K> root(K node, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
      return edge(DatedEdge.of(node, null, null, validFrom, validTo));
    }

    /** Declares an edge that always holds. */
    public Builder<K> child(K parent, K child) {
      return edge(DatedEdge.of(child, Checks.present("parent", parent), null, null, null));
    }

    /** Declares an edge from {@code validFrom} (inclusive, null = since ever) to {@code validTo}
     * (exclusive, null = open). */
    public Builder<K> child(
        K parent, K child, @Nullable LocalDate validFrom, @Nullable LocalDate validTo) {
      return edge(DatedEdge.of(child, Checks.present("parent", parent), null, validFrom, validTo));
    }

    /** Declares an edge. */
    public Builder<K> edge(DatedEdge<K> edge) {
      edges.add(Checks.present("edge", edge));
      return this;
    }

    /** Checks every slice's levels against {@code schema}. */
    public Builder<K> levels(LevelSchema schema) {
      this.schema = Checks.present("schema", schema);
      return this;
    }

    /**
     * Rejects slices deeper than {@code maxDepth}.
     *
     * @throws CrmException if {@code maxDepth} is negative
     */
    public Builder<K> maxDepth(int maxDepth) {
      if (maxDepth < 0) {
        throw new CrmException("maxDepth must be >= 0, but was " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Validates every slice and compiles the dated hierarchy. Problem paths are {@code edges[i]},
     * {@code i} the declaration number from 0.
     *
     * @throws InvalidDefinitionException listing every empty interval ({@code validFrom >=
     *     validTo}), overlapping edges of one node, and every problem of any slice (unknown
     *     parent, cycle, level, depth) with the slice it occurs in
     */
    public DatedHierarchy<K> build() {
      List<DatedEdge<K>> all = List.copyOf(edges);
      int n = all.size();
      List<Problem> problems = new ArrayList<>();
      boolean[] excluded = new boolean[n];
      for (int i = 0; i < n; i++) {
        DatedEdge<K> e = all.get(i);
        if (e.fromOrNull() != null && e.toOrNull() != null
            && !e.fromOrNull().isBefore(e.toOrNull())) {
          excluded[i] = true;
          problems.add(Problem.of(path(i),
              "empty interval for node '%s': validFrom %s must be before validTo %s (validTo is"
                  + " exclusive)", e.node(), e.fromOrNull(), e.toOrNull()));
        }
      }
      findOverlaps(all, excluded, problems);

      TreeSet<LocalDate> dates = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        if (!excluded[i]) {
          DatedEdge<K> e = all.get(i);
          if (e.fromOrNull() != null) {
            dates.add(e.fromOrNull());
          }
          if (e.toOrNull() != null) {
            dates.add(e.toOrNull());
          }
        }
      }
      LocalDate[] cuts = dates.toArray(new LocalDate[0]);
      // the edges that start and end at each cut, and the size of every slice
      List<List<Integer>> starting = new ArrayList<>(cuts.length);
      List<List<Integer>> ending = new ArrayList<>(cuts.length);
      for (int k = 0; k < cuts.length; k++) {
        starting.add(new ArrayList<>(1));
        ending.add(new ArrayList<>(1));
      }
      long sliceSize = 0;
      for (int i = 0; i < n; i++) {
        DatedEdge<K> e = all.get(i);
        if (excluded[i]) {
          continue;
        }
        if (e.fromOrNull() == null) {
          sliceSize++;
        } else {
          starting.get(Arrays.binarySearch(cuts, e.fromOrNull())).add(i);
        }
        if (e.toOrNull() != null) {
          ending.get(Arrays.binarySearch(cuts, e.toOrNull())).add(i);
        }
      }
      long totalSize = sliceSize;
      for (int k = 0; k < cuts.length; k++) {
        sliceSize += starting.get(k).size() - ending.get(k).size();
        totalSize += sliceSize;
      }
      // within the budget every slice is compiled and kept; beyond it, slices are checked by
      // their changes and compiled only when a change may have made one invalid
      boolean keep = totalSize <= retainBudget;
      @SuppressWarnings("unchecked")
      Hierarchy<K>[] kept = keep ? new Hierarchy[cuts.length + 1] : null;
      Timeline<K> timeline = keep ? null : new Timeline<>(all, schema);
      Set<String> reported = new LinkedHashSet<>();
      int[] declared = new int[n];
      boolean previousValid = false;
      int compiled = 0;
      for (int j = 0; j <= cuts.length; j++) {
        LocalDate start = j == 0 ? null : cuts[j - 1];
        LocalDate end = j == cuts.length ? null : cuts[j];
        if (timeline != null) {
          if (j == 0) {
            for (int i = 0; i < n; i++) {
              if (!excluded[i] && all.get(i).fromOrNull() == null) {
                timeline.start(i);
              }
            }
          } else if (previousValid && maxDepth == Hierarchy.DEFAULT_MAX_DEPTH) {
            if (timeline.stillValidAfter(ending.get(j - 1), starting.get(j - 1))) {
              continue;
            }
          } else {
            timeline.change(ending.get(j - 1), starting.get(j - 1));
          }
        }
        Hierarchy.Builder<K> b = slice(all, excluded, start, schema, maxDepth, declared);
        compiled++;
        try {
          Hierarchy<K> h = b.build();
          previousValid = true;
          if (kept != null) {
            kept[j] = h;
          }
        } catch (InvalidDefinitionException ex) {
          previousValid = false;
          String slice = "[" + (start == null ? "-∞" : start) + ", " + (end == null ? "+∞" : end)
              + ")";
          for (Problem p : ex.renumbered("dated hierarchy", "nodes", ProblemPath.of("edges"), d -> declared[d])
              .problems()) {
            if (reported.add(p.path() + '\u0000' + p.message())) {
              problems.add(new Problem(p.location(), p.message() + " (in the slice " + slice + ")"));
            }
          }
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException("dated hierarchy", problems);
      }
      return new DatedHierarchy<>(all, cuts, kept, schema, maxDepth, compiled);
    }

    /**
     * A builder of the slice starting at {@code start} (null = -∞); {@code declared[k]} receives
     * the edge number of the slice's k-th declaration.
     */
    static <K> Hierarchy.Builder<K> slice(List<DatedEdge<K>> all, boolean[] excluded,
        @Nullable LocalDate start, @Nullable LevelSchema schema, int maxDepth, int[] declared) {
      Hierarchy.Builder<K> b = Hierarchy.<K>builder().maxDepth(maxDepth);
      if (schema != null) {
        b.levels(schema);
      }
      int count = 0;
      for (int i = 0; i < all.size(); i++) {
        DatedEdge<K> e = all.get(i);
        if (!excluded[i] && holdsThroughout(e, start)) {
          b.add(e.node(), e.parentOrNull(), e.levelOrNull());
          declared[count++] = i;
        }
      }
      return b;
    }

    /** Whether {@code e} holds throughout the slice starting at {@code start} (null = -∞). */
    private static boolean holdsThroughout(DatedEdge<?> e, @Nullable LocalDate start) {
      LocalDate from = e.fromOrNull();
      LocalDate to = e.toOrNull();
      if (start == null) {
        return from == null;
      }
      return (from == null || !from.isAfter(start)) && (to == null || to.isAfter(start));
    }

    private static <K> void findOverlaps(
        List<DatedEdge<K>> all, boolean[] excluded, List<Problem> problems) {
      Map<K, List<Integer>> byNode = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        if (!excluded[i]) {
          byNode.computeIfAbsent(all.get(i).node(), k -> new ArrayList<>(1)).add(i);
        }
      }
      Comparator<Integer> byFrom = Comparator.comparing(
          i -> all.get(i).fromOrNull(), Comparator.nullsFirst(Comparator.naturalOrder()));
      List<int[]> overlaps = new ArrayList<>();
      for (List<Integer> list : byNode.values()) {
        if (list.size() < 2) {
          continue;
        }
        list.sort(byFrom.thenComparing(Comparator.naturalOrder()));
        // sweep by start: each edge overlaps exactly the earlier-starting edges still open
        List<Integer> open = new ArrayList<>();
        for (int i : list) {
          LocalDate from = all.get(i).fromOrNull();
          open.removeIf(o -> {
            LocalDate to = all.get(o).toOrNull();
            return from != null && to != null && !to.isAfter(from);
          });
          for (int o : open) {
            overlaps.add(new int[] {Math.max(o, i), Math.min(o, i)});
          }
          open.add(i);
        }
      }
      overlaps.sort(Comparator.<int[]>comparingInt(o -> o[0]).thenComparingInt(o -> o[1]));
      for (int[] o : overlaps) {
        excluded[o[0]] = true;
        DatedEdge<K> later = all.get(o[0]);
        DatedEdge<K> earlier = all.get(o[1]);
        problems.add(Problem.of(path(o[0]),
            "overlapping edges for node '%s': %s %s overlaps %s %s; a node may have only one"
                + " parent on any day", later.node(), path(o[0]), later.interval(), path(o[1]),
            earlier.interval()));
      }
    }

    /**
     * The edges holding in the current slice, kept up to date change by change, for checking a
     * slice from its changes alone. A slice that follows a valid slice is valid if every changed
     * node's parent exists and does not lead back to it, no removed node keeps children, and every
     * changed node's level fits its parent's (and, if its level changed, its children's). This
     * holds because a new cycle must pass through a changed edge, and an unchanged edge can only
     * break through a changed end. O(changes × depth) per slice instead of O(n).
     */
    private static final class Timeline<K> {
      private final List<DatedEdge<K>> all;
      private final @Nullable LevelSchema schema;
      private final Map<K, Integer> current = new HashMap<>(); // node → its edge
      private final Map<K, Integer> children = new HashMap<>(); // node → number of children
      // set if a node ever had two edges at once, which excluding overlaps rules out; from then
      // on nothing is trusted and every slice is compiled
      private boolean twoEdgesAtOnce;

      Timeline(List<DatedEdge<K>> all, @Nullable LevelSchema schema) {
        this.all = all;
        this.schema = schema;
      }

      void start(int edge) {
        DatedEdge<K> e = all.get(edge);
        if (current.putIfAbsent(e.node(), edge) != null) {
          twoEdgesAtOnce = true;
        }
        if (e.parentOrNull() != null) {
          children.merge(e.parentOrNull(), 1, Integer::sum);
        }
      }

      private void end(int edge) {
        DatedEdge<K> e = all.get(edge);
        current.remove(e.node(), edge);
        if (e.parentOrNull() != null) {
          children.merge(e.parentOrNull(), -1, (a, b) -> a + b == 0 ? null : a + b);
        }
      }

      /** Applies one cut's changes. */
      void change(List<Integer> ended, List<Integer> started) {
        ended.forEach(this::end);
        started.forEach(this::start);
      }

      /**
       * Applies one cut's changes and tells whether the slice they lead to is certainly valid,
       * given that the slice before was valid. False means "compile it to find out".
       */
      boolean stillValidAfter(List<Integer> ended, List<Integer> started) {
        Map<K, Integer> before = new HashMap<>(); // changed node → its edge before the change
        for (int i : ended) {
          before.put(all.get(i).node(), i);
        }
        change(ended, started);
        if (twoEdgesAtOnce) {
          return false;
        }
        Set<K> changed = new LinkedHashSet<>(before.keySet());
        for (int i : started) {
          changed.add(all.get(i).node());
        }
        for (K node : changed) {
          Integer now = current.get(node);
          if (now == null) {
            if (children.containsKey(node)) {
              return false; // its children lost their parent
            }
            continue;
          }
          DatedEdge<K> e = all.get(now);
          K parent = e.parentOrNull();
          if (parent != null && !reachesARootWithout(parent, node)) {
            return false;
          }
          if (schema != null && !levelsFit(e, before.get(node))) {
            return false;
          }
        }
        return true;
      }

      /** Whether the path up from {@code from} ends at a root without meeting {@code node}. */
      private boolean reachesARootWithout(K from, K node) {
        int limit = current.size();
        K v = from;
        for (int steps = 0; v != null; steps++) {
          Integer edge = current.get(v);
          if (edge == null || steps > limit || v.equals(node)) {
            return false;
          }
          v = all.get(edge).parentOrNull();
        }
        return true;
      }

      private boolean levelsFit(DatedEdge<K> e, @Nullable Integer previous) {
        LevelSchema s = Objects.requireNonNull(schema);
        String level = e.levelOrNull();
        if (level == null || !s.levels().contains(level)) {
          return false;
        }
        K parent = e.parentOrNull();
        if (parent == null) {
          if (!s.allowsRoot(level)) {
            return false;
          }
        } else {
          String parentLevel =
              all.get(Objects.requireNonNull(current.get(parent), "a current parent")).levelOrNull();
          if (parentLevel == null || !s.levels().contains(parentLevel)
              || !s.allowsParent(level, parentLevel)) {
            return false;
          }
        }
        // unchanged children were checked against the previous level only; a node that was
        // absent before had no unchanged children in a valid slice
        return previous == null || !children.containsKey(e.node())
            || level.equals(all.get(previous).levelOrNull());
      }
    }

    private static String path(int i) {
      return "edges[" + i + "]";
    }
  }
}

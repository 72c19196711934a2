package org.crmkit.core.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.junit.jupiter.api.Test;

/** {@code asOf} against the naive definition: build a plain hierarchy from the edges valid that day. */
class DatedHierarchyProperties {
  private static final LocalDate[] POOL = {
      LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 7, 1),
      LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)};

  /** Random dated edges; parents mostly earlier nodes (acyclic), sometimes any node. */
  static List<DatedEdge<String>> edges(int n, long seed) {
    Random random = new Random(seed);
    List<DatedEdge<String>> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int count = 1 + random.nextInt(3);
      // consecutive, non-overlapping intervals most of the time; sometimes random ones
      boolean tidy = random.nextInt(4) != 0;
      int cursor = -1; // index into POOL, -1 = since ever
      for (int k = 0; k < count; k++) {
        int from;
        int to;
        if (tidy) {
          from = cursor;
          to = from + 1 + random.nextInt(3);
          cursor = to;
          if (from >= POOL.length) {
            break;
          }
        } else {
          from = random.nextInt(POOL.length + 1) - 1;
          to = from + 1 + random.nextInt(POOL.length - Math.max(from, 0));
        }
        String parent;
        int roll = random.nextInt(10);
        if (i == 0 || roll < 2) {
          parent = null;
        } else if (roll < 9) {
          parent = "n" + random.nextInt(i);
        } else {
          parent = "n" + random.nextInt(n);
        }
        edges.add(DatedEdge.of("n" + i, parent, null,
            from < 0 ? null : POOL[from], to >= POOL.length ? null : POOL[to]));
      }
    }
    java.util.Collections.shuffle(edges, random);
    return edges;
  }

  /** Every day that can differ: each change date, the day before it, and a far past and future. */
  static List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>(List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 1, 1)));
    for (LocalDate d : POOL) {
      days.add(d);
      days.add(d.minusDays(1));
    }
    return days;
  }

  static Hierarchy<String> filtered(List<DatedEdge<String>> edges, LocalDate day) {
    Hierarchy.Builder<String> b = Hierarchy.builder();
    for (DatedEdge<String> e : edges) {
      if (e.isValidOn(day)) {
        b.node(e.node(), e.parent().orElse(null), e.level().orElse(null));
      }
    }
    return b.build();
  }

  @Test
  void asOfAgreesWithFilteringTheEdgesByDate() {
    AtomicInteger built = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withExamples(1500)
        .forAll(integers().between(0, 12), longs().all())
        .checkAssert((n, seed) -> {
          List<DatedEdge<String>> edges = edges(n, seed);
          DatedHierarchy.Builder<String> b = DatedHierarchy.builder();
          edges.forEach(b::edge);
          if ((seed & 1) == 0) {
            b.retainBudget(0); // slices compiled on demand instead of kept
          }
          DatedHierarchy<String> dated;
          try {
            dated = b.build();
          } catch (InvalidDefinitionException e) {
            rejected.incrementAndGet();
            // rejected iff some day's filtered edges do not form a valid hierarchy
            boolean someDayInvalid = days().stream().anyMatch(d -> {
              try {
                filtered(edges, d);
                return false;
              } catch (InvalidDefinitionException invalid) {
                return true;
              }
            });
            assertThat(someDayInvalid).as("rejected although every day is valid: %s", e).isTrue();
            return;
          }
          built.incrementAndGet();
          for (LocalDate d : days()) {
            assertThat(dated.asOf(d)).isEqualTo(filtered(edges, d));
          }
        });
    // the generator must exercise both outcomes
    assertThat(built.get()).isGreaterThan(100);
    assertThat(rejected.get()).isGreaterThan(100);
  }

  /** A schema for {@link #withLevels}: a only at the top, b under a or b, c under anything. */
  private static final LevelSchema SCHEMA = LevelSchema.builder()
      .root("a").root("b").level("b", "a", "b").level("c", "a", "b", "c").build();

  /** The same edges with random levels, mostly fitting {@link #SCHEMA}, sometimes not. */
  static List<DatedEdge<String>> withLevels(List<DatedEdge<String>> edges, long seed) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    String[] pool = {"b", "b", "b", "c", "c", "c", "c", "a", null};
    List<DatedEdge<String>> out = new ArrayList<>();
    for (DatedEdge<String> e : edges) {
      String level = e.parent().isEmpty() && random.nextBoolean() ? "a"
          : pool[random.nextInt(random.nextInt(20) == 0 ? pool.length : pool.length - 2)];
      out.add(DatedEdge.of(e.node(), e.parent().orElse(null), level,
          e.validFrom().orElse(null), e.validTo().orElse(null)));
    }
    return out;
  }

  /** Slices that built hierarchies did not compile (checked from their changes instead). */
  private static final AtomicInteger SKIPPED = new AtomicInteger();

  /** The problems {@code build()} reports, or the built hierarchy's snapshot of every day. */
  private static List<String> outcome(List<DatedEdge<String>> edges, boolean levels, long budget) {
    DatedHierarchy.Builder<String> b = DatedHierarchy.builder();
    edges.forEach(b::edge);
    if (levels) {
      b.levels(SCHEMA);
    }
    b.retainBudget(budget);
    try {
      DatedHierarchy<String> dated = b.build();
      SKIPPED.addAndGet(dated.changeDates().size() + 1 - dated.compiledSlices());
      List<String> days = new ArrayList<>();
      for (LocalDate d : days()) {
        days.add(d + " " + dated.asOf(d));
      }
      return days;
    } catch (InvalidDefinitionException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  /**
   * Beyond the retention budget, slices are checked from their changes and compiled only when a
   * change may have broken one; within it, every slice is compiled. Both must report exactly the
   * same problems, in the same order, and build the same snapshots.
   */
  @Test
  void checkingSlicesByTheirChangesReportsWhatCompilingEverySliceReports() {
    AtomicInteger built = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    qt().withExamples(2000)
        .forAll(integers().between(0, 14), longs().all())
        .checkAssert((n, seed) -> {
          boolean levels = (seed & 2) == 0;
          List<DatedEdge<String>> edges = levels ? withLevels(edges(n, seed), seed) : edges(n, seed);
          List<String> everySlice = outcome(edges, levels, Long.MAX_VALUE);
          List<String> byChanges = outcome(edges, levels, 0);
          assertThat(byChanges).isEqualTo(everySlice);
          (everySlice.isEmpty() || everySlice.get(0).startsWith("1900") ? built : rejected)
              .incrementAndGet();
        });
    assertThat(built.get()).isGreaterThan(200);
    assertThat(rejected.get()).isGreaterThan(200);
    // and the check by changes must have been trusted often, not only fallen back on compiling
    assertThat(SKIPPED.get()).isGreaterThan(100);
  }
}

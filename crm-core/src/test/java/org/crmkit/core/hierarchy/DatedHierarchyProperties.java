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
}

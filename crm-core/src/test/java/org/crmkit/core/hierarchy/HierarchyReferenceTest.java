package org.crmkit.core.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.RandomForests.Row;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: random forests (random, deep chains, wide stars, bushy, each from a seed
 * QuickTheories prints on failure) against the deliberately naive {@link NaiveHierarchy}.
 */
class HierarchyReferenceTest {

  @Test
  void queriesEqualTheNaiveParentWalk() {
    qt().withExamples(400)
        .forAll(integers().between(0, 40), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy<String> h = RandomForests.hierarchy(rows);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          assertThat(h.size()).isEqualTo(n);
          assertThat(h.roots()).isEqualTo(naive.roots());
          assertThat(h.nodes()).isEqualTo(naive.preorder());
          assertThat(new HashSet<>(h.leaves())).isEqualTo(naive.leaves());
          for (String a : naive.nodes()) {
            assertThat(h.parent(a)).isEqualTo(naive.parent(a));
            assertThat(h.level(a)).isEqualTo(naive.level(a));
            assertThat(h.ancestors(a)).isEqualTo(naive.ancestors(a));
            assertThat(h.depth(a)).isEqualTo(naive.depth(a));
            assertThat(h.children(a)).isEqualTo(naive.children(a));
            assertThat(new HashSet<>(h.descendants(a))).isEqualTo(naive.descendants(a));
            assertThat(h.subtreeSize(a)).isEqualTo(naive.descendants(a).size() + 1);
            for (String b : naive.nodes()) {
              assertThat(h.isAncestorOf(a, b)).isEqualTo(naive.isAncestorOf(a, b));
              assertThat(h.isInSubtree(a, b)).isEqualTo(a.equals(b) || naive.isAncestorOf(a, b));
              assertThat(h.lowestCommonAncestor(a, b)).isEqualTo(naive.lowestCommonAncestor(a, b));
            }
          }
        });
  }

  @Test
  void largeDeepForestsAgreeOnSampledPairs() {
    qt().withExamples(30)
        .forAll(integers().between(500, 5000), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy<String> h = RandomForests.hierarchy(rows);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          Random random = new Random(seed);
          for (int k = 0; k < 200; k++) {
            String a = rows.get(random.nextInt(n)).node();
            String b = rows.get(random.nextInt(n)).node();
            assertThat(h.isAncestorOf(a, b)).isEqualTo(naive.isAncestorOf(a, b));
            assertThat(h.depth(b)).isEqualTo(naive.depth(b));
            assertThat(h.lowestCommonAncestor(a, b)).isEqualTo(naive.lowestCommonAncestor(a, b));
          }
        });
  }

  @Test
  void rollUpsEqualTheNaiveSums() {
    qt().withExamples(300)
        .forAll(integers().between(0, 60), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy<String> h = RandomForests.hierarchy(rows);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          // small integers: every double sum is exact, so equality is exact
          java.util.function.Function<String, Double> value =
              k -> (double) ((k.hashCode() ^ seed) % 1000);
          Map<String, Double> sums = naive.sums(value);
          DoubleRollUp<String> sum = h.sum(value::apply);
          DoubleRollUp<String> max = h.max(value::apply);
          DoubleRollUp<String> min = h.min(value::apply);
          DoubleRollUp<String> count = h.count(k -> value.apply(k) > 0);
          RollUp<String, String> concat = h.rollUpValues(k -> k + ";", String::concat);
          double[] column = new double[h.size()];
          for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(h.nodeAt(i));
          }
          DoubleRollUp<String> byPosition = h.sumByPosition(column);
          for (String k : naive.nodes()) {
            assertThat(sum.get(k)).isEqualTo(sums.get(k));
            assertThat(max.get(k)).isEqualTo(naive.fold(k, value, Math::max));
            assertThat(min.get(k)).isEqualTo(naive.fold(k, value, Math::min));
            assertThat(count.get(k))
                .isEqualTo(naive.fold(k, x -> value.apply(x) > 0 ? 1.0 : 0.0, Double::sum));
            assertThat(concat.get(k)).isEqualTo(naive.fold(k, x -> x + ";", String::concat));
            assertThat(sum.getAt(h.indexOf(k))).isEqualTo(sums.get(k));
            assertThat(byPosition.get(k)).isEqualTo(sums.get(k));
          }
        });
  }

  @Test
  void sumsKeepTheSignOfZeroLikeTheNaiveSums() {
    double[] pool = {-0.0, -0.0, -0.0, 0.0, 1.0, -1.0};
    qt().withExamples(300)
        .forAll(integers().between(0, 60), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy<String> h = RandomForests.hierarchy(rows);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          java.util.function.Function<String, Double> value =
              k -> pool[Math.floorMod(k.hashCode() ^ seed.intValue(), pool.length)];
          // small integers and signed zeros: exact, and a zero sum is -0.0 exactly when every
          // term is -0.0, whatever the order
          Map<String, Double> sums = naive.sums(value);
          double[] column = new double[h.size()];
          for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(h.nodeAt(i));
          }
          DoubleRollUp<String> sum = h.sum(value::apply);
          DoubleRollUp<String> byPosition = h.sumByPosition(column);
          for (String k : naive.nodes()) {
            long want = Double.doubleToRawLongBits(sums.get(k));
            assertThat(Double.doubleToRawLongBits(sum.get(k))).as("sum at %s", k).isEqualTo(want);
            assertThat(Double.doubleToRawLongBits(byPosition.get(k))).isEqualTo(want);
          }
        });
  }

  @Test
  void everyIntroducedCycleIsRejectedNamingItsNodes() {
    qt().withExamples(500)
        .forAll(integers().between(1, 40), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          Random random = new Random(seed);
          // re-parent a node under itself or one of its descendants
          int victim = random.nextInt(n);
          String v = rows.get(victim).node();
          List<String> below = new ArrayList<>(naive.descendants(v));
          below.add(v);
          String u = below.get(random.nextInt(below.size()));
          List<String> cycle = new ArrayList<>();
          for (String x = u; !x.equals(v); x = naive.parent(x).orElseThrow()) {
            cycle.add(x);
          }
          cycle.add(v);
          List<Row> broken = new ArrayList<>(rows);
          broken.set(victim, new Row(v, u, rows.get(victim).level()));
          assertThatThrownBy(() -> RandomForests.hierarchy(broken))
              .isInstanceOf(InvalidDefinitionException.class)
              .satisfies(e -> {
                List<Problem> problems = ((InvalidDefinitionException) e).problems();
                assertThat(problems).hasSize(1);
                String message = problems.get(0).message();
                assertThat(message).contains("cycle of " + cycle.size() + " node");
                for (String x : cycle) {
                  assertThat(message).contains("'" + x + "'");
                }
              });
        });
  }

  @Test
  void aMoveIsReportedByDiffAsExactlyThatMove() {
    qt().withExamples(400)
        .forAll(integers().between(2, 40), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy<String> before = RandomForests.hierarchy(rows);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          Random random = new Random(seed);
          String node = rows.get(random.nextInt(n)).node();
          String target = rows.get(random.nextInt(n)).node();
          if (target.equals(node) || naive.isAncestorOf(node, target)) {
            assertThatThrownBy(() -> before.withSubtreeMoved(node, target))
                .isInstanceOf(CrmException.class)
                .hasMessageStartingWith("cannot move '" + node + "' under '" + target + "'");
            return;
          }
          Hierarchy<String> after = before.withSubtreeMoved(node, target);
          HierarchyDiff<String> diff = Hierarchy.diff(before, after);
          if (naive.parent(node).equals(java.util.Optional.of(target))) {
            assertThat(diff.isEmpty()).isTrue();
          } else {
            assertThat(diff.moved()).containsExactly(
                HierarchyDiff.Move.of(node, naive.parent(node).orElse(null), target));
            assertThat(diff.added()).isEmpty();
            assertThat(diff.removed()).isEmpty();
            assertThat(diff.relevelled()).isEmpty();
          }
          // the moved forest agrees with the naive forest re-parented the same way
          List<Row> reparented = new ArrayList<>();
          for (Row r : rows) {
            reparented.add(r.node().equals(node) ? new Row(node, target, r.level()) : r);
          }
          NaiveHierarchy<String> expected = RandomForests.naive(reparented);
          for (String k : expected.nodes()) {
            assertThat(after.ancestors(k)).isEqualTo(expected.ancestors(k));
            assertThat(after.level(k)).isEqualTo(expected.level(k));
          }
          assertThat(after.children(target)).last().isEqualTo(node);
        });
  }

  @Test
  void addingAndRemovingAreReportedByDiff() {
    qt().withExamples(300)
        .forAll(integers().between(1, 40), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy<String> h = RandomForests.hierarchy(rows);
          NaiveHierarchy<String> naive = RandomForests.naive(rows);
          Random random = new Random(seed);
          String node = rows.get(random.nextInt(n)).node();
          Hierarchy<String> removed = h.withoutSubtree(node);
          HierarchyDiff<String> diff = Hierarchy.diff(h, removed);
          List<String> subtree = new ArrayList<>();
          subtree.add(node);
          subtree.addAll(h.descendants(node));
          assertThat(diff.removed()).isEqualTo(subtree);
          assertThat(new HashSet<>(diff.removed()))
              .isEqualTo(union(naive.descendants(node), node));
          assertThat(diff.added()).isEmpty();
          assertThat(diff.moved()).isEmpty();
          assertThat(Hierarchy.diff(removed, h).added()).isEqualTo(subtree);
          Hierarchy<String> grown = h.withChild(node, "new");
          assertThat(Hierarchy.diff(h, grown).added()).containsExactly("new");
          assertThat(grown.withoutSubtree("new")).isEqualTo(h);
        });
  }

  private static <T> java.util.Set<T> union(java.util.Set<T> set, T one) {
    java.util.Set<T> out = new HashSet<>(set);
    out.add(one);
    return out;
  }
}

package org.crmkit.core.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.crmkit.core.hierarchy.RandomForests.Row;
import org.junit.jupiter.api.Test;

/** Invariants of hierarchies over random forests (each from a seed QuickTheories prints on failure). */
class HierarchyProperties {

  @Test
  void levelChangesAreReportedByDiffAndNothingElse() {
    qt().withExamples(300)
        .forAll(integers().between(1, 40), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<Row> rows = RandomForests.forest(n, shape, seed);
          Random random = new Random(seed);
          String[] pool = {"x", "y", null};
          List<Row> changed = new ArrayList<>();
          Map<String, HierarchyDiff.LevelChange<String>> expected = new HashMap<>();
          for (Row r : rows) {
            String level = random.nextInt(3) == 0 ? pool[random.nextInt(pool.length)] : r.level();
            changed.add(new Row(r.node(), r.parent(), level));
            if (!Objects.equals(level, r.level())) {
              expected.put(r.node(), HierarchyDiff.LevelChange.of(r.node(), r.level(), level));
            }
          }
          Hierarchy<String> before = RandomForests.hierarchy(rows);
          Hierarchy<String> after = RandomForests.hierarchy(changed);
          HierarchyDiff<String> diff = Hierarchy.diff(before, after);
          List<HierarchyDiff.LevelChange<String>> inPreorder = new ArrayList<>();
          for (String node : after.nodes()) {
            if (expected.containsKey(node)) {
              inPreorder.add(expected.get(node));
            }
          }
          assertThat(diff.relevelled()).isEqualTo(inPreorder);
          assertThat(diff.moved()).isEmpty();
          assertThat(diff.added()).isEmpty();
          assertThat(diff.removed()).isEmpty();
          assertThat(diff.isEmpty()).isEqualTo(expected.isEmpty());
        });
  }

  @Test
  void sumMinAndMaxAgreeWithTheGeneralRollUpOnAnyDoubles() {
    qt().withExamples(300)
        .forAll(integers().between(0, 60), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          Hierarchy<String> h = RandomForests.hierarchy(RandomForests.forest(n, shape, seed));
          Map<String, Double> value = new HashMap<>();
          Random random = new Random(seed);
          for (String k : h.nodes()) {
            value.put(k, (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7)));
          }
          DoubleRollUp<String> sum = h.sum(value::get);
          DoubleRollUp<String> general = h.rollUp(value::get, Double::sum);
          DoubleRollUp<String> min = h.min(value::get);
          DoubleRollUp<String> max = h.max(value::get);
          DoubleRollUp<String> generalMin = h.rollUp(value::get, Math::min);
          DoubleRollUp<String> generalMax = h.rollUp(value::get, Math::max);
          for (String k : h.nodes()) {
            // |x| < 5e5, at most 61 terms: any two summation orders differ by far less than this
            double bound = 1e-6 * h.subtreeSize(k);
            assertThat(sum.get(k)).isCloseTo(general.get(k), within(bound));
            assertThat(min.get(k)).isEqualTo(generalMin.get(k));
            assertThat(max.get(k)).isEqualTo(generalMax.get(k));
          }
        });
  }

  @Test
  void sumByPositionIsBitForBitTheSumOfTheSameValues() {
    double[] specials = {-0.0, 0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e308};
    qt().withExamples(300)
        .forAll(integers().between(0, 60), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          Hierarchy<String> h = RandomForests.hierarchy(RandomForests.forest(n, shape, seed));
          Random random = new Random(seed);
          double[] column = new double[h.size()];
          for (int i = 0; i < column.length; i++) {
            column[i] = random.nextInt(8) == 0 ? specials[random.nextInt(specials.length)]
                : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20));
          }
          double[] before = column.clone();
          Map<String, Integer> calls = new HashMap<>();
          DoubleRollUp<String> sum = h.sum(k -> {
            calls.merge(k, 1, Integer::sum);
            return column[h.indexOf(k)];
          });
          DoubleRollUp<String> byPosition = h.sumByPosition(column);
          assertThat(column).isEqualTo(before);
          assertThat(calls).hasSize(h.size()).allSatisfy((k, c) -> assertThat(c).isEqualTo(1));
          for (int i = 0; i < h.size(); i++) {
            assertThat(Double.doubleToLongBits(byPosition.getAt(i)))
                .isEqualTo(Double.doubleToLongBits(sum.getAt(i)));
          }
        });
  }
}

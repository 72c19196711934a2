package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

class RfmProperties {

  private static RfmScorer scorer(int tiles, boolean split) {
    return RfmScorer.builder().tiles(tiles)
        .ties(split ? TiePolicy.STABLE_SPLIT : TiePolicy.TIES_SHARE).build();
  }

  private static boolean hasEligible(List<Transaction> txs) {
    return txs.stream().anyMatch(t -> !t.date().isAfter(TestTransactions.AS_OF));
  }

  @Test
  void scoresDoNotDependOnInputOrder() {
    qt().withExamples(1000).forAll(longs().all(), integers().between(2, 7), integers().between(0, 1))
        .checkAssert((seed, tiles, split) -> {
          List<Transaction> txs = TestTransactions.random(seed);
          if (!hasEligible(txs)) {
            return;
          }
          List<Transaction> shuffled = new ArrayList<>(txs);
          Collections.shuffle(shuffled, new Random(seed));
          RfmScorer s = scorer(tiles, split == 1);
          RfmResult a = s.score(txs, TestTransactions.AS_OF);
          RfmResult b = s.score(shuffled, TestTransactions.AS_OF);
          assertThat(b.scores()).as("seed %s", seed).isEqualTo(a.scores());
          assertThat(b.model()).isEqualTo(a.model());
        });
  }

  @Test
  void tiesShareGivesEqualValuesEqualScoresAndIsMonotone() {
    qt().withExamples(1000).forAll(longs().all(), integers().between(2, 9)).checkAssert((seed, tiles) -> {
      List<Transaction> txs = TestTransactions.random(seed);
      if (!hasEligible(txs)) {
        return;
      }
      List<RfmScore> scores = scorer(tiles, false).score(txs, TestTransactions.AS_OF).scores();
      for (RfmScore x : scores) {
        for (RfmScore y : scores) {
          check(x, y, s -> -s.recencyDays(), RfmScore::r, true, seed);
          check(x, y, RfmScore::frequency, RfmScore::f, true, seed);
          check(x, y, RfmScore::monetary, RfmScore::m, true, seed);
        }
      }
    });
  }

  @Test
  void stableSplitIsMonotoneAndTileSizesDifferByAtMostOne() {
    qt().withExamples(1000).forAll(longs().all(), integers().between(2, 9)).checkAssert((seed, tiles) -> {
      List<Transaction> txs = TestTransactions.random(seed);
      if (!hasEligible(txs)) {
        return;
      }
      List<RfmScore> scores = scorer(tiles, true).score(txs, TestTransactions.AS_OF).scores();
      for (ToIntFunction<RfmScore> dim : List.<ToIntFunction<RfmScore>>of(
          RfmScore::r, RfmScore::f, RfmScore::m)) {
        int[] sizes = new int[tiles + 1];
        scores.forEach(s -> sizes[dim.applyAsInt(s)]++);
        int min = Integer.MAX_VALUE;
        int max = 0;
        int used = Math.min(tiles, scores.size());
        for (int t = 1; t <= tiles; t++) {
          if (sizes[t] > 0) {
            min = Math.min(min, sizes[t]);
            max = Math.max(max, sizes[t]);
          }
        }
        int nonEmpty = 0;
        for (int t = 1; t <= tiles; t++) {
          nonEmpty += sizes[t] > 0 ? 1 : 0;
        }
        assertThat(max - min).as("seed %s sizes %s", seed, sizes).isLessThanOrEqualTo(1);
        assertThat(nonEmpty).as("seed %s", seed).isEqualTo(used);
      }
      for (RfmScore x : scores) {
        for (RfmScore y : scores) {
          check(x, y, s -> -s.recencyDays(), RfmScore::r, false, seed);
          check(x, y, RfmScore::frequency, RfmScore::f, false, seed);
          check(x, y, RfmScore::monetary, RfmScore::m, false, seed);
        }
      }
    });
  }

  private static void check(RfmScore x, RfmScore y, ToDoubleFunction<RfmScore> value,
      ToIntFunction<RfmScore> score, boolean equalTies, long seed) {
    double vx = value.applyAsDouble(x);
    double vy = value.applyAsDouble(y);
    if (vx < vy) {
      assertThat(score.applyAsInt(x)).as("monotone, seed %s: %s vs %s", seed, x, y)
          .isLessThanOrEqualTo(score.applyAsInt(y));
    }
    if (equalTies && vx == vy) {
      assertThat(score.applyAsInt(x)).as("equal values, seed %s: %s vs %s", seed, x, y)
          .isEqualTo(score.applyAsInt(y));
    }
  }

  @Test
  void frozenModelReproducesEveryFittedScore() {
    qt().withExamples(500).forAll(longs().all(), integers().between(2, 9), integers().between(0, 1))
        .checkAssert((seed, tiles, split) -> {
          List<Transaction> txs = TestTransactions.random(seed);
          if (!hasEligible(txs)) {
            return;
          }
          RfmAggregator agg = new RfmAggregator();
          txs.stream().filter(t -> !t.date().isAfter(TestTransactions.AS_OF)).forEach(agg::add);
          RfmResult fitted = scorer(tiles, split == 1).score(txs, TestTransactions.AS_OF);
          RfmModel model = fitted.model();
          for (CustomerAggregate a : agg.aggregates()) {
            assertThat(model.score(a)).as("seed %s", seed)
                .isEqualTo(fitted.get(a.customer()).orElseThrow());
          }
        });
  }

  /**
   * Issue #14: over every pair of days the engine accepts (epoch days in an int, about ±5.8
   * million years), a recency is the exact day count or, beyond 2,147,483,647 days, a
   * CrmException naming the customer and the days; never a clamped value. The fitted score and
   * the frozen model's agree.
   */
  @Test
  void recencyIsExactOrRefusedNeverClamped() {
    qt().withExamples(500).forAll(integers().all(), integers().all()).checkAssert((d1, d2) -> {
      int lastDay = Math.min(d1, d2);
      int asOfDay = Math.max(d1, d2);
      LocalDate last = LocalDate.ofEpochDay(lastDay);
      LocalDate asOf = LocalDate.ofEpochDay(asOfDay);
      long days = (long) asOfDay - lastDay;
      List<Transaction> txs = List.of(Transaction.of("a", last, 1), Transaction.of("b", asOf, 2));
      RfmResult result;
      try {
        result = RfmScorer.defaults().score(txs, asOf);
      } catch (CrmException e) {
        assertThat(days).as("refused %s .. %s", last, asOf).isGreaterThan(Integer.MAX_VALUE);
        assertThat(e).hasMessageContaining("customer 'a' is " + days + " days");
        return;
      }
      assertThat(days).as("accepted %s .. %s", last, asOf).isLessThanOrEqualTo(Integer.MAX_VALUE);
      RfmScore a = result.get(CustomerId.of("a")).orElseThrow();
      assertThat((long) a.recencyDays()).isEqualTo(days);
      assertThat(result.model().score(new CustomerAggregate(CustomerId.of("a"), last, 1, 1, 1)))
          .isEqualTo(a);
    });
  }
}

package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.tiers.ValueTier;
import org.crmkit.segmentation.tiers.ValueTiers;
import org.junit.jupiter.api.Test;

/**
 * Money must not depend on input order (#14 item 5): the adversarial populations reach equal
 * totals through different decimal sums, which floating-point sums in input order split.
 */
class MoneyOrderProperties {

  /** The input reversed, and shuffled with a seed taken from the input (deterministic). */
  static List<List<Transaction>> permutations(List<Transaction> txs) {
    List<Transaction> reversed = new ArrayList<>(txs);
    Collections.reverse(reversed);
    List<Transaction> shuffled = new ArrayList<>(txs);
    Collections.shuffle(shuffled, new Random(txs.hashCode()));
    return List.of(reversed, shuffled);
  }

  @Test
  void anyPermutationOfTheInputGivesIdenticalScores() {
    qt().withFixedSeed(14).withExamples(300).withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.adversarial()))
        .checkAssert(p -> {
          for (TiePolicy ties : TiePolicy.values()) {
            RfmScorer scorer = RfmScorer.builder().ties(ties).build();
            RfmResult expected = scorer.score(p.transactions(), p.asOf());
            for (List<Transaction> other : permutations(p.transactions())) {
              RfmResult actual = scorer.score(other, p.asOf());
              assertThat(actual.scores()).as("%s, permuted input", ties)
                  .isEqualTo(expected.scores());
              assertThat(actual.model()).isEqualTo(expected.model());
            }
          }
        });
  }

  @Test
  void equalDecimalTotalsGetEqualMonetaryScores() {
    qt().withFixedSeed(14).withExamples(300).withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.tiedTotals()))
        .checkAssert(p -> {
          Map<CustomerId, BigDecimal> exact = new HashMap<>();
          p.transactions().forEach(t -> exact.merge(t.customer(), BigDecimal.valueOf(t.amount()),
              BigDecimal::add));
          List<RfmScore> scores = RfmScorer.defaults().score(p.transactions(), p.asOf()).scores();
          for (RfmScore a : scores) {
            for (RfmScore b : scores) {
              if (exact.get(a.customer()).compareTo(exact.get(b.customer())) == 0) {
                assertThat(b.m()).as("M of %s and %s, both totalling %s", a.customer(),
                    b.customer(), exact.get(a.customer())).isEqualTo(a.m());
                assertThat(b.monetary()).isEqualTo(a.monetary());
              }
            }
          }
        });
  }

  @Test
  void valueTiersDoNotDependOnTheMapsIterationOrder() {
    qt().withFixedSeed(14).withExamples(300).withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.adversarial()))
        .checkAssert(p -> {
          Map<CustomerId, Double> values = new LinkedHashMap<>();
          p.transactions().forEach(t -> values.merge(t.customer(), t.amount(), (x, y) ->
              BigDecimal.valueOf(x).add(BigDecimal.valueOf(y)).doubleValue()));
          if (values.values().stream().noneMatch(v -> v > 0)) {
            return;
          }
          List<CustomerId> keys = new ArrayList<>(values.keySet());
          Collections.reverse(keys);
          Map<CustomerId, Double> reversed = new LinkedHashMap<>();
          keys.forEach(k -> reversed.put(k, values.get(k)));
          for (double share : new double[] {0.5, 0.8}) {
            Map<CustomerId, ValueTier> a = ValueTiers.byCumulativeShare(values, share, 0.95);
            Map<CustomerId, ValueTier> b = ValueTiers.byCumulativeShare(reversed, share, 0.95);
            assertThat(b).as("share %s", share).isEqualTo(a);
          }
        });
  }
}

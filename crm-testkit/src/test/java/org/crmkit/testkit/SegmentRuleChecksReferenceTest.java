package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.segmentation.rfm.CustomerAggregate;
import org.crmkit.segmentation.rfm.RfmAggregator;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;

/**
 * The monotonicity checks try only the dates and frequencies where a cut point is crossed; the
 * naive reference tries every later day and every higher frequency up to past the last cut. Both
 * must find a violation on exactly the same inputs.
 */
class SegmentRuleChecksReferenceTest {

  record Case(SegmentRules rules, List<String> ranking, TiePolicy ties, Population population) {}

  static final Generator<Case> CASES = c -> {
    SegmentRules rules = CrmGenerators.segmentRuleSets(4).draw(c);
    List<String> pool = new ArrayList<>(rules.segments());
    List<String> ranking = new ArrayList<>();
    while (!pool.isEmpty()) {
      ranking.add(pool.remove(c.intBetween(0, pool.size() - 1)));
    }
    TiePolicy ties = c.pick(List.of(TiePolicy.values()));
    Population p = Populations.builder().customers(1, 10).transactionsPerCustomer(1, 6)
        .period(Populations.DEFAULT_TO.minusDays(60), Populations.DEFAULT_TO).build().draw(c);
    return new Case(rules, ranking, ties, p);
  };

  static boolean naiveRecencyViolation(Case k) {
    RfmModel model = scorer(k).score(k.population().transactions(), k.population().asOf()).model();
    for (CustomerAggregate a : aggregates(k)) {
      RfmScore before = model.score(a);
      for (int d = 1; d <= 400; d++) {
        RfmScore after = model.score(a, k.population().asOf().plusDays(d));
        if (after.r() < before.r() && rank(k, after) >= 0 && rank(k, before) >= 0
            && rank(k, after) < rank(k, before)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean naiveFrequencyViolation(Case k) {
    RfmModel model = scorer(k).score(k.population().transactions(), k.population().asOf()).model();
    int maxCut = model.frequencyCuts().stream().mapToInt(c -> (int) Math.ceil(c.value())).max()
        .orElse(0);
    for (CustomerAggregate a : aggregates(k)) {
      RfmScore before = model.score(a);
      for (int f = a.transactions() + 1; f <= maxCut + 2; f++) {
        RfmScore after = model.score(new CustomerAggregate(a.customer(), a.lastPurchase(), f,
            a.purchaseDays(), a.total()));
        if (after.f() > before.f() && rank(k, after) >= 0 && rank(k, before) >= 0
            && rank(k, after) > rank(k, before)) {
          return true;
        }
      }
    }
    return false;
  }

  static RfmScorer scorer(Case k) {
    return RfmScorer.builder().tiles(k.rules().tiles()).ties(k.ties()).build();
  }

  static List<CustomerAggregate> aggregates(Case k) {
    RfmAggregator agg = new RfmAggregator();
    agg.addAll(k.population().transactions());
    return agg.aggregates();
  }

  /** The rank of the segment without attributes (these rule sets have none), -1 for a gap. */
  static int rank(Case k, RfmScore s) {
    Optional<String> segment = k.rules().segmentOf(s);
    return segment.map(k.ranking()::indexOf).orElse(-1);
  }

  static boolean fails(Runnable check) {
    try {
      check.run();
      return false;
    } catch (SegmentRuleViolation e) {
      return true;
    }
  }

  @Test
  void recencyAndFrequencyChecksAgreeWithTryingEveryDayAndEveryCount() {
    int[] violations = new int[2];
    qt().withFixedSeed(20).withExamples(600).forAll(QuickTheoriesGens.of(CASES)).checkAssert(k -> {
      SegmentRuleChecks checks = SegmentRuleChecks.of(k.rules()).scorer(scorer(k))
          .ranking(k.ranking().toArray(String[]::new));
      boolean recency = naiveRecencyViolation(k);
      boolean frequency = naiveFrequencyViolation(k);
      violations[0] += recency ? 1 : 0;
      violations[1] += frequency ? 1 : 0;
      assertThat(fails(() -> checks.recencyMonotone(k.population()))).as("recency").isEqualTo(recency);
      assertThat(fails(() -> checks.frequencyMonotone(k.population()))).as("frequency")
          .isEqualTo(frequency);
    });
    assertThat(violations[0]).as("cases with a recency violation").isGreaterThan(50);
    assertThat(violations[1]).as("cases with a frequency violation").isGreaterThan(50);
  }

  @Test
  void thePartitionCheckNeverAccusesARuleSetTheAnalysisClears() {
    qt().withFixedSeed(21).withExamples(400).forAll(QuickTheoriesGens.of(CASES)).checkAssert(k -> {
      boolean flagged = fails(() -> SegmentRuleChecks.of(k.rules()).partition(k.population()));
      if (flagged) {
        assertThat(k.rules().analysis().problems()).isNotEmpty();
      }
    });
    qt().withExamples(200).forAll(QuickTheoriesGens.of(c -> new Case(
        CrmGenerators.partitionRuleSets(4).draw(c), List.of(), TiePolicy.TIES_SHARE,
        Populations.builder().customers(1, 10).build().draw(c))))
        .checkAssert(k -> {
          SegmentRuleChecks checks = SegmentRuleChecks.of(k.rules());
          checks.partition(k.population());
          checks.orderIndependentAssignment(k.population());
        });
  }
}

package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.CustomerAttributes;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;

class SegmentRuleChecksTest {
  static final LocalDate AS_OF = LocalDate.parse("2024-12-31");

  static final Generator<Population> SMALL = Populations.builder().customers(1, 12).build();

  static Customer customer(String id) {
    return Customer.builder().id(CustomerId.of(id)).name(id).build();
  }

  /** ann bought yesterday, bob a year ago: ann r5, bob r1 (2 customers, 5 tiles). */
  static Population annAndBob() {
    return new Population(List.of(customer("ann"), customer("bob")), List.of(
        Transaction.of("ann", AS_OF.minusDays(1), 50), Transaction.of("ann", AS_OF.minusDays(3), 20),
        Transaction.of("bob", AS_OF.minusDays(365), 10)), AS_OF);
  }

  /**
   * Five customers: ann bought three times, the last {@code annLast} days ago, for 100 in all;
   * bob, cid, dan and eve once each, 10, 20, 30 and 40 days ago, for 10.
   */
  static Population five(int annLast) {
    List<Transaction> txs = new java.util.ArrayList<>(List.of(
        Transaction.of("ann", AS_OF.minusDays(annLast), 50),
        Transaction.of("ann", AS_OF.minusDays(annLast + 1), 20),
        Transaction.of("ann", AS_OF.minusDays(annLast + 2), 30)));
    List<String> others = List.of("bob", "cid", "dan", "eve");
    for (int i = 0; i < others.size(); i++) {
      txs.add(Transaction.of(others.get(i), AS_OF.minusDays(10L * (i + 1)), 10));
    }
    return new Population(List.of(customer("ann"), customer("bob"), customer("cid"),
        customer("dan"), customer("eve")), txs, AS_OF);
  }

  @Test
  void theIntactMapPassesEveryCheckOnManyPopulations() {
    SegmentRuleChecks checks = SegmentRuleChecks.of(BrokenRuleSets.intact())
        .ranking(BrokenRuleSets.STANDARD_RANKING.toArray(String[]::new));
    PlainProperty.forAll(SMALL).seed(1).examples(200).check(checks::all);
    PlainProperty.forAll(Populations.adversarial()).seed(2).examples(200).check(checks::all);
    PlainProperty.forAll(SMALL).seed(3).examples(100)
        .check(p -> checks.tierCoverage(p, 0.8, 0.95));
  }

  @Test
  void aSwappedPairOfLabelsFailsRecencyMonotonicityInDomainWords() {
    SegmentRuleChecks checks = SegmentRuleChecks.of(BrokenRuleSets.swapped())
        .ranking(BrokenRuleSets.STANDARD_RANKING.toArray(String[]::new));
    checks.partition(five(1));          // a perfect partition: no analysis can see the swap
    SegmentRuleViolation v = catchThrowableOfType(() -> checks.recencyMonotone(five(1)),
        SegmentRuleViolation.class);
    assertThat(v.check()).isEqualTo("recency monotonicity");
    assertThat(v.getMessage()).isEqualTo("""
        recency monotonicity: a customer who only got older moved to a better segment
          customer ann (organisation): last purchase 2024-12-30 (recency 1 day), 3 purchases on \
        3 days, total 100 → scores r5 f5 m5
          as of 2024-12-31: scores r5 f5 m5 → 'Hibernating' (rank 10 of 10)
          as of 2025-01-01: recency 2 days, frequency 3, monetary 100 → scores r4 f5 m5 → \
        'Loyal Customers' (rank 2 of 10)
          ranking, best first: [Champions, Loyal Customers, Potential Loyalists, New Customers, \
        Promising, Need Attention, About to Sleep, Can't Lose, At Risk, Hibernating]""");
  }

  @Test
  void aFailureReportStartsWithTheCounterexampleTheSeedAndTheReplayLine() {
    SegmentRuleChecks checks = SegmentRuleChecks.of(BrokenRuleSets.swapped())
        .ranking(BrokenRuleSets.STANDARD_RANKING.toArray(String[]::new));
    AssertionError plain = catchThrowableOfType(() -> PlainProperty.forAll(SMALL).seed(7)
        .examples(500).check(checks::recencyMonotone), AssertionError.class);
    List<String> lines = plain.getMessage().lines().toList();
    assertThat(lines.get(0)).startsWith("recency monotonicity: a customer who only got older"
        + " moved to a better segment");
    assertThat(lines.get(1)).startsWith("  customer c000");
    int seed = indexOf(lines, "seed: ");
    assertThat(seed).isBetween(3, 7);
    assertThat(lines.get(seed))
        .matches("seed: -?\\d+ \\(plain, example \\d+ of 500, then \\d+ shrinking steps\\)");
    assertThat(lines.get(seed + 1)).matches("replay: \\./mvnw test"
        + " -Dtest='SegmentRuleChecksTest#aFailureReportStartsWithTheCounterexampleTheSeedAndTheReplayLine'"
        + " -Dcrmkit\\.seed=-?\\d+");
    // the plain runner shrinks less than an engine (no joint edits), but to a handful
    assertThat(lines.get(seed + 2)).matches("counterexample: [1-6] customers?, \\d+ transactions?.*");
    assertThat(plain.getCause()).isInstanceOf(SegmentRuleViolation.class);
    // the replayed seed fails on its first example, with the same counterexample
    long replay = Long.parseLong(lines.get(seed).split(" ")[1]);
    AssertionError again = catchThrowableOfType(() -> PlainProperty.forAll(SMALL).seed(replay)
        .examples(1).check(checks::recencyMonotone), AssertionError.class);
    assertThat(again.getMessage().lines().limit(seed).toList()).isEqualTo(lines.subList(0, seed));

    AssertionError engine = catchThrowableOfType(() -> qt().withFixedSeed(7).withExamples(200)
        .withReporter(QuickTheoriesGens.reporter()).forAll(QuickTheoriesGens.of(SMALL))
        .checkAssert(checks::recencyMonotone), AssertionError.class);
    List<String> qtLines = engine.getMessage().lines().toList();
    assertThat(qtLines.get(0)).startsWith("recency monotonicity: a customer who only got older");
    int qtSeed = indexOf(qtLines, "seed: ");
    assertThat(qtLines.get(qtSeed)).startsWith("seed: 7 (QuickTheories, ");
    assertThat(qtLines.get(qtSeed + 1)).endsWith("-DQT_SEED=7");
    assertThat(qtLines.get(qtSeed + 2)).matches("counterexample: [1-3] customers?, \\d+ transactions?.*");
  }

  static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aGapFailsThePartitionCheck() {
    SegmentRuleChecks checks = SegmentRuleChecks.of(BrokenRuleSets.gap());
    assertThatThrownBy(() -> checks.partition(five(300)))
        .isInstanceOf(SegmentRuleViolation.class)
        .hasMessage("partition: a customer matches no rule (a gap)\n"
            + "  customer ann (organisation): last purchase 2024-03-06 (recency 300 days),"
            + " 3 purchases on 3 days, total 100 → scores r1 f5 m5\n  → no segment");
  }

  @Test
  void undeclaredOverlapsFailAndDeclaredOverridesPass() {
    Customer big = Customer.builder().id(CustomerId.of("ann")).name("Ann")
        .sizeBand(SizeBand.ENTERPRISE).build();
    Population p = new Population(List.of(big, customer("bob")), List.of(
        Transaction.of("ann", AS_OF, 500), Transaction.of("bob", AS_OF.minusDays(100), 5)), AS_OF);
    SegmentRules undeclared = SegmentRules.builder().tiles(5)
        .rule("Key account").attribute(CustomerAttributes.SIZE_BAND, "ENTERPRISE").add()
        .rule("Active").r(3, 5).add()
        .rule("Lapsed").r(1, 2).add()
        .build();
    assertThatThrownBy(() -> SegmentRuleChecks.of(undeclared).partition(p))
        .hasMessageEndingWith("→ matches 'Key account' (rules[0]), 'Active' (rules[1])");
    assertThatThrownBy(() -> SegmentRuleChecks.of(undeclared).orderIndependentAssignment(p))
        .hasMessageEndingWith("rules in their order → 'Key account'; rules reversed → 'Active'");
    SegmentRules declared = SegmentRules.builder().tiles(5)
        .rule("Key account").attribute(CustomerAttributes.SIZE_BAND, "ENTERPRISE")
            .overrides("Active", "Lapsed").add()
        .rule("Active").r(3, 5).add()
        .rule("Lapsed").r(1, 2).add()
        .strict(true)
        .build();
    SegmentRuleChecks ok = SegmentRuleChecks.of(declared).ranking("Key account", "Active", "Lapsed");
    ok.all(p);
    PlainProperty.forAll(SMALL).seed(11).examples(100).check(ok::all);
  }

  @Test
  void invertedSpendAndFrequencyFailTheirMonotonicity() {
    Population p = annAndBob();
    assertThatThrownBy(() -> SegmentRuleChecks.of(BrokenRuleSets.invertedSpend())
        .ranking(BrokenRuleSets.SPEND_RANKING.toArray(String[]::new)).monetaryMonotone(p))
        .hasMessageStartingWith("monetary monotonicity: a customer who only spent more moved to a"
            + " worse segment\n  customer bob (organisation)");
    assertThatThrownBy(() -> SegmentRuleChecks.of(BrokenRuleSets.invertedFrequency())
        .ranking(BrokenRuleSets.FREQUENCY_RANKING.toArray(String[]::new)).frequencyMonotone(p))
        .hasMessageStartingWith("frequency monotonicity: a customer who only bought more often"
            + " moved to a worse segment\n  customer bob (organisation)");
    // stated the other way round, the same rules pass
    SegmentRuleChecks.of(BrokenRuleSets.invertedSpend())
        .ranking(BrokenRuleSets.SPEND_RANKING.toArray(String[]::new))
        .directions(SegmentRuleChecks.Direction.ASCENDING, SegmentRuleChecks.Direction.ASCENDING,
            SegmentRuleChecks.Direction.DESCENDING)
        .monetaryMonotone(p);
  }

  @Test
  void scoringIsPermutationInvariantOnAdversarialPopulations() {
    for (TiePolicy ties : TiePolicy.values()) {
      SegmentRuleChecks checks = SegmentRuleChecks.of(BrokenRuleSets.intact())
          .scorer(RfmScorer.builder().ties(ties).build());
      PlainProperty.forAll(Populations.adversarial()).seed(5).examples(300)
          .check(checks::permutationInvariantScoring);
    }
  }

  @Test
  void misconfigurationIsAClearError() {
    SegmentRuleChecks checks = SegmentRuleChecks.of(BrokenRuleSets.invertedSpend());
    assertThatThrownBy(() -> checks.ranking("Big spenders", "Regular"))
        .isInstanceOf(CrmException.class)
        .hasMessage("the ranking must name every segment of the rules once, [Big spenders,"
            + " Regular, Small spenders], but was [Big spenders, Regular]");
    assertThatThrownBy(() -> checks.recencyMonotone(annAndBob()))
        .hasMessageStartingWith("monotonicity checks need the ranking of the segments");
    assertThatThrownBy(() -> checks.scorer(RfmScorer.builder().tiles(4).build()))
        .hasMessage("the scorer has 4 tiles, but the rules are for 5");
  }
}

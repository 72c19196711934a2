package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.crmkit.segmentation.rules.CustomerAttributes;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.testkit.Generator;
import org.crmkit.testkit.PlainProperty;
import org.crmkit.testkit.Population;
import org.crmkit.testkit.Populations;
import org.crmkit.testkit.QuickTheoriesGens;
import org.crmkit.testkit.SegmentRuleChecks;
import org.crmkit.testkit.SegmentRuleViolation;
import org.junit.jupiter.api.Test;

/** The examples of the README section "Testing your segment rules", compiled and run. */
class TestingSegmentRulesExamplesTest {

  // README-rules-start
  SegmentRules myRules = SegmentRules.builder()
      .rule("Key accounts").attribute(CustomerAttributes.SIZE_BAND, "ENTERPRISE")
          .overrides("Champions", "Active", "Lapsed").add()    // deliberate: strict accepts it
      .rule("Champions").r(4, 5).f(4, 5).add()
      .rule("Active").r(3, 5).f(1, 3).add()
      .rule("Active").r(3, 3).f(4, 5).add()
      .rule("Lapsed").r(1, 2).add()
      .strict(true)                   // any gap, undeclared overlap or dead rule fails build()
      .build();
  SegmentRuleChecks checks = SegmentRuleChecks.of(myRules)
      .ranking("Key accounts", "Champions", "Active", "Lapsed");   // best first
  // README-rules-end

  @Test
  void withQuickTheories() {
    // README-engine-start
    Generator<Population> customers = Populations.builder()
        .customers(1, 20).transactionsPerCustomer(1, 8).build();  // sizes drawn by the engine
    qt().withExamples(200)
        .withReporter(QuickTheoriesGens.reporter())   // counterexample, seed, replay line first
        .forAll(QuickTheoriesGens.of(customers))      // every random choice shrinks
        .checkAssert(checks::all);    // partition, order, permutation, R/F/M monotonicity
    qt().withExamples(200).withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.adversarial()))  // ties, zero totals, ...
        .checkAssert(checks::all);
    // README-engine-end
  }

  @Test
  void withPlainJUnit() {
    // README-plain-start
    PlainProperty.forAll(Populations.builder().customers(1, 20).build())
        .examples(200)                // seeded SplittableRandom; -Dcrmkit.seed=N replays N first
        .check(checks::all);
    // README-plain-end
    assertThat(myRules.warnings()).isEmpty();
    assertThat(myRules.analysis().deliberateCount()).isEqualTo(125);
  }

  @Test
  void aBrokenRuleSetFailsWithItsCounterexampleFirst() {
    SegmentRules swapped = SegmentRules.builder()
        .rule("Champions").r(1, 2).add()                 // labels of Champions and Lapsed swapped
        .rule("Active").r(3, 5).f(1, 3).add()
        .rule("Active").r(3, 3).f(4, 5).add()
        .rule("Lapsed").r(4, 5).f(4, 5).add()
        .strict(true)
        .build();                                        // a perfect partition: build() is happy
    AssertionError failure = catchThrowableOfType(() -> qt().withFixedSeed(1).withExamples(200)
        .withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.builder().customers(1, 20).build()))
        .checkAssert(SegmentRuleChecks.of(swapped).ranking("Champions", "Active", "Lapsed")::all),
        AssertionError.class);
    List<String> lines = failure.getMessage().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("recency monotonicity: a customer who only got older moved to a better segment");
    assertThat(lines).contains("seed: 1 (QuickTheories, 3 examples, then shrinking)",
        "replay: ./mvnw test -Dtest='TestingSegmentRulesExamplesTest"
            + "#aBrokenRuleSetFailsWithItsCounterexampleFirst' -DQT_SEED=1");
    assertThat(failure.getCause()).isInstanceOf(SegmentRuleViolation.class);
    System.out.println(String.join("\n", lines));
  }
}

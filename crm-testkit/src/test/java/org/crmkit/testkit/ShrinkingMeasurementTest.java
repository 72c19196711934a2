package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.CustomerAggregate;
import org.crmkit.segmentation.rfm.RfmAggregator;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Measures shrinking on deliberately broken rule sets: the size of the reported counterexample and
 * the time spent finding and shrinking it. Skipped in the default build (it takes minutes); run it
 * with {@code ./mvnw -B -q -pl crm-testkit -am test -Dtest=ShrinkingMeasurementTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcrmkit.measure=true}. It prints figures and asserts
 * nothing: a measurement, not a test of behaviour.
 */
@EnabledIfSystemProperty(named = "crmkit.measure", matches = "true")
class ShrinkingMeasurementTest {
  static final LocalDate FROM = LocalDate.parse("2024-01-01");
  static final LocalDate TO = LocalDate.parse("2024-12-31");

  /** A broken rule set, the property that catches it and the user's ranking, best first. */
  record Broken(String name, SegmentRules rules, List<String> ranking, String property) {}

  static final List<String> STANDARD_RANKING = List.of("Champions", "Loyal Customers",
      "Potential Loyalists", "New Customers", "Promising", "Need Attention", "About to Sleep",
      "Can't Lose", "At Risk", "Hibernating");

  static List<Broken> brokenRuleSets() {
    SegmentRules gap = SegmentRules.builder().tiles(5)
        .rule("Hibernating").r(1, 2).f(1, 2).add()
        .rule("At Risk").r(1, 2).f(3, 4).add()
        .rule("About to Sleep").r(3, 3).f(1, 2).add()
        .rule("Need Attention").r(3, 3).f(3, 3).add()
        .rule("Loyal Customers").r(3, 4).f(4, 5).add()
        .rule("Promising").r(4, 4).f(1, 1).add()
        .rule("New Customers").r(5, 5).f(1, 1).add()
        .rule("Potential Loyalists").r(4, 5).f(2, 3).add()
        .rule("Champions").r(5, 5).f(4, 5).add()
        .build();  // "Can't Lose" (r 1-2, f 5) forgotten: a gap
    SegmentRules swapped = SegmentRules.builder().tiles(5)
        .rule("Champions").r(1, 2).f(1, 2).add()  // labels of Champions and Hibernating swapped
        .rule("At Risk").r(1, 2).f(3, 4).add()
        .rule("Can't Lose").r(1, 2).f(5, 5).add()
        .rule("About to Sleep").r(3, 3).f(1, 2).add()
        .rule("Need Attention").r(3, 3).f(3, 3).add()
        .rule("Loyal Customers").r(3, 4).f(4, 5).add()
        .rule("Promising").r(4, 4).f(1, 1).add()
        .rule("New Customers").r(5, 5).f(1, 1).add()
        .rule("Potential Loyalists").r(4, 5).f(2, 3).add()
        .rule("Hibernating").r(5, 5).f(4, 5).add()
        .build();
    SegmentRules spend = SegmentRules.builder().tiles(5)
        .rule("Big spenders").m(1, 2).add()      // monetary ranges inverted
        .rule("Regular").m(3, 3).add()
        .rule("Small spenders").m(4, 5).add()
        .build();
    return List.of(
        new Broken("gap", gap, STANDARD_RANKING, "total"),
        new Broken("swapped labels", swapped, STANDARD_RANKING, "recency"),
        new Broken("inverted spend", spend, List.of("Big spenders", "Regular", "Small spenders"),
            "monetary"));
  }

  /** The property of {@code b} over one population's transactions (true = holds). */
  static boolean holds(Broken b, List<Transaction> txs) {
    if (txs.stream().noneMatch(t -> !t.date().isAfter(TO))) {
      return true;
    }
    RfmModel model = RfmScorer.defaults().score(txs, TO).model();
    RfmAggregator agg = new RfmAggregator();
    txs.stream().filter(t -> !t.date().isAfter(TO)).forEach(agg::add);
    for (CustomerAggregate a : agg.aggregates()) {
      RfmScore before = model.score(a);
      String segment = b.rules().segmentOf(before).orElse(null);
      switch (b.property()) {
        case "total":
          if (segment == null) {
            return false;
          }
          break;
        case "recency":
          for (int years = 1; years <= 3; years++) {
            RfmScore later = model.score(a, TO.plusYears(years));
            String after = b.rules().segmentOf(later).orElseThrow();
            if (b.ranking().indexOf(after) < b.ranking().indexOf(segment)) {
              return false;
            }
          }
          break;
        default:
          CustomerAggregate richer = new CustomerAggregate(a.customer(), a.lastPurchase(),
              a.transactions(), a.purchaseDays(), a.total() + 10_000);
          String after = b.rules().segmentOf(model.score(richer)).orElseThrow();
          if (b.ranking().indexOf(after) > b.ranking().indexOf(segment)) {
            return false;
          }
      }
    }
    return true;
  }

  /** Runs one measurement and prints one line. */
  /** Runs one measurement, prints one line and returns the counterexample's customers (-1: none). */
  static int measure(String label, Broken b, Gen<List<Transaction>> gen, long seed) {
    long[] firstFailure = {0};
    List<Transaction>[] smallest = new List[1];
    long start = System.nanoTime();
    Predicate<List<Transaction>> property = txs -> {
      boolean ok = holds(b, txs);
      if (!ok) {
        if (firstFailure[0] == 0) {
          firstFailure[0] = System.nanoTime();
        }
        smallest[0] = txs;  // QuickTheories keeps the last failing value as its smallest
      }
      return ok;
    };
    String outcome = "passed";
    try {
      qt().withFixedSeed(seed).withExamples(200).forAll(gen).check(property);
    } catch (AssertionError e) {
      outcome = "falsified";
    }
    long end = System.nanoTime();
    if (smallest[0] == null) {
      System.out.printf("%-8s %-15s seed %3d: %s in %.1f s%n", label, b.name(), seed, outcome,
          (end - start) / 1e9);
      return -1;
    }
    Set<Object> customers = new HashSet<>();
    smallest[0].forEach(t -> customers.add(t.customer()));
    System.out.printf("%-8s %-15s seed %3d: found in %5.2f s, shrunk in %6.2f s to %3d customers,"
        + " %4d transactions%n", label, b.name(), seed, (firstFailure[0] - start) / 1e9,
        (end - firstFailure[0]) / 1e9, customers.size(), smallest[0].size());
    return customers.size();
  }

  /**
   * The adapter before #20: one long seed drawn from QuickTheories (which shrinks it toward 0),
   * everything else from a SplittableRandom seeded with it.
   */
  static <T> Gen<T> seedOnly(Generator<T> generator) {
    return in -> generator.draw(Choices.of(new SplittableRandom(in.next(Constraint.none()))));
  }

  @Test
  void before() {
    for (Broken b : brokenRuleSets()) {
      for (long seed : new long[] {1, 2, 3}) {
        assertThat(measure("before", b, seedOnly(CrmGenerators.transactions(50, 400, FROM, TO)),
            seed)).as("the seed adapter never shrinks the 50 customers").isEqualTo(50);
      }
    }
  }

  @Test
  void after() {
    Generator<Population> populations = Populations.builder().customers(1, 50)
        .transactionsPerCustomer(1, 16).period(FROM, TO).build();
    for (Broken b : brokenRuleSets()) {
      for (long seed : new long[] {1, 2, 3}) {
        assertThat(measure("after", b,
            QuickTheoriesGens.of(populations.map(Population::transactions)), seed))
            .as("a handful of customers").isBetween(1, 7);
      }
    }
    Generator<Population> defaults = Populations.builder().period(FROM, TO).build();
    for (Broken b : brokenRuleSets()) {
      for (long seed : new long[] {1, 2, 3}) {
        assertThat(measure("after/20", b,
            QuickTheoriesGens.of(defaults.map(Population::transactions)), seed))
            .as("a handful of customers").isBetween(1, 7);
      }
    }
    // the same, reported by SegmentRuleChecks: the first lines of the failure
    for (Broken b : brokenRuleSets()) {
      SegmentRuleChecks checks = SegmentRuleChecks.of(b.rules())
          .ranking(b.ranking().stream().filter(b.rules().segments()::contains)
              .toArray(String[]::new));
      long start = System.nanoTime();
      try {
        qt().withFixedSeed(1).withExamples(200).withReporter(QuickTheoriesGens.reporter())
            .forAll(QuickTheoriesGens.of(populations))
            .checkAssert(p -> {
              switch (b.property()) {
                case "total" -> checks.partition(p);
                case "recency" -> checks.recencyMonotone(p);
                default -> checks.monetaryMonotone(p);
              }
            });
      } catch (AssertionError e) {
        System.out.printf("--- %s, SegmentRuleChecks, %.2f s in all; the failure's first lines:%n%s%n",
            b.name(), (System.nanoTime() - start) / 1e9,
            String.join("\n", e.getMessage().lines().limit(14).toList()));
      }
    }
  }

  @Test
  void plain() {
    Generator<Population> populations = Populations.builder().customers(1, 50)
        .transactionsPerCustomer(1, 16).period(FROM, TO).build();
    for (Broken b : brokenRuleSets()) {
      for (long seed : new long[] {1, 2, 3}) {
        long start = System.nanoTime();
        try {
          PlainProperty.forAll(populations).seed(seed).examples(200).check(p -> {
            if (!holds(b, p.transactions())) {
              throw new AssertionError("fails");
            }
          });
          System.out.printf("plain    %-15s seed %3d: passed%n", b.name(), seed);
        } catch (AssertionError e) {
          String first = e.getMessage().lines().findFirst().orElse("");
          String steps = e.getMessage().lines().filter(l -> l.startsWith("seed: ")).findFirst()
              .orElse("");
          System.out.printf("plain    %-15s seed %3d: %.2f s in all; %s; %s%n", b.name(), seed,
              (System.nanoTime() - start) / 1e9, first.replace("property falsified by ", "")
                  .replace(", as of 2024-12-31:", ""), steps.replaceAll(".*then ", "")
                  .replace(")", ""));
        }
      }
    }
  }
}

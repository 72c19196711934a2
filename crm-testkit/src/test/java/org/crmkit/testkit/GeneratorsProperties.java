package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

/** Invariants of the choice sources and of every population generator, under both sources. */
class GeneratorsProperties {

  @Test
  void choicesStayInTheirRangesUnderBothSources() {
    Generator<long[]> draws = c -> new long[] {
        c.longBetween(-5, 7), c.longBetween(Long.MIN_VALUE, Long.MAX_VALUE), c.intBetween(3, 3),
        c.size(2, 9), c.bool(0.3) ? 1 : 0, c.pick(List.of(10L, 20L, 30L)),
        c.decimal(new BigDecimal("-1.5"), new BigDecimal("2.25"), 2).movePointRight(2).longValueExact(),
        (long) (c.unit() * 1000)};
    qt().withExamples(500).forAll(QuickTheoriesGens.of(draws), longs().all())
        .checkAssert((engine, seed) -> {
          for (long[] d : List.of(engine, draws.sample(seed))) {
            assertThat(d[0]).isBetween(-5L, 7L);
            assertThat(d[2]).isEqualTo(3);
            assertThat(d[3]).isBetween(2L, 9L);
            assertThat(d[4]).isBetween(0L, 1L);
            assertThat(d[5]).isIn(10L, 20L, 30L);
            assertThat(d[6]).isBetween(-150L, 225L);
            assertThat(d[7]).isBetween(0L, 999L);
          }
          assertThat(draws.sample(seed)).isEqualTo(draws.sample(seed));
        });
  }

  @Test
  void theEngineShrinksEveryChoiceTowardItsTarget() {
    // a property that fails for 3 or more customers shrinks to exactly 3 plain customers, each
    // with one purchase on the as-of day of the typical amount
    AssertionError e = catchThrowableOfType(() -> qt().withFixedSeed(3).withExamples(100)
        .withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.builder().build()))
        .check(p -> p.customers().size() < 3), AssertionError.class);
    assertThat(e.getMessage()).startsWith("""
        property falsified by 3 customers, 3 transactions, as of 2024-12-31:
          c0000000 (organisation, retail, MICRO, berlin, new, needs=price): 2024-12-31 20
          c0000001 (organisation, retail, MICRO, berlin, new, needs=price): 2024-12-31 20
          c0000002 (organisation, retail, MICRO, berlin, new, needs=price): 2024-12-31 20
        seed: 3 (QuickTheories, """);
  }

  @Test
  void thePlainRunnerShrinksByReplayingEditedChoices() {
    AssertionError e = catchThrowableOfType(() -> PlainProperty.forAll(Populations.builder().build())
        .seed(3).examples(100).check(p -> assertThat(p.customers().size()).isLessThan(3)),
        AssertionError.class);
    assertThat(e.getMessage()).startsWith("""
        property falsified by 3 customers, 3 transactions, as of 2024-12-31:
          c0000000 (organisation, retail, MICRO, berlin, new, needs=price): 2024-12-31 20
          c0000001 (organisation, retail, MICRO, berlin, new, needs=price): 2024-12-31 20
          c0000002 (organisation, retail, MICRO, berlin, new, needs=price): 2024-12-31 20""");
    // the recorded choices replay the value that Generator.sample gives for the same seed
    Generator<Population> g = Populations.builder().build();
    assertThat(g.draw(ChoiceSequence.recording(Choices.seeded(9)))).isEqualTo(g.sample(9));
  }

  @Test
  void realisticPopulationsRespectTheirSizesAndPeriod() {
    Generator<Population> g = Populations.builder().customers(2, 6).transactionsPerCustomer(2, 3)
        .period(Populations.DEFAULT_FROM, Populations.DEFAULT_FROM.plusDays(9)).build();
    qt().withExamples(300).forAll(QuickTheoriesGens.of(g)).checkAssert(p -> {
      assertThat(p.customers()).hasSizeBetween(2, 6);
      for (var c : p.customers()) {
        List<Transaction> own = p.transactionsOf(c.id());
        // whales buy from the upper half of the range, everyone within it
        assertThat(own).hasSizeBetween(2, 3);
        own.forEach(t -> assertThat(t.date())
            .isBetween(Populations.DEFAULT_FROM, Populations.DEFAULT_FROM.plusDays(9)));
      }
      assertThat(p.asOf()).isEqualTo(Populations.DEFAULT_FROM.plusDays(9));
    });
  }

  static Map<CustomerId, BigDecimal> totals(Population p) {
    Map<CustomerId, BigDecimal> out = new HashMap<>();
    p.transactions().forEach(t -> out.merge(t.customer(), BigDecimal.valueOf(t.amount()), BigDecimal::add));
    return out;
  }

  @Test
  void adversarialPopulationsHaveTheirShape() {
    qt().withExamples(300).forAll(QuickTheoriesGens.of(Populations.tiedTotals())).checkAssert(p -> {
      Map<BigDecimal, Integer> byTotal = new HashMap<>();
      totals(p).values().forEach(v -> byTotal.merge(v.stripTrailingZeros(), 1, Integer::sum));
      assertThat(byTotal.values()).anyMatch(n -> n >= 2);
    });
    qt().withExamples(300).forAll(QuickTheoriesGens.of(Populations.equalDates()))
        .checkAssert(p -> assertThat(p.transactions().stream().map(Transaction::date).distinct())
            .hasSize(1));
    qt().withExamples(300).forAll(QuickTheoriesGens.of(Populations.zeroAndNegativeTotals()))
        .checkAssert(p -> totals(p).values().forEach(v -> assertThat(v.signum()).isBetween(-1, 1)));
    qt().withExamples(300).forAll(QuickTheoriesGens.of(Populations.singleCustomer()))
        .checkAssert(p -> assertThat(p.customers()).hasSize(1));
    qt().withExamples(300).forAll(QuickTheoriesGens.of(Populations.allEqual())).checkAssert(p -> {
      Set<String> shapes = new HashSet<>();
      p.customers().forEach(c -> shapes.add(p.transactionsOf(c.id()).stream()
          .map(t -> t.date() + " " + t.amount()).toList().toString()));
      assertThat(shapes).hasSize(1);
    });
  }

  @Test
  void zeroAndNegativeTotalsOccur() {
    Set<Integer> signs = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      totals(Populations.zeroAndNegativeTotals().sample(seed)).values()
          .forEach(v -> signs.add(v.signum()));
    }
    assertThat(signs).containsExactlyInAnyOrder(-1, 0, 1);
  }
}

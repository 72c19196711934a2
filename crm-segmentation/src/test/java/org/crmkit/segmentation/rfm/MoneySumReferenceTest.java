package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MoneySum} against the naive reference: {@code BigDecimal.valueOf} of every amount, summed
 * with {@code BigDecimal.add}, rounded once with {@code doubleValue()}.
 */
class MoneySumReferenceTest {

  static double naive(List<Double> amounts) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double a : amounts) {
      sum = sum.add(BigDecimal.valueOf(a));
    }
    return sum.doubleValue() + 0.0;
  }

  /** Cents, sub-cent decimals, huge cents near the long limit, and amounts near the double limit. */
  static List<Double> amounts(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Double> out = new ArrayList<>();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0 -> out.add(r.nextLong(-100_000, 100_000) / 100.0);
        case 1 -> out.add(r.nextLong(-1_000_000, 1_000_000) / 1000.0);
        case 2 -> out.add((double) (r.nextBoolean() ? 1 : -1) * (1L << 52) / 100 * r.nextInt(1, 4));
        case 3 -> out.add((r.nextDouble() * 2 - 1) * 1e308);
        default -> out.add(r.nextDouble(-1e6, 1e6));
      }
    }
    return out;
  }

  @Test
  void agreesWithTheNaiveDecimalSumInEveryOrder() {
    qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
      List<Double> amounts = amounts(seed);
      MoneySum forward = new MoneySum();
      amounts.forEach(forward::add);
      MoneySum backward = new MoneySum();
      for (int i = amounts.size() - 1; i >= 0; i--) {
        backward.add(amounts.get(i));
      }
      double expected = naive(amounts);
      assertThat(forward.toDouble()).as("seed %s: %s", seed, amounts).isEqualTo(expected);
      assertThat(backward.toDouble()).as("seed %s", seed).isEqualTo(expected);
      assertThat(forward.exact()).isEqualByComparingTo(backward.exact());
    });
  }

  @Test
  void centsOverflowSpillsIntoTheDecimal() {
    MoneySum s = new MoneySum();
    double big = 9e13;   // 9e15 cents, below 2^53: a long of cents; 1,100 of them overflow a long
    for (int i = 0; i < 1_100; i++) {
      s.add(big);
    }
    assertThat(s.exact()).isEqualByComparingTo(new BigDecimal("9.9E16"));
    assertThat(MoneySum.cents(0.29)).isEqualTo(29);
    assertThat(MoneySum.cents(0.001)).isEqualTo(MoneySum.NOT_CENTS);
    assertThat(MoneySum.cents(-0.0)).isZero();
  }
}

package org.crmkit.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.crmkit.core.CrmException;

/**
 * The source of every random choice a {@link Generator} makes: bounded longs and ints, sizes,
 * booleans, picks from a list, decimals and unit doubles. Every choice is one call to {@link
 * #longBetween(long, long, long)}, which names the range and the value the choice shrinks toward,
 * so a property-testing engine can record the choices and make each of them smaller
 * (Hypothesis's design): an engine adapter such as {@link QuickTheoriesGens} shrinks sizes toward
 * their minimum, amounts toward zero and picks toward the first option. {@link #seeded(long)} is
 * the source for plain tests without an engine: a seeded {@link SplittableRandom}, so one seed
 * reproduces one value.
 *
 * <pre>{@code
 * Choices choices = Choices.seeded(42);
 * int customers = choices.size(1, 10);                 // shrinks toward 1
 * String industry = choices.pick(List.of("retail", "finance"));   // shrinks toward "retail"
 * }</pre>
 *
 * <p>Implementations are stateful and not thread-safe: use one per generated value.
 */
public interface Choices {

  /**
   * A long in {@code [min, max]} that shrinks toward {@code shrinkTarget} (clamped into the
   * range). The one primitive every other choice is made of.
   *
   * @throws CrmException if {@code min > max}
   */
  long longBetween(long min, long max, long shrinkTarget);

  /** A long in {@code [min, max]} that shrinks toward the value of the range nearest to zero. */
  default long longBetween(long min, long max) {
    return longBetween(min, max, Math.max(min, Math.min(max, 0)));
  }

  /** An int in {@code [min, max]} that shrinks toward the value of the range nearest to zero. */
  default int intBetween(int min, int max) {
    return (int) longBetween(min, max);
  }

  /**
   * A size (a count of elements) in {@code [min, max]} that shrinks toward {@code min}.
   *
   * @throws CrmException if {@code min < 0} or {@code min > max}
   */
  default int size(int min, int max) {
    if (min < 0) {
      throw new CrmException("a size must be >= 0, but the minimum was " + min);
    }
    return (int) longBetween(min, max, min);
  }

  /**
   * True with probability {@code probability}; shrinks toward false (unless {@code probability}
   * is 1).
   *
   * @throws CrmException if {@code probability} is not in [0, 1]
   */
  default boolean bool(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new CrmException("probability must be in [0, 1], but was " + probability);
    }
    long resolution = 1L << 30;
    long threshold = Math.round((1 - probability) * resolution);
    return longBetween(0, resolution - 1, 0) >= threshold;
  }

  /**
   * One of {@code options}, uniformly; shrinks toward the first.
   *
   * @throws CrmException if {@code options} is empty
   */
  default <T> T pick(List<T> options) {
    if (options.isEmpty()) {
      throw new CrmException("pick needs at least one option, but the list was empty");
    }
    return options.get((int) longBetween(0, options.size() - 1, 0));
  }

  /**
   * A decimal with {@code scale} fraction digits in {@code [min, max]}, uniformly over its
   * {@code 10^-scale} steps; shrinks toward the step nearest to zero. For money, e.g. {@code
   * decimal(new BigDecimal("-50"), new BigDecimal("500"), 2)}.
   *
   * @throws CrmException if {@code min > max}, {@code scale} is not in [0, 18] or the range has
   *     more than 2^62 steps
   */
  default BigDecimal decimal(BigDecimal min, BigDecimal max, int scale) {
    if (scale < 0 || scale > 18) {
      throw new CrmException("scale must be in [0, 18], but was " + scale);
    }
    BigInteger lo = min.setScale(scale, RoundingMode.CEILING).unscaledValue();
    BigInteger hi = max.setScale(scale, RoundingMode.FLOOR).unscaledValue();
    BigInteger limit = BigInteger.ONE.shiftLeft(62);
    if (lo.compareTo(hi) > 0 || lo.abs().compareTo(limit) > 0 || hi.abs().compareTo(limit) > 0) {
      throw new CrmException("decimal range must be non-empty and within ±2^62 steps of 10^-"
          + scale + ", but was [" + min + ", " + max + "]");
    }
    return BigDecimal.valueOf(longBetween(lo.longValueExact(), hi.longValueExact()), scale);
  }

  /**
   * Makes the choices of {@code draw} one element of a collection whose length is the last {@link
   * #size} chosen at this nesting level, and returns what it draws. Only a marker: a shrinker that
   * understands it ({@link PlainProperty}'s) may delete the element and lower that size together.
   *
   * <pre>{@code
   * int n = choices.size(1, 9);
   * for (int i = 0; i < n; i++) {
   *   items.add(choices.element(() -> item(choices)));
   * }
   * }</pre>
   */
  default <T> T element(Supplier<T> draw) {
    return draw.get();
  }

  /** A double in [0, 1) with 53 random bits; shrinks toward 0. */
  default double unit() {
    return longBetween(0, (1L << 53) - 1, 0) * 0x1.0p-53;
  }

  /** A standard normal double (Box–Muller from two {@link #unit()}s); shrinks toward 0. */
  default double gaussian() {
    double radius = Math.sqrt(-2 * Math.log1p(-unit()));
    return radius * Math.cos(2 * Math.PI * unit());
  }

  /** Choices drawn from a {@link SplittableRandom} seeded with {@code seed}: same seed, same choices. */
  static Choices seeded(long seed) {
    return new RandomChoices(new SplittableRandom(seed));
  }

  /** Choices drawn from {@code random} (which the caller must not share between threads). */
  static Choices of(RandomGenerator random) {
    return new RandomChoices(random);
  }
}

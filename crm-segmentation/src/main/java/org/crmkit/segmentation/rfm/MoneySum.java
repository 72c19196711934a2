package org.crmkit.segmentation.rfm;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An exact, order-independent sum of money amounts. Each amount is read as the shortest decimal
 * its double stands for (what the input file said: {@code 0.1} is one tenth, not the binary
 * fraction nearest to it) and summed exactly; the total is rounded to a double once, at the end.
 * Whole cents within ±2^53 (nearly every amount) are summed as a scaled {@code long} with overflow
 * detection; any other amount, and a cent sum about to overflow, goes to a {@link BigDecimal}.
 * So the total depends only on the multiset of amounts, never on their order. Mutable, not
 * thread-safe.
 */
final class MoneySum {
  /** Returned by {@link #cents(double)} for an amount that is not a whole number of cents. */
  static final long NOT_CENTS = Long.MIN_VALUE;

  private long cents;
  private @Nullable BigDecimal rest;

  /** Adds one amount exactly. */
  void add(double amount) {
    long c = cents(amount);
    if (c != NOT_CENTS) {
      long sum = cents + c;
      if (((cents ^ sum) & (c ^ sum)) < 0) {   // the long would overflow: spill what we have
        rest = plus(rest, BigDecimal.valueOf(cents, 2));
        cents = c;
      } else {
        cents = sum;
      }
    } else {
      rest = plus(rest, BigDecimal.valueOf(amount));
    }
  }

  /** The exact sum, without trailing zeros (e.g. {@code 2E+308}, {@code 0.6}). */
  BigDecimal exact() {
    return plus(rest, BigDecimal.valueOf(cents, 2)).stripTrailingZeros();
  }

  /** The exact sum rounded once to the nearest double (infinite if beyond the double range). */
  double toDouble() {
    return toDouble(cents, rest);
  }

  /** The double nearest to {@code cents / 100 + rest}. */
  static double toDouble(long cents, @Nullable BigDecimal rest) {
    if (rest == null) {
      if (Math.abs(cents) < (1L << 53)) {
        return cents / 100.0 + 0.0;   // both exact, so one correctly rounded division; no -0.0
      }
      return BigDecimal.valueOf(cents, 2).doubleValue();
    }
    return rest.add(BigDecimal.valueOf(cents, 2)).doubleValue() + 0.0;
  }

  /**
   * The amount as a whole number of cents, if it is one within ±2^53 (the double nearest to
   * {@code c / 100} is {@code amount}), else {@link #NOT_CENTS}.
   */
  static long cents(double amount) {
    double r = Math.rint(amount * 100);
    if (Math.abs(r) < 0x1p53 && r / 100 == amount) {
      return (long) r;
    }
    return NOT_CENTS;
  }

  static BigDecimal plus(@Nullable BigDecimal a, BigDecimal b) {
    return a == null ? b : a.add(b);
  }
}

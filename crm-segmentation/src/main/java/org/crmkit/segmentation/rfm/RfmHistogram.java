package org.crmkit.segmentation.rfm;

import java.util.Arrays;
import org.crmkit.core.CrmException;

/**
 * The distribution of one RFM measure over a population: each distinct value with the number of
 * customers having it. It is all {@link RfmScorer#fit} needs to compute exact cut points, so an
 * engine that cannot sort a whole population in one place (Apache Spark, a database) counts
 * customers per value ({@code GROUP BY value}) and hands the counts to crmkit.
 *
 * <p>Immutable and thread-safe; values are kept sorted ascending, equal values merged, {@code -0.0}
 * counted as {@code 0.0}. Building costs O(k log k) for k pairs.
 *
 * <pre>{@code
 * RfmHistogram recency = RfmHistogram.of(new double[] {3, 10, 40}, new long[] {2, 5, 1});
 * recency.total();   // 8 customers
 * }</pre>
 */
public final class RfmHistogram {
  private final double[] values;
  private final long[] counts;
  private final long total;

  private RfmHistogram(double[] values, long[] counts, long total) {
    this.values = values;
    this.counts = counts;
    this.total = total;
  }

  /**
   * A histogram from value/count pairs in any order; pairs with equal values are added up.
   *
   * @throws CrmException if the arrays differ in length, a value is not finite, a count is not
   *     positive or the counts add up to more than {@link Long#MAX_VALUE}
   */
  public static RfmHistogram of(double[] values, long[] counts) {
    if (values == null || counts == null) {
      throw new CrmException("values and counts must not be null");
    }
    if (values.length != counts.length) {
      throw new CrmException("values and counts must have the same length, but were "
          + values.length + " and " + counts.length);
    }
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new CrmException("values[" + i + "] must be finite, but was " + values[i]);
      }
      if (counts[i] < 1) {
        throw new CrmException("counts[" + i + "] must be >= 1, but was " + counts[i]);
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a] + 0.0, values[b] + 0.0));
    double[] v = new double[values.length];
    long[] c = new long[values.length];
    int k = 0;
    long total = 0;
    for (int i : order) {
      double x = values[i] + 0.0;
      if (k > 0 && v[k - 1] == x) {
        c[k - 1] = Math.addExact(c[k - 1], counts[i]);
      } else {
        v[k] = x;
        c[k] = counts[i];
        k++;
      }
      try {
        total = Math.addExact(total, counts[i]);
      } catch (ArithmeticException e) {
        throw new CrmException("the counts add up to more than " + Long.MAX_VALUE);
      }
    }
    return new RfmHistogram(Arrays.copyOf(v, k), Arrays.copyOf(c, k), total);
  }

  /** The number of customers counted. */
  public long total() {
    return total;
  }

  /** The number of distinct values. */
  public int distinctValues() {
    return values.length;
  }

  /** The {@code i}-th smallest distinct value, {@code 0 <= i < distinctValues()}. */
  public double value(int i) {
    return values[i];
  }

  /** The number of customers having {@link #value(int) value(i)}. */
  public long count(int i) {
    return counts[i];
  }

  @Override
  public String toString() {
    return "RfmHistogram[" + values.length + " values, " + total + " customers]";
  }
}

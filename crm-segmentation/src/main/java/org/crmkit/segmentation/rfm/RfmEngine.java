package org.crmkit.segmentation.rfm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * The columnar RFM engine: aggregation over primitive arrays, cut points from one sort per
 * dimension, scores by comparison with the cut points (so the fitted scores and the frozen model
 * agree by construction). Single-threaded and deterministic.
 */
final class RfmEngine {
  private RfmEngine() {}

  static int toDay(LocalDate date) {
    long day = date.toEpochDay();
    if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE) {
      throw new CrmException("asOf must be within ±5.8 million years of 1970, but was " + date);
    }
    return (int) day;
  }

  /**
   * The error for a recency that an {@code int} cannot hold (a last purchase more than
   * 2,147,483,647 days, about 5.9 million years, before the as-of date): recency is exact or
   * refused, never clamped.
   */
  static CrmException recencyTooLong(CustomerId customer, LocalDate lastPurchase, LocalDate asOf,
      long days) {
    return new CrmException("the recency of customer '" + customer + "' is " + days
        + " days (last purchase " + lastPurchase + ", as of " + asOf + "), more than the "
        + Integer.MAX_VALUE + " days an RFM recency can hold");
  }

  static RfmTable scoreColumns(TransactionColumns cols, LocalDate asOf, RfmScorer cfg) {
    int asOfDay = toDay(asOf);
    int customers = cols.customerCount();
    int[] last = new int[customers];
    Arrays.fill(last, Integer.MIN_VALUE);
    int[] count = new int[customers];
    long[] cents = new long[customers];
    BigDecimal[] rest = null;    // exact sums of what is not whole cents, allocated when needed
    int[] cu = cols.customersArray();
    int[] days = cols.daysArray();
    double[] amounts = cols.amountsArray();
    int size = cols.size();
    for (int i = 0; i < size; i++) {
      int day = days[i];
      if (day > asOfDay) {
        continue;
      }
      int c = cu[i];
      count[c]++;
      double amount = amounts[i];
      long a = MoneySum.cents(amount);
      if (a != MoneySum.NOT_CENTS) {
        long before = cents[c];
        long sum = before + a;
        if (((before ^ sum) & (a ^ sum)) < 0) {     // overflow: spill the cents so far
          rest = spill(rest, customers, c, BigDecimal.valueOf(before, 2));
          sum = a;
        }
        cents[c] = sum;
      } else {
        rest = spill(rest, customers, c, BigDecimal.valueOf(amount));
      }
      if (day > last[c]) {
        last[c] = day;
      }
    }
    double[] total = new double[customers];
    for (int c = 0; c < customers; c++) {
      BigDecimal r = rest == null ? null : rest[c];
      total[c] = MoneySum.toDouble(cents[c], r);
      if (!Double.isFinite(total[c])) {
        throw new CrmException("the total of customer " + c + " ('" + cols.customerId(c)
            + "') is " + MoneySum.plus(r, BigDecimal.valueOf(cents[c], 2)).stripTrailingZeros()
            + ", beyond the range of a double (about ±1.8E308)");
      }
    }
    int[] frequency = cfg.frequencyMeasure() == FrequencyMeasure.TRANSACTIONS
        ? count : distinctDays(cols, asOfDay, count);
    if (cfg.ties() == TiePolicy.STABLE_SPLIT) {
      checkIdOrder(customers, cols.ids());
    }
    return scoreArrays(customers, cols.ids(), asOf, asOfDay, last, count, frequency, total, cfg);
  }

  private static BigDecimal[] spill(BigDecimal @Nullable [] rest, int customers, int c,
      BigDecimal amount) {
    BigDecimal[] r = rest == null ? new BigDecimal[customers] : rest;
    r[c] = MoneySum.plus(r[c], amount);
    return r;
  }

  private static void checkIdOrder(int customers, IntFunction<CustomerId> ids) {
    CustomerId previous = null;
    for (int c = 0; c < customers; c++) {
      CustomerId id = ids.apply(c);
      if (previous != null && previous.compareTo(id) >= 0) {
        throw new CrmException("under STABLE_SPLIT customer ids must increase with the index, but"
            + " customer " + (c - 1) + " is '" + previous + "' and customer " + c + " is '" + id + "'");
      }
      previous = id;
    }
  }

  /** Counts distinct days per customer: bucket days by customer (CSR), sort each bucket. */
  private static int[] distinctDays(TransactionColumns cols, int asOfDay, int[] count) {
    int customers = cols.customerCount();
    int[] start = new int[customers + 1];
    for (int c = 0; c < customers; c++) {
      start[c + 1] = start[c] + count[c];
    }
    int[] fill = Arrays.copyOf(start, customers);
    int[] bucket = new int[start[customers]];
    int[] cu = cols.customersArray();
    int[] days = cols.daysArray();
    for (int i = 0; i < cols.size(); i++) {
      if (days[i] <= asOfDay) {
        bucket[fill[cu[i]]++] = days[i];
      }
    }
    int[] distinct = new int[customers];
    for (int c = 0; c < customers; c++) {
      int from = start[c];
      int to = start[c + 1];
      if (to - from > 1) {
        Arrays.sort(bucket, from, to);
      }
      int n = 0;
      for (int i = from; i < to; i++) {
        if (i == from || bucket[i] != bucket[i - 1]) {
          n++;
        }
      }
      distinct[c] = n;
    }
    return distinct;
  }

  /**
   * Scores customers given per-customer aggregates; a customer with {@code count == 0} is not
   * scored.
   */
  static RfmTable scoreArrays(int customers, IntFunction<CustomerId> ids, LocalDate asOf,
      int asOfDay, int[] last, int[] count, int[] frequency, double[] total, RfmScorer cfg) {
    int scored = 0;
    for (int c = 0; c < customers; c++) {
      if (count[c] > 0) {
        scored++;
      }
    }
    if (scored == 0) {
      throw new CrmException("no customer has a transaction on or before the as-of date " + asOf
          + "; RFM scores need at least one");
    }
    int[] recency = new int[customers];
    double[] monetary = new double[customers];
    int[] index = new int[scored];
    double[] gr = new double[scored];
    double[] gf = new double[scored];
    double[] gm = new double[scored];
    boolean mean = cfg.monetaryMeasure() == MonetaryMeasure.MEAN;
    int k = 0;
    for (int c = 0; c < customers; c++) {
      if (count[c] > 0) {
        long days = (long) asOfDay - last[c];
        if (days > Integer.MAX_VALUE) {
          throw recencyTooLong(ids.apply(c), LocalDate.ofEpochDay(last[c]), asOf, days);
        }
        recency[c] = (int) days;
        double m = mean ? total[c] / count[c] : total[c];
        monetary[c] = m + 0.0;
        index[k] = c;
        gr[k] = 0.0 - recency[c];
        gf[k] = frequency[c];
        gm[k] = m + 0.0;
        k++;
      }
    }
    int n = cfg.tiles();
    boolean stable = cfg.ties() == TiePolicy.STABLE_SPLIT;
    Cuts cutR = cuts(gr, index, n, stable);
    Cuts cutF = cuts(gf, index, n, stable);
    Cuts cutM = cuts(gm, index, n, stable);
    byte[] r = new byte[customers];
    byte[] f = new byte[customers];
    byte[] m = new byte[customers];
    for (int j = 0; j < scored; j++) {
      int c = index[j];
      r[c] = cutR.score(gr[j], c);
      f[c] = cutF.score(gf[j], c);
      m[c] = cutM.score(gm[j], c);
    }
    RfmModel model = RfmModel.builder()
        .asOf(asOf)
        .tiles(n)
        .ties(cfg.ties())
        .frequencyMeasure(cfg.frequencyMeasure())
        .monetaryMeasure(cfg.monetaryMeasure())
        .recencyCuts(cutR.toCutPoints(ids, true))
        .frequencyCuts(cutF.toCutPoints(ids, false))
        .monetaryCuts(cutM.toCutPoints(ids, false))
        .build();
    return new RfmTable(customers, scored, ids, count, recency, frequency, monetary, r, f, m, model);
  }

  /** Cut points in "goodness" space (higher is better); value +∞ = score unreachable. */
  static final class Cuts {
    final double[] value;
    final int[] tie;

    Cuts(double[] value, int[] tie) {
      this.value = value;
      this.tie = tie;
    }

    byte score(double g, int customer) {
      int s = 1;
      for (int j = 0; j < value.length; j++) {
        double v = value[j];
        if (g > v || (g == v && customer >= tie[j])) {
          s++;
        }
      }
      return (byte) s;
    }

    List<CutPoint> toCutPoints(IntFunction<CustomerId> ids, boolean negate) {
      List<CutPoint> out = new ArrayList<>();
      for (int j = 0; j < value.length; j++) {
        if (value[j] != Double.POSITIVE_INFINITY) {
          out.add(new CutPoint(j + 2, negate ? 0.0 - value[j] : value[j],
              tie[j] < 0 ? null : ids.apply(tie[j])));
        }
      }
      return out;
    }
  }

  /**
   * The cut points of one dimension. {@code g[k]} is the goodness of customer {@code index[k]}
   * (indices increasing). Under TIES_SHARE the cut of score s is the smallest value whose count of
   * strictly smaller values L satisfies floor(n L / N) >= s - 1; under STABLE_SPLIT it is the
   * element at position ceil((s - 1) N / n) of the order (value, index).
   */
  static Cuts cuts(double[] g, int[] index, int n, boolean stable) {
    int total = g.length;
    double[] sorted = g.clone();
    Arrays.sort(sorted);
    double[] value = new double[n - 1];
    int[] tie = new int[n - 1];
    Arrays.fill(tie, -1);
    for (int s = 2; s <= n; s++) {
      long lmin = ((long) (s - 1) * total + n - 1) / n;
      int j = (int) lmin;
      if (!stable) {
        while (j < total && j > 0 && sorted[j] == sorted[j - 1]) {
          j++;
        }
        value[s - 2] = j < total ? sorted[j] : Double.POSITIVE_INFINITY;
        tie[s - 2] = j < total ? -1 : Integer.MAX_VALUE;
      } else if (j >= total) {
        value[s - 2] = Double.POSITIVE_INFINITY;
        tie[s - 2] = Integer.MAX_VALUE;
      } else {
        double v = sorted[j];
        int first = lowerBound(sorted, v);
        int rank = j - first;
        int seen = 0;
        for (int k = 0; k < total; k++) {
          if (g[k] == v) {
            if (seen == rank) {
              tie[s - 2] = index[k];
              break;
            }
            seen++;
          }
        }
        value[s - 2] = v;
      }
    }
    return new Cuts(value, tie);
  }

  static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

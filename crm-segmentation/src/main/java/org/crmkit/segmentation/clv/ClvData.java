package org.crmkit.segmentation.clv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Transaction;
import org.jspecify.annotations.Nullable;

/**
 * A transaction log summarised for the lifetime-value models at a calibration end date: one
 * {@link CustomerSummary} per customer who bought on or before the calibration end, and the
 * purchases of those customers in the hold-out period after it. Immutable and thread-safe.
 *
 * <p>The rules follow the literature (Fader, Hardie &amp; Lee 2005) exactly:
 *
 * <ul>
 *   <li>all transactions of one customer on one calendar day are merged into one purchase day
 *       (amounts added; a day counts whatever its net amount, so returns on their own day are
 *       purchase days too);
 *   <li>the calibration period is every day up to and including {@code calibrationEnd}; the
 *       hold-out period is the days after it, up to and including {@code holdoutEnd} when given;
 *   <li>{@code x} = distinct calibration purchase days − 1; {@code t_x} = time from the first to
 *       the last calibration purchase day; {@code T} = time from the first purchase day to
 *       {@code calibrationEnd}, in the chosen {@link PeriodUnit} (days divided by 7 for weeks);
 *   <li>{@code m̄} = mean merged amount of the repeat purchase days (the first day excluded).
 *       Amounts are summed exactly as decimals (each amount as its shortest decimal form, e.g.
 *       29.33), so the mean does not depend on the order of the transactions; only the final mean
 *       is rounded to a double.
 * </ul>
 *
 * <p>Customers whose first purchase is after the calibration end are not part of the calibrated
 * cohort: they are left out and only counted ({@link #lateCustomers()}).
 */
public final class ClvData {
  private final LocalDate calibrationEnd;
  private final @Nullable LocalDate holdoutEnd;
  private final PeriodUnit unit;
  private final List<CustomerSummary> customers;
  /** Days after the calibration end of every hold-out purchase day of calibrated customers, sorted. */
  private final int[] holdoutDays;
  private final int lateCustomers;

  private ClvData(LocalDate calibrationEnd, @Nullable LocalDate holdoutEnd, PeriodUnit unit,
      List<CustomerSummary> customers, int[] holdoutDays, int lateCustomers) {
    this.calibrationEnd = calibrationEnd;
    this.holdoutEnd = holdoutEnd;
    this.unit = unit;
    this.customers = customers;
    this.holdoutDays = holdoutDays;
    this.lateCustomers = lateCustomers;
  }

  /**
   * Summarises {@code transactions} with every purchase after {@code calibrationEnd} in the
   * hold-out period. O(n log n) in the number of transactions.
   *
   * @throws CrmException if an argument is null
   */
  public static ClvData of(Collection<Transaction> transactions, LocalDate calibrationEnd, PeriodUnit unit) {
    return build(transactions, calibrationEnd, null, unit);
  }

  /**
   * Summarises {@code transactions} with a hold-out period ending on {@code holdoutEnd}
   * (inclusive); later purchases are ignored. O(n log n) in the number of transactions.
   *
   * @throws CrmException if an argument is null or {@code holdoutEnd} is before {@code calibrationEnd}
   */
  public static ClvData of(Collection<Transaction> transactions, LocalDate calibrationEnd,
      LocalDate holdoutEnd, PeriodUnit unit) {
    if (holdoutEnd == null) {
      throw new CrmException("holdoutEnd is required, but was null");
    }
    return build(transactions, calibrationEnd, holdoutEnd, unit);
  }

  private static ClvData build(Collection<Transaction> transactions, LocalDate calibrationEnd,
      @Nullable LocalDate holdoutEnd, PeriodUnit unit) {
    if (transactions == null || calibrationEnd == null || unit == null) {
      throw new CrmException("transactions, calibrationEnd and unit are required, but one was null");
    }
    if (holdoutEnd != null && holdoutEnd.isBefore(calibrationEnd)) {
      throw new CrmException("holdoutEnd must not be before calibrationEnd " + calibrationEnd
          + ", but was " + holdoutEnd);
    }
    Transaction[] sorted = transactions.toArray(new Transaction[0]);
    Arrays.sort(sorted, Comparator.comparing(Transaction::customer).thenComparing(Transaction::date));
    List<CustomerSummary> out = new ArrayList<>();
    List<Integer> holdout = new ArrayList<>();
    int late = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j].customer().equals(sorted[i].customer())) {
        j++;
      }
      LocalDate first = sorted[i].date();
      if (first.isAfter(calibrationEnd)) {
        late++;
        i = j;
        continue;
      }
      int repeatDays = 0;
      BigDecimal repeatSpend = BigDecimal.ZERO;
      LocalDate last = first;
      int holdoutCount = 0;
      int k = i;
      while (k < j) {
        LocalDate day = sorted[k].date();
        BigDecimal amount = BigDecimal.ZERO;
        while (k < j && sorted[k].date().equals(day)) {
          amount = amount.add(BigDecimal.valueOf(sorted[k].amount()));
          k++;
        }
        if (!day.isAfter(calibrationEnd)) {
          if (!day.equals(first)) {
            repeatDays++;
            repeatSpend = repeatSpend.add(amount);
            last = day;
          }
        } else if (holdoutEnd == null || !day.isAfter(holdoutEnd)) {
          holdoutCount++;
          holdout.add((int) ChronoUnit.DAYS.between(calibrationEnd, day));
        }
      }
      double age = unit.between(first, calibrationEnd);
      double recency = repeatDays == 0 ? 0 : unit.between(first, last);
      double mean = repeatDays == 0 ? 0
          : repeatSpend.divide(BigDecimal.valueOf(repeatDays), MathContext.DECIMAL128).doubleValue();
      out.add(new CustomerSummary(sorted[i].customer(), repeatDays, recency, age, mean, holdoutCount));
      i = j;
    }
    int[] days = holdout.stream().mapToInt(Integer::intValue).sorted().toArray();
    return new ClvData(calibrationEnd, holdoutEnd, unit, List.copyOf(out), days, late);
  }

  /** The last day of the calibration period (inclusive): the models' "now". */
  public LocalDate calibrationEnd() {
    return calibrationEnd;
  }

  /** The last day of the hold-out period, if one was given (otherwise it is open-ended). */
  public Optional<LocalDate> holdoutEnd() {
    return Optional.ofNullable(holdoutEnd);
  }

  /** The time unit of every summary. */
  public PeriodUnit unit() {
    return unit;
  }

  /** One summary per calibrated customer, ordered by customer id; unmodifiable. */
  public List<CustomerSummary> customers() {
    return customers;
  }

  /** How many customers were left out because their first purchase is after the calibration end. */
  public int lateCustomers() {
    return lateCustomers;
  }

  /**
   * The observed cumulative repeat purchases (purchase days) of the calibrated customers in the
   * hold-out period: element {@code k - 1} counts those within {@code k} periods after the
   * calibration end. Compare with {@link ClvModel#expectedCumulativeRepeatPurchases}. O(periods
   * + hold-out purchases).
   *
   * @throws CrmException if {@code periods < 1}
   */
  public double[] holdoutCumulativeRepeatPurchases(int periods) {
    if (periods < 1) {
      throw new CrmException("periods must be >= 1, but was " + periods);
    }
    double[] out = new double[periods];
    int p = 0;
    for (int k = 1; k <= periods; k++) {
      long limit = (long) k * unit.days();
      while (p < holdoutDays.length && holdoutDays[p] <= limit) {
        p++;
      }
      out[k - 1] = p;
    }
    return out;
  }
}

package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;

/**
 * Scores customers on recency, frequency and monetary value: measures from transactions (or
 * aggregates) at an as-of date, then scores 1..{@link #tiles()} per dimension (higher is better:
 * more recent, more frequent, more spend) under a {@link TiePolicy}.
 *
 * <p>Recency is the number of whole days from the last purchase to the as-of date; transactions
 * after the as-of date are ignored. Negative amounts (returns) are summed like any other amount,
 * so a customer's monetary value may be negative; it then ranks below every positive spender.
 * Money is summed exactly: each amount is read as the shortest decimal its double stands for
 * ({@code 0.1} is one tenth), the sum is kept in whole cents (a {@code long}, with overflow
 * detection) or a {@code BigDecimal}, and rounded to a double once; so totals, scores and models
 * never depend on the order of the input.
 * Totals therefore equal those of engines that add exact decimals (crm-spark).
 *
 * <p>Immutable and thread-safe. Scoring C customers from T transactions costs O(T + C log C)
 * (one sort per dimension); the columnar path allocates only primitive arrays.
 *
 * <pre>{@code
 * RfmScorer scorer = RfmScorer.builder().tiles(5).ties(TiePolicy.TIES_SHARE).build();
 * RfmResult result = scorer.score(transactions, LocalDate.parse("1998-07-01"));
 * }</pre>
 */
public final class RfmScorer {
  private final int tiles;
  private final TiePolicy ties;
  private final FrequencyMeasure frequency;
  private final MonetaryMeasure monetary;

  private RfmScorer(Builder b) {
    this.tiles = b.tiles;
    this.ties = b.ties;
    this.frequency = b.frequency;
    this.monetary = b.monetary;
  }

  /** A scorer with 5 tiles, {@link TiePolicy#TIES_SHARE}, transaction count and total amount. */
  public static RfmScorer defaults() {
    return builder().build();
  }

  /** A new builder with the defaults of {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of score levels n. */
  public int tiles() {
    return tiles;
  }

  /** The tie policy. */
  public TiePolicy ties() {
    return ties;
  }

  /** What frequency counts. */
  public FrequencyMeasure frequencyMeasure() {
    return frequency;
  }

  /** What monetary measures. */
  public MonetaryMeasure monetaryMeasure() {
    return monetary;
  }

  /**
   * Scores every customer with a transaction on or before {@code asOf}.
   *
   * @throws CrmException if an argument is null, no transaction is on or before {@code asOf}, or
   *     a customer's recency exceeds 2,147,483,647 days (the message names the customer and the
   *     days; recency is never clamped)
   */
  public RfmResult score(Collection<Transaction> transactions, LocalDate asOf) {
    Checks.present("transactions", transactions);
    Checks.present("asOf", asOf);
    RfmAggregator aggregator = new RfmAggregator();
    for (Transaction t : transactions) {
      Checks.present("transactions[i]", t);
      if (!t.date().isAfter(asOf)) {
        aggregator.add(t);
      }
    }
    return scoreAggregates(aggregator.aggregates(), asOf);
  }

  /**
   * Scores customers from their aggregates.
   *
   * @throws CrmException if the collection is empty, a customer appears twice, a last purchase
   *     is after {@code asOf}, or a recency exceeds 2,147,483,647 days
   */
  public RfmResult scoreAggregates(Collection<CustomerAggregate> aggregates, LocalDate asOf) {
    Checks.present("aggregates", aggregates);
    Checks.present("asOf", asOf);
    List<CustomerAggregate> sorted = new ArrayList<>(aggregates);
    sorted.sort((a, b) -> a.customer().compareTo(b.customer()));
    int size = sorted.size();
    int asOfDay = RfmEngine.toDay(asOf);
    int[] last = new int[size];
    int[] count = new int[size];
    int[] freq = new int[size];
    double[] total = new double[size];
    for (int i = 0; i < size; i++) {
      CustomerAggregate a = sorted.get(i);
      if (i > 0 && sorted.get(i - 1).customer().equals(a.customer())) {
        throw new CrmException("customer '" + a.customer() + "' has more than one aggregate");
      }
      if (a.lastPurchase().isAfter(asOf)) {
        throw new CrmException("the last purchase of '" + a.customer() + "' (" + a.lastPurchase()
            + ") is after the as-of date " + asOf + "; aggregate only transactions up to it");
      }
      last[i] = RfmEngine.toDay(a.lastPurchase());
      count[i] = a.transactions();
      freq[i] = frequency == FrequencyMeasure.TRANSACTIONS ? a.transactions() : a.purchaseDays();
      total[i] = a.total();
    }
    CustomerId[] ids = new CustomerId[size];
    for (int i = 0; i < size; i++) {
      ids[i] = sorted.get(i).customer();
    }
    RfmTable table = RfmEngine.scoreArrays(
        size, i -> ids[i], asOf, asOfDay, last, count, freq, total, this);
    List<RfmScore> scores = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      scores.add(table.score(i));
    }
    return new RfmResult(scores, table.model());
  }

  /**
   * Scores column-wise transactions without creating an object per transaction or customer.
   * Customers without a transaction on or before {@code asOf} are left unscored.
   *
   * @throws CrmException if no transaction is on or before {@code asOf}, a recency exceeds
   *     2,147,483,647 days, or under {@link TiePolicy#STABLE_SPLIT} if customer ids do not
   *     increase with the index
   */
  public RfmTable score(TransactionColumns columns, LocalDate asOf) {
    Checks.present("columns", columns);
    Checks.present("asOf", asOf);
    return RfmEngine.scoreColumns(columns, asOf, this);
  }

  /**
   * Finds the customer at a given rank among those tied at a cut point's value, for {@link
   * TiePolicy#STABLE_SPLIT} fitting from histograms.
   */
  @FunctionalInterface
  public interface TieBreaker {
    /**
     * The id of the customer at 0-based position {@code rank}, in {@link CustomerId} order, among
     * the customers whose measure on {@code dimension} equals {@code value} (days for recency).
     */
    CustomerId nth(RfmDimension dimension, double value, long rank);
  }

  /**
   * Fits the frozen model that {@link #score(TransactionColumns, LocalDate)} would fit on the same
   * population, from the population's three histograms alone: exact, with no sort of the
   * customers. This is how an engine that holds the customers elsewhere (Apache Spark, a
   * database) gets crmkit's cut points: it counts customers per distinct value on each dimension
   * and scores every customer with the returned model. Under {@link TiePolicy#STABLE_SPLIT} the
   * {@code tieBreaker} is asked for at most {@code tiles - 1} ids per dimension; under {@link
   * TiePolicy#TIES_SHARE} it is never called.
   *
   * <p>O(k log k) for k distinct values in all.
   *
   * <pre>{@code
   * RfmModel model = RfmScorer.defaults().fit(asOf, recencyDays, frequency, monetary,
   *     (dimension, value, rank) -> { throw new AssertionError("not called under TIES_SHARE"); });
   * }</pre>
   *
   * @param asOf the as-of date the measures were taken at
   * @param recencyDays customers per number of days since their last purchase
   * @param frequency customers per frequency, measured as {@link #frequencyMeasure()} says
   * @param monetary customers per monetary value, measured as {@link #monetaryMeasure()} says
   * @param tieBreaker the ids at the cut points under {@code STABLE_SPLIT}
   * @throws CrmException if an argument is null, a histogram is empty, the histograms count
   *     different numbers of customers, recency has a negative value or frequency one below 1
   */
  public RfmModel fit(LocalDate asOf, RfmHistogram recencyDays, RfmHistogram frequency,
      RfmHistogram monetary, TieBreaker tieBreaker) {
    Checks.present("asOf", asOf);
    Checks.present("recencyDays", recencyDays);
    Checks.present("frequency", frequency);
    Checks.present("monetary", monetary);
    Checks.present("tieBreaker", tieBreaker);
    long n = recencyDays.total();
    if (n == 0) {
      throw new CrmException("no customer has a transaction on or before the as-of date " + asOf
          + "; RFM scores need at least one");
    }
    if (frequency.total() != n || monetary.total() != n) {
      throw new CrmException("the histograms must count the same customers, but recency counts "
          + n + ", frequency " + frequency.total() + " and monetary " + monetary.total());
    }
    if (recencyDays.value(0) < 0) {
      throw new CrmException("recency days must be >= 0, but the histogram has "
          + recencyDays.value(0));
    }
    if (frequency.value(0) < 1) {
      throw new CrmException("frequency must be >= 1, but the histogram has " + frequency.value(0));
    }
    return RfmModel.builder()
        .asOf(asOf)
        .tiles(tiles)
        .ties(ties)
        .frequencyMeasure(this.frequency)
        .monetaryMeasure(this.monetary)
        .recencyCuts(histogramCuts(RfmDimension.RECENCY, recencyDays, tieBreaker))
        .frequencyCuts(histogramCuts(RfmDimension.FREQUENCY, frequency, tieBreaker))
        .monetaryCuts(histogramCuts(RfmDimension.MONETARY, monetary, tieBreaker))
        .build();
  }

  /**
   * The cut points of one dimension, in "goodness" order (recency reversed): the cut of score s
   * sits at position ceil((s - 1) N / n) of the order from worst to best, as in {@link
   * RfmEngine#cuts}.
   */
  private List<CutPoint> histogramCuts(RfmDimension dimension, RfmHistogram h,
      TieBreaker tieBreaker) {
    boolean reversed = dimension == RfmDimension.RECENCY;
    int k = h.distinctValues();
    double[] value = new double[k];
    long[] below = new long[k + 1];
    for (int g = 0; g < k; g++) {
      int i = reversed ? k - 1 - g : g;
      value[g] = h.value(i);
      below[g + 1] = below[g] + h.count(i);
    }
    long total = below[k];
    List<CutPoint> out = new ArrayList<>();
    int g = 0;
    for (int s = 2; s <= tiles; s++) {
      long lmin = ceilDiv(Math.multiplyExact((long) (s - 1), total), tiles);
      while (g + 1 < k && below[g + 1] <= lmin) {
        g++;
      }
      if (lmin >= total) {
        continue;
      }
      if (ties == TiePolicy.TIES_SHARE) {
        int at = lmin == below[g] ? g : g + 1;
        if (at < k) {
          out.add(new CutPoint(s, value[at], null));
        }
      } else {
        CustomerId id = tieBreaker.nth(dimension, value[g], lmin - below[g]);
        if (id == null) {
          throw new CrmException("the tie breaker found no customer at rank " + (lmin - below[g])
              + " of " + dimension + " value " + value[g]);
        }
        out.add(new CutPoint(s, value[g], id));
      }
    }
    return out;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** Builds {@link RfmScorer}s; not thread-safe. */
  public static final class Builder {
    private int tiles = 5;
    private TiePolicy ties = TiePolicy.TIES_SHARE;
    private FrequencyMeasure frequency = FrequencyMeasure.TRANSACTIONS;
    private MonetaryMeasure monetary = MonetaryMeasure.TOTAL;

    private Builder() {}

    /**
     * The number of score levels (default 5).
     *
     * @throws CrmException unless {@code 2 <= tiles <= 100}
     */
    public Builder tiles(int tiles) {
      if (tiles < 2 || tiles > 100) {
        throw new CrmException("tiles must be in [2, 100], but was " + tiles);
      }
      this.tiles = tiles;
      return this;
    }

    /** The tie policy (default {@link TiePolicy#TIES_SHARE}). */
    public Builder ties(TiePolicy ties) {
      this.ties = Checks.present("ties", ties);
      return this;
    }

    /** What frequency counts (default {@link FrequencyMeasure#TRANSACTIONS}). */
    public Builder frequency(FrequencyMeasure frequency) {
      this.frequency = Checks.present("frequency", frequency);
      return this;
    }

    /** What monetary measures (default {@link MonetaryMeasure#TOTAL}). */
    public Builder monetary(MonetaryMeasure monetary) {
      this.monetary = Checks.present("monetary", monetary);
      return this;
    }

    /** The scorer. */
    public RfmScorer build() {
      return new RfmScorer(this);
    }
  }
}

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
   * @throws CrmException if an argument is null or no transaction is on or before {@code asOf}
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
   * @throws CrmException if the collection is empty, a customer appears twice, or a last purchase
   *     is after {@code asOf}
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
   * @throws CrmException if no transaction is on or before {@code asOf}, or under {@link
   *     TiePolicy#STABLE_SPLIT} if customer ids do not increase with the index
   */
  public RfmTable score(TransactionColumns columns, LocalDate asOf) {
    Checks.present("columns", columns);
    Checks.present("asOf", asOf);
    return RfmEngine.scoreColumns(columns, asOf, this);
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

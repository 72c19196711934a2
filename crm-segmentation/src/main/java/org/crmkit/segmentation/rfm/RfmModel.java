package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.model.CustomerId;
import org.immutables.value.Value;

/**
 * A frozen RFM scoring: the cut points of each dimension, the tie policy, the measures and the
 * as-of date of the population it was fitted on. It scores any customer (including ones that were
 * not in that population) exactly as the fitting did, so scores are reproducible and auditable;
 * serialise it with {@code org.crmkit.json.RfmModelJson} (artifact {@code crm-json}). Immutable and thread-safe.
 *
 * <p>A score is 1 plus the number of cut points the measure reaches; a score that no fitted
 * customer earned has no cut point. Scoring is O(tiles).
 *
 * <pre>{@code
 * RfmModel model = RfmScorer.defaults().score(transactions, asOf).model();
 * RfmScore later = model.score(aggregateOfNewCustomer);
 * }</pre>
 */
@Value.Immutable
public abstract class RfmModel {

  /** The as-of date the model was fitted at and scores at by default. */
  public abstract LocalDate asOf();

  /** The number of score levels n; scores are 1..n. */
  public abstract int tiles();

  /** The tie policy the model was fitted with. */
  public abstract TiePolicy ties();

  /** What frequency counts. */
  @Value.Default
  public FrequencyMeasure frequencyMeasure() {
    return FrequencyMeasure.TRANSACTIONS;
  }

  /** What monetary measures. */
  @Value.Default
  public MonetaryMeasure monetaryMeasure() {
    return MonetaryMeasure.TOTAL;
  }

  /** Recency cut points: {@code value} is the largest number of days earning {@code score}. */
  public abstract List<CutPoint> recencyCuts();

  /** Frequency cut points: {@code value} is the smallest frequency earning {@code score}. */
  public abstract List<CutPoint> frequencyCuts();

  /** Monetary cut points: {@code value} is the smallest amount earning {@code score}. */
  public abstract List<CutPoint> monetaryCuts();

  @Value.Check
  void check() {
    List<Problem> problems = new ArrayList<>();
    if (tiles() < 2 || tiles() > 100) {
      problems.add(Problem.of("tiles", "must be in [2, 100], but was %s", tiles()));
    }
    checkCuts("recencyCuts", recencyCuts(), -1, problems);
    checkCuts("frequencyCuts", frequencyCuts(), 1, problems);
    checkCuts("monetaryCuts", monetaryCuts(), 1, problems);
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException("RFM model", problems);
    }
  }

  private void checkCuts(String name, List<CutPoint> cuts, int direction, List<Problem> problems) {
    int lastScore = 1;
    double lastValue = Double.NaN;
    for (int i = 0; i < cuts.size(); i++) {
      CutPoint c = cuts.get(i);
      String path = name + "[" + i + "]";
      if (c.score() <= lastScore || c.score() > tiles()) {
        problems.add(Problem.of(path + ".score", "must be in (%s, %s], but was %s",
            lastScore, tiles(), c.score()));
      }
      if (!Double.isNaN(lastValue) && Double.compare(c.value(), lastValue) * direction < 0) {
        problems.add(Problem.of(path + ".value", "must be %s the previous cut point's %s, but was %s",
            direction > 0 ? ">=" : "<=", lastValue, c.value()));
      }
      if ((ties() == TiePolicy.STABLE_SPLIT) != (c.tieBreak() != null)) {
        problems.add(Problem.of(path + ".tieBreak", ties() == TiePolicy.STABLE_SPLIT
            ? "is required under STABLE_SPLIT" : "must be absent under TIES_SHARE"));
      }
      lastScore = c.score();
      lastValue = c.value();
    }
  }

  /** The recency score of a customer whose last purchase was {@code days} days before as-of. */
  public int recencyScore(long days, CustomerId customer) {
    int s = 1;
    for (CutPoint c : recencyCuts()) {
      if (days < c.value() || (days == c.value() && tieOk(customer, c))) {
        s = c.score();
      }
    }
    return s;
  }

  /** The frequency score of {@code frequency}. */
  public int frequencyScore(double frequency, CustomerId customer) {
    return atLeast(frequencyCuts(), frequency, customer);
  }

  /** The monetary score of {@code monetary}. */
  public int monetaryScore(double monetary, CustomerId customer) {
    return atLeast(monetaryCuts(), monetary, customer);
  }

  private static int atLeast(List<CutPoint> cuts, double v, CustomerId customer) {
    int s = 1;
    for (CutPoint c : cuts) {
      if (v > c.value() || (v == c.value() && tieOk(customer, c))) {
        s = c.score();
      }
    }
    return s;
  }

  private static boolean tieOk(CustomerId customer, CutPoint c) {
    return c.tieBreak() == null || customer.compareTo(c.tieBreak()) >= 0;
  }

  /**
   * Scores a customer at the model's as-of date.
   *
   * @throws CrmException if the last purchase is after the as-of date, or more than
   *     2,147,483,647 days before it (the message names the customer and the days)
   */
  public RfmScore score(CustomerAggregate aggregate) {
    return score(aggregate, asOf());
  }

  /**
   * Scores a customer at another as-of date with this model's cut points (for re-scoring a
   * population later with frozen thresholds).
   *
   * @throws CrmException if the last purchase is after {@code asOf}, or more than 2,147,483,647
   *     days before it (the message names the customer and the days)
   */
  public RfmScore score(CustomerAggregate aggregate, LocalDate asOf) {
    long days = ChronoUnit.DAYS.between(aggregate.lastPurchase(), asOf);
    if (days < 0) {
      throw new CrmException("the last purchase of '" + aggregate.customer() + "' ("
          + aggregate.lastPurchase() + ") is after the as-of date " + asOf);
    }
    int frequency = frequencyMeasure() == FrequencyMeasure.TRANSACTIONS
        ? aggregate.transactions() : aggregate.purchaseDays();
    double monetary = monetaryMeasure() == MonetaryMeasure.TOTAL
        ? aggregate.total() : aggregate.total() / aggregate.transactions();
    CustomerId id = aggregate.customer();
    if (days > Integer.MAX_VALUE) {
      throw RfmEngine.recencyTooLong(id, aggregate.lastPurchase(), asOf, days);
    }
    return new RfmScore(id, (int) days, frequency, monetary,
        recencyScore(days, id), frequencyScore(frequency, id), monetaryScore(monetary, id));
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RfmModel}s (normally produced by {@link RfmScorer} or read from JSON). */
  public static final class Builder extends ImmutableRfmModel.Builder {}
}

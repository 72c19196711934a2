package org.crmkit.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.CustomerAggregate;
import org.crmkit.segmentation.rfm.CutPoint;
import org.crmkit.segmentation.rfm.FrequencyMeasure;
import org.crmkit.segmentation.rfm.MonetaryMeasure;
import org.crmkit.segmentation.rfm.RfmAggregator;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rules.CustomerAttributes;
import org.crmkit.segmentation.rules.SegmentRule;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.segmentation.tiers.ValueTier;
import org.crmkit.segmentation.tiers.ValueTiers;
import org.jspecify.annotations.Nullable;

/**
 * Ready-made property checks for a user's segment rules, run on one {@link Population} at a time:
 * usable from any property-testing engine or a plain test. Each check returns normally or throws a
 * {@link SegmentRuleViolation} whose message is the counterexample in domain words — the customer,
 * its measures, its scores and its segment before → after — so that with {@link
 * QuickTheoriesGens#reporter()} or {@link PlainProperty} a failure starts with it, then the seed
 * and a replay line.
 *
 * <p>The checks: {@link #partition} (every customer matches rules of exactly one segment, apart
 * from declared overrides), {@link #orderIndependentAssignment} (reversing the rules changes no
 * customer's segment, apart from declared overrides), {@link #permutationInvariantScoring}
 * (reordering the transactions changes no score or segment), {@link #recencyMonotone}, {@link
 * #frequencyMonotone}, {@link #monetaryMonotone} (a customer who only gets older, only buys more
 * often or only spends more never moves against the stated {@link Direction}, judged by the
 * user's {@link #ranking(String...) ranking} of segments) and {@link #tierCoverage} (the value
 * tiers cover the stated shares of revenue). Customers are scored with the rules' tiles and
 * {@link RfmScorer}'s defaults unless {@link #scorer(RfmScorer)} says otherwise; their attributes
 * are {@link CustomerAttributes#of(Customer)}.
 *
 * <pre>{@code
 * SegmentRuleChecks checks = SegmentRuleChecks.of(myRules)
 *     .ranking("Champions", "Loyal", "At Risk", "Lost");      // best first
 * qt().withReporter(QuickTheoriesGens.reporter())
 *     .forAll(QuickTheoriesGens.of(Populations.builder().customers(1, 30).build()))
 *     .checkAssert(checks::recencyMonotone);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the configuration methods return new instances.
 */
public final class SegmentRuleChecks {

  /** How a segment must respond when one measure's score gets better and the others stay. */
  public enum Direction {
    /** A better score never gives a worse segment (the usual meaning of R, F and M). */
    ASCENDING,
    /** A better score never gives a better segment. */
    DESCENDING,
    /** The dimension is not checked. */
    NONE
  }

  private final SegmentRules rules;
  private final RfmScorer scorer;
  private final List<String> ranking;
  private final Direction recency;
  private final Direction frequency;
  private final Direction monetary;

  private SegmentRuleChecks(SegmentRules rules, RfmScorer scorer, List<String> ranking,
      Direction recency, Direction frequency, Direction monetary) {
    this.rules = rules;
    this.scorer = scorer;
    this.ranking = List.copyOf(ranking);
    this.recency = recency;
    this.frequency = frequency;
    this.monetary = monetary;
  }

  /** Checks of {@code rules}, scoring with {@link RfmScorer}'s defaults at the rules' tiles. */
  public static SegmentRuleChecks of(SegmentRules rules) {
    return new SegmentRuleChecks(rules, RfmScorer.builder().tiles(rules.tiles()).build(),
        List.of(), Direction.ASCENDING, Direction.ASCENDING, Direction.ASCENDING);
  }

  /**
   * Scores with {@code other} (its tie policy and measures).
   *
   * @throws CrmException if its tiles differ from the rules'
   */
  public SegmentRuleChecks scorer(RfmScorer other) {
    if (other.tiles() != rules.tiles()) {
      throw new CrmException("the scorer has " + other.tiles() + " tiles, but the rules are for "
          + rules.tiles());
    }
    return new SegmentRuleChecks(rules, other, ranking, recency, frequency, monetary);
  }

  /**
   * The user's ranking of the segments, best first, for the monotonicity checks.
   *
   * @throws CrmException unless it names every segment of the rules exactly once and nothing else
   */
  public SegmentRuleChecks ranking(String... bestFirst) {
    List<String> list = List.of(bestFirst);
    Set<String> names = new LinkedHashSet<>(list);
    if (names.size() != list.size() || !names.equals(new HashSet<>(rules.segments()))) {
      throw new CrmException("the ranking must name every segment of the rules once, "
          + rules.segments() + ", but was " + list);
    }
    return new SegmentRuleChecks(rules, scorer, list, recency, frequency, monetary);
  }

  /** The directions of recency, frequency and monetary (default all {@link Direction#ASCENDING}). */
  public SegmentRuleChecks directions(Direction r, Direction f, Direction m) {
    return new SegmentRuleChecks(rules, scorer, ranking, r, f, m);
  }

  /**
   * Runs every check that is configured: partition, order independence, permutation invariance,
   * and the three monotonicity checks if a ranking is set.
   *
   * @throws SegmentRuleViolation for the first failing check
   */
  public void all(Population population) {
    partition(population);
    orderIndependentAssignment(population);
    permutationInvariantScoring(population);
    if (!ranking.isEmpty()) {
      recencyMonotone(population);
      frequencyMonotone(population);
      monetaryMonotone(population);
    }
  }

  /**
   * Every scored customer matches rules of exactly one segment, or of several where an earlier
   * rule declares it overrides the later ones' segments.
   *
   * @throws SegmentRuleViolation naming a customer in a gap or in an undeclared overlap
   */
  public void partition(Population population) {
    Scored s = score(population);
    if (s == null) {
      return;
    }
    for (RfmScore score : s.result.scores()) {
      Map<String, String> attributes = s.attributes(score.customer());
      List<Integer> matching = new ArrayList<>();
      for (int i = 0; i < rules.rules().size(); i++) {
        if (rules.rules().get(i).matches(score.r(), score.f(), score.m(), attributes)) {
          matching.add(i);
        }
      }
      if (matching.isEmpty()) {
        throw new SegmentRuleViolation("partition", "a customer matches no rule (a gap)\n  "
            + s.describe(score) + "\n  → no segment");
      }
      if (!declared(matching)) {
        List<String> found = new ArrayList<>();
        matching.forEach(i -> found.add("'" + rules.rules().get(i).segment() + "' (rules[" + i + "])"));
        throw new SegmentRuleViolation("partition", "a customer matches rules of different"
            + " segments, and no earlier rule declares that it overrides the later ones\n  "
            + s.describe(score) + "\n  → matches " + String.join(", ", found));
      }
    }
  }

  /**
   * With the rules in reverse order every customer keeps its segment, except where the rules
   * covering it declare their overrides.
   *
   * @throws SegmentRuleViolation naming a customer whose segment depends on rule order
   */
  public void orderIndependentAssignment(Population population) {
    Scored s = score(population);
    if (s == null) {
      return;
    }
    List<SegmentRule> reversed = new ArrayList<>(rules.rules());
    Collections.reverse(reversed);
    SegmentRules.Builder b = SegmentRules.builder().tiles(rules.tiles());
    reversed.forEach(r -> b.rule(new SegmentRule(r.segment(), r.r(), r.f(), r.m(), r.attributes())));
    SegmentRules other = b.build();
    for (RfmScore score : s.result.scores()) {
      Map<String, String> attributes = s.attributes(score.customer());
      Optional<String> forward = rules.segmentOf(score, attributes);
      Optional<String> backward = other.segmentOf(score, attributes);
      if (!forward.equals(backward)) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < rules.rules().size(); i++) {
          if (rules.rules().get(i).matches(score.r(), score.f(), score.m(), attributes)) {
            matching.add(i);
          }
        }
        if (!declared(matching)) {
          throw new SegmentRuleViolation("order independence", "a customer's segment depends on"
              + " the order of the rules\n  " + s.describe(score) + "\n  rules in their order → '"
              + forward.orElse("none") + "'; rules reversed → '" + backward.orElse("none") + "'");
        }
      }
    }
  }

  /**
   * Scoring the transactions reversed, and shuffled, gives every customer the same measures,
   * scores and segment.
   *
   * @throws SegmentRuleViolation naming a customer whose scores depend on the input order
   */
  public void permutationInvariantScoring(Population population) {
    Scored s = score(population);
    if (s == null) {
      return;
    }
    List<Transaction> reversed = new ArrayList<>(population.transactions());
    Collections.reverse(reversed);
    List<Transaction> shuffled = new ArrayList<>(population.transactions());
    Collections.shuffle(shuffled, new Random(population.transactions().hashCode()));
    for (List<Transaction> order : List.of(reversed, shuffled)) {
      RfmResult other = scorer.score(order, population.asOf());
      for (RfmScore a : s.result.scores()) {
        RfmScore b = other.get(a.customer()).orElseThrow();
        Optional<String> sa = rules.segmentOf(a, s.attributes(a.customer()));
        Optional<String> sb = rules.segmentOf(b, s.attributes(a.customer()));
        if (!a.equals(b) || !sa.equals(sb)) {
          throw new SegmentRuleViolation("permutation invariance", "a customer's scores depend on"
              + " the order of the transactions\n  " + s.describe(a) + "\n  with the transactions "
              + (order == reversed ? "reversed" : "shuffled") + " → recency " + days(b.recencyDays())
              + ", frequency " + b.frequency() + ", monetary " + b.monetary() + " → scores "
              + codes(b) + " → '" + sb.orElse("none") + "'");
        }
      }
    }
  }

  /**
   * A customer who only gets older (time passes, no purchase) never moves against the recency
   * direction: under {@link Direction#ASCENDING}, never to a better segment. Checked at every
   * later date where a recency cut point is crossed, with the model fitted on the population.
   *
   * @throws SegmentRuleViolation naming the customer, both dates, scores and segments
   * @throws CrmException if no ranking is set
   */
  public void recencyMonotone(Population population) {
    checkRanking();
    Scored s = score(population);
    if (s == null || recency == Direction.NONE) {
      return;
    }
    RfmModel model = s.result.model();
    for (CustomerAggregate a : s.aggregates.values()) {
      RfmScore before = model.score(a);
      Set<Long> later = new TreeSet<>(List.of(1L, 365L, 3650L));
      for (CutPoint c : model.recencyCuts()) {
        long at = (long) Math.ceil(c.value()) - before.recencyDays();
        for (long d = at - 1; d <= at + 1; d++) {
          if (d > 0) {
            later.add(d);
          }
        }
      }
      for (long d : later) {
        LocalDate when = population.asOf().plusDays(d);
        RfmScore after = model.score(a, when);
        judge("recency monotonicity", "a customer who only got older", recency,
            before.r(), after.r(), s, before, after, "as of " + population.asOf(), "as of " + when);
      }
    }
  }

  /**
   * A customer who only buys more often (more transactions, or purchase days, with the same last
   * purchase and the same monetary measure) never moves against the frequency direction.
   *
   * @throws SegmentRuleViolation naming the customer, both frequencies, scores and segments
   * @throws CrmException if no ranking is set
   */
  public void frequencyMonotone(Population population) {
    checkRanking();
    Scored s = score(population);
    if (s == null || frequency == Direction.NONE) {
      return;
    }
    RfmModel model = s.result.model();
    boolean days = model.frequencyMeasure() == FrequencyMeasure.DISTINCT_DAYS;
    for (CustomerAggregate a : s.aggregates.values()) {
      RfmScore before = model.score(a);
      Set<Long> targets = new TreeSet<>(List.of(before.frequency() + 1L));
      for (CutPoint c : model.frequencyCuts()) {
        long v = (long) Math.floor(c.value());
        targets.add(v);
        targets.add(v + 1);
      }
      for (long f : targets) {
        if (f <= before.frequency() || f > 1_000_000) {
          continue;
        }
        int n = (int) f;
        int transactions = days ? Math.max(a.transactions(), n) : n;
        int purchaseDays = days ? n : a.purchaseDays();
        double total = model.monetaryMeasure() == MonetaryMeasure.MEAN
            ? before.monetary() * transactions : a.total();
        CustomerAggregate more = new CustomerAggregate(a.customer(), a.lastPurchase(), transactions,
            purchaseDays, total);
        RfmScore after = model.score(more);
        if (after.m() != before.m()) {
          continue;
        }
        judge("frequency monotonicity", "a customer who only bought more often", frequency,
            before.f(), after.f(), s, before, after, "as is", "with frequency " + n);
      }
    }
  }

  /**
   * A customer who only spends more (a higher monetary measure, the same purchases otherwise)
   * never moves against the monetary direction.
   *
   * @throws SegmentRuleViolation naming the customer, both amounts, scores and segments
   * @throws CrmException if no ranking is set
   */
  public void monetaryMonotone(Population population) {
    checkRanking();
    Scored s = score(population);
    if (s == null || monetary == Direction.NONE) {
      return;
    }
    RfmModel model = s.result.model();
    boolean mean = model.monetaryMeasure() == MonetaryMeasure.MEAN;
    for (CustomerAggregate a : s.aggregates.values()) {
      RfmScore before = model.score(a);
      Set<Double> targets = new TreeSet<>();
      for (CutPoint c : model.monetaryCuts()) {
        targets.add(c.value());
        targets.add(Math.nextUp(c.value()));
      }
      targets.add(before.monetary() + 1_000_000);
      for (double v : targets) {
        if (!(v > before.monetary()) || !Double.isFinite(v)) {
          continue;
        }
        double total = mean ? v * a.transactions() : v;
        CustomerAggregate richer = new CustomerAggregate(a.customer(), a.lastPurchase(),
            a.transactions(), a.purchaseDays(), total);
        RfmScore after = model.score(richer);
        judge("monetary monotonicity", "a customer who only spent more", monetary,
            before.m(), after.m(), s, before, after, "as is", "spending " + Population.money(v)
                + (mean ? " per purchase" : ""));
      }
    }
  }

  /**
   * Value tiers by cumulative share ({@link ValueTiers#byCumulativeShare}) of each customer's
   * revenue cover the stated shares: the HIGH customers make at least {@code highShare} of the
   * positive revenue, HIGH and MEDIUM at least {@code mediumShare}, and the HIGH tier is the
   * smallest top group that does (without its lowest-revenue customers it falls short).
   *
   * @throws SegmentRuleViolation naming the tier, its customers and the shares
   * @throws CrmException if the shares are not {@code 0 < highShare <= mediumShare <= 1}
   */
  public void tierCoverage(Population population, double highShare, double mediumShare) {
    Map<CustomerId, BigDecimal> revenue = new HashMap<>();
    for (Transaction t : population.transactions()) {
      if (!t.date().isAfter(population.asOf())) {
        revenue.merge(t.customer(), BigDecimal.valueOf(t.amount()), BigDecimal::add);
      }
    }
    Map<CustomerId, Double> values = new HashMap<>();
    revenue.forEach((k, v) -> values.put(k, v.doubleValue()));
    BigDecimal positive = BigDecimal.ZERO;
    for (double v : values.values()) {
      positive = v > 0 ? positive.add(BigDecimal.valueOf(v)) : positive;
    }
    if (positive.signum() <= 0) {
      return;
    }
    Map<CustomerId, ValueTier> tiers = ValueTiers.byCumulativeShare(values, highShare, mediumShare);
    BigDecimal high = BigDecimal.ZERO;
    BigDecimal upToMedium = BigDecimal.ZERO;
    double lowestHigh = Double.POSITIVE_INFINITY;
    List<CustomerId> highIds = new ArrayList<>();
    for (Map.Entry<CustomerId, ValueTier> e : tiers.entrySet()) {
      double v = Objects.requireNonNull(values.get(e.getKey()));
      if (e.getValue() == ValueTier.HIGH) {
        high = high.add(BigDecimal.valueOf(Math.max(v, 0)));
        lowestHigh = Math.min(lowestHigh, v);
        highIds.add(e.getKey());
      }
      if (e.getValue() != ValueTier.LOW) {
        upToMedium = upToMedium.add(BigDecimal.valueOf(Math.max(v, 0)));
      }
    }
    String of = " of the positive revenue " + positive.stripTrailingZeros().toPlainString();
    if (high.compareTo(positive.multiply(BigDecimal.valueOf(highShare))) < 0) {
      throw new SegmentRuleViolation("tier coverage", "the HIGH tier " + highIds + " makes "
          + high.stripTrailingZeros().toPlainString() + of + ", less than the stated share "
          + highShare);
    }
    if (upToMedium.compareTo(positive.multiply(BigDecimal.valueOf(mediumShare))) < 0) {
      throw new SegmentRuleViolation("tier coverage", "the HIGH and MEDIUM tiers make "
          + upToMedium.stripTrailingZeros().toPlainString() + of
          + ", less than the stated share " + mediumShare);
    }
    BigDecimal withoutLowest = BigDecimal.ZERO;
    for (CustomerId id : highIds) {
      double v = Objects.requireNonNull(values.get(id));
      if (v > lowestHigh) {
        withoutLowest = withoutLowest.add(BigDecimal.valueOf(v));
      }
    }
    if (!highIds.isEmpty() && lowestHigh > 0
        && withoutLowest.compareTo(positive.multiply(BigDecimal.valueOf(highShare))) >= 0) {
      throw new SegmentRuleViolation("tier coverage", "the HIGH tier " + highIds + " is not the"
          + " smallest top group: without its customers of revenue " + Population.money(lowestHigh)
          + " it still makes " + withoutLowest.stripTrailingZeros().toPlainString() + of
          + ", at least the stated share " + highShare);
    }
  }

  private void judge(String check, String who, Direction direction, int scoreBefore,
      int scoreAfter, Scored s, RfmScore before, RfmScore after, String beforeLabel,
      String afterLabel) {
    Map<String, String> attributes = s.attributes(before.customer());
    Optional<String> a = rules.segmentOf(before, attributes);
    Optional<String> b = rules.segmentOf(after, attributes);
    if (a.isEmpty() || b.isEmpty() || a.equals(b) || scoreAfter == scoreBefore) {
      return;
    }
    int ra = ranking.indexOf(a.get());
    int rb = ranking.indexOf(b.get());
    boolean improved = scoreAfter > scoreBefore;
    boolean better = rb < ra;
    boolean wrong = direction == Direction.ASCENDING ? better != improved : better == improved;
    if (wrong) {
      throw new SegmentRuleViolation(check, who + " moved to a " + (better ? "better" : "worse")
          + " segment\n  " + s.describe(before) + "\n  " + beforeLabel + ": scores "
          + codes(before) + " → '" + a.get() + "' (rank " + (ra + 1) + " of " + ranking.size()
          + ")\n  " + afterLabel + ": recency " + days(after.recencyDays()) + ", frequency "
          + after.frequency() + ", monetary " + Population.money(after.monetary()) + " → scores "
          + codes(after) + " → '" + b.get() + "' (rank " + (rb + 1) + " of " + ranking.size()
          + ")\n  ranking, best first: " + ranking);
    }
  }

  private boolean declared(List<Integer> matching) {
    for (int x = 0; x < matching.size(); x++) {
      SegmentRule first = rules.rules().get(matching.get(x));
      for (int y = x + 1; y < matching.size(); y++) {
        String later = rules.rules().get(matching.get(y)).segment();
        if (!later.equals(first.segment()) && !first.overrides().contains(later)) {
          return false;
        }
      }
    }
    return true;
  }

  private void checkRanking() {
    if (ranking.isEmpty()) {
      throw new CrmException("monotonicity checks need the ranking of the segments: call"
          + " ranking(...) with " + rules.segments() + " ordered best first");
    }
  }

  static String days(long n) {
    return n + (n == 1 ? " day" : " days");
  }

  static String codes(RfmScore s) {
    return "r" + s.r() + " f" + s.f() + " m" + s.m();
  }

  private @Nullable Scored score(Population population) {
    RfmAggregator aggregator = new RfmAggregator();
    for (Transaction t : population.transactions()) {
      if (!t.date().isAfter(population.asOf())) {
        aggregator.add(t);
      }
    }
    if (aggregator.size() == 0) {
      return null;
    }
    RfmResult result = scorer.score(population.transactions(), population.asOf());
    Map<CustomerId, CustomerAggregate> aggregates = new LinkedHashMap<>();
    aggregator.aggregates().forEach(a -> aggregates.put(a.customer(), a));
    Map<CustomerId, Customer> customers = new HashMap<>();
    population.customers().forEach(c -> customers.put(c.id(), c));
    return new Scored(result, aggregates, customers);
  }

  /** A scored population. */
  private static final class Scored {
    final RfmResult result;
    final Map<CustomerId, CustomerAggregate> aggregates;
    final Map<CustomerId, Customer> customers;

    Scored(RfmResult result, Map<CustomerId, CustomerAggregate> aggregates,
        Map<CustomerId, Customer> customers) {
      this.result = result;
      this.aggregates = aggregates;
      this.customers = customers;
    }

    Map<String, String> attributes(CustomerId id) {
      Customer c = customers.get(id);
      return c == null ? Map.of() : CustomerAttributes.of(c);
    }

    /** "customer c0000001 (organisation, retail, ...): last purchase 2024-12-31, 3 purchases, total 40.5". */
    String describe(RfmScore score) {
      Customer c = customers.get(score.customer());
      CustomerAggregate a = aggregates.get(score.customer());
      return "customer " + (c == null ? score.customer().toString() : Population.describe(c))
          + (a == null ? "" : ": last purchase " + a.lastPurchase() + " (recency "
              + days(score.recencyDays()) + "), " + a.transactions()
              + (a.transactions() == 1 ? " purchase" : " purchases") + " on " + a.purchaseDays()
              + (a.purchaseDays() == 1 ? " day" : " days") + ", total " + Population.money(a.total()))
          + " → scores " + codes(score);
    }
  }
}

package org.crmkit.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerKind;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;

/**
 * Generators of whole customer bases ({@link Population}s): a realistic one from {@link
 * #builder()} (sizes as parameters or engine-drawn, attributes correlated with spend, returns,
 * one-time buyers, whales) and adversarial ones for the inputs that break scoring: equal totals
 * reached by different decimal sums, equal dates, zero and negative totals, a single customer,
 * all-equal values. Every random choice goes through {@link Choices}, so an engine shrinks a
 * failing population to few customers with few, small, simple purchases.
 *
 * <pre>{@code
 * Generator<Population> small = Populations.builder()
 *     .customers(1, 10).transactionsPerCustomer(1, 5)
 *     .period(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
 *     .build();
 * Generator<Population> nasty = Populations.adversarial();
 * }</pre>
 *
 * <p>Stateless; the generators are immutable and thread-safe (each draw gets its own choices).
 */
public final class Populations {
  /** The default first day of the purchase period. */
  public static final LocalDate DEFAULT_FROM = LocalDate.parse("2024-01-01");
  /** The default last day of the purchase period, also the as-of date. */
  public static final LocalDate DEFAULT_TO = LocalDate.parse("2024-12-31");
  /** Territories customers are placed in. */
  public static final List<TerritoryId> TERRITORIES = List.of(TerritoryId.of("berlin"),
      TerritoryId.of("paris"), TerritoryId.of("tokyo"), TerritoryId.of("new-york"),
      TerritoryId.of("sao-paulo"));

  private Populations() {}

  /** A builder of realistic populations with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sizes and shares of a realistic population; not thread-safe. Defaults: 1-20 customers, 1-8
   * transactions per customer, purchases in 2024 scored at 2024-12-31, 30% one-time buyers, 5%
   * whales, 3% returns.
   */
  public static final class Builder {
    private int minCustomers = 1;
    private int maxCustomers = 20;
    private int minTransactions = 1;
    private int maxTransactions = 8;
    private LocalDate from = DEFAULT_FROM;
    private LocalDate to = DEFAULT_TO;
    private double oneTimeShare = 0.3;
    private double whaleShare = 0.05;
    private double returnShare = 0.03;

    private Builder() {}

    /**
     * Exactly {@code count} customers.
     *
     * @throws CrmException if {@code count < 1}
     */
    public Builder customers(int count) {
      return customers(count, count);
    }

    /**
     * Between {@code min} and {@code max} customers, drawn by the engine (shrinks toward min).
     *
     * @throws CrmException unless {@code 1 <= min <= max}
     */
    public Builder customers(int min, int max) {
      checkRange("customers", min, max, 1);
      this.minCustomers = min;
      this.maxCustomers = max;
      return this;
    }

    /**
     * Between {@code min} and {@code max} transactions per customer (one-time buyers have one
     * when {@code min} is 1).
     *
     * @throws CrmException unless {@code 1 <= min <= max}
     */
    public Builder transactionsPerCustomer(int min, int max) {
      checkRange("transactionsPerCustomer", min, max, 1);
      this.minTransactions = min;
      this.maxTransactions = max;
      return this;
    }

    /**
     * Purchases on days in {@code [from, to]}; the population is scored at {@code to}.
     *
     * @throws CrmException if {@code to} is before {@code from}
     */
    public Builder period(LocalDate from, LocalDate to) {
      if (to.isBefore(from)) {
        throw new CrmException("to must not be before from, but was " + to + " < " + from);
      }
      this.from = from;
      this.to = to;
      return this;
    }

    /**
     * The shares of one-time buyers, whales (customers spending 20-100 times the typical level,
     * and buying more often) and returns among transactions.
     *
     * @throws CrmException if a share is not in [0, 1]
     */
    public Builder shares(double oneTime, double whales, double returns) {
      checkShare("oneTime", oneTime);
      checkShare("whales", whales);
      checkShare("returns", returns);
      this.oneTimeShare = oneTime;
      this.whaleShare = whales;
      this.returnShare = returns;
      return this;
    }

    /** The generator. */
    public Generator<Population> build() {
      int minC = minCustomers;
      int maxC = maxCustomers;
      int minT = minTransactions;
      int maxT = maxTransactions;
      long first = from.toEpochDay();
      long last = to.toEpochDay();
      LocalDate asOf = to;
      double oneTime = oneTimeShare;
      double whales = whaleShare;
      double returns = returnShare;
      return c -> {
        int n = c.size(minC, maxC);
        List<Customer> customers = new ArrayList<>(n);
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int index = customers.size();
          c.element(() -> {
            boolean whale = c.bool(whales);
            double level = whale ? 20 + 80 * c.unit()
                : Math.min(20, Math.pow(1 - c.unit(), -1 / 1.5));
            boolean once = minT <= 1 && c.bool(oneTime);
            int count = whale ? c.size(Math.max(minT, (minT + maxT + 1) / 2), maxT)
                : c.size(minT, maxT);     // drawn also for one-time buyers: same choices either way
            int k = once ? 1 : count;
            Customer.Builder b = customer(c, index, level);
            long lastDay = Long.MIN_VALUE;
            for (int j = 0; j < k; j++) {
              Transaction t = c.element(() -> {
                long day = c.longBetween(first, last, last);
                long cents = Math.max(1, Math.round(2000 * level * Math.exp(0.8 * c.gaussian())));
                if (c.bool(returns)) {
                  cents = -Math.max(1, cents / 2);
                }
                return new Transaction(CrmGenerators.customerId(index), LocalDate.ofEpochDay(day),
                    cents / 100.0);
              });
              lastDay = Math.max(lastDay, t.date().toEpochDay());
              txs.add(t);
            }
            b.lifecycleStage(k == 1 ? "new" : lastDay < last - 180 ? "lapsed"
                : k >= 4 ? "repeat" : "active");
            customers.add(b.build());
            return b;
          });
        }
        return new Population(customers, txs, asOf);
      };
    }
  }

  /**
   * A customer with attributes correlated with its spend level (1 typical, up to 100 for a
   * whale): bigger spenders are more often organisations of a bigger size band with premium
   * needs.
   */
  static Customer.Builder customer(Choices c, int index, double level) {
    boolean individual = c.bool(level > 10 ? 0.05 : 0.35);
    Customer.Builder b = Customer.builder().id(CrmGenerators.customerId(index))
        .name("Customer " + index)
        .kind(individual ? CustomerKind.INDIVIDUAL : CustomerKind.ORGANISATION)
        .territory(c.pick(TERRITORIES));
    // drawn for individuals too, so that both kinds make the same number of choices and a
    // shrinker may turn one into the other
    String industry = c.pick(CrmGenerators.INDUSTRIES);
    int band = (int) Math.round(Math.log(level) / Math.log(20) * 4) + c.intBetween(-1, 1);
    if (!individual) {
      b.industry(industry);
      b.sizeBand(SizeBand.values()[Math.max(0, Math.min(4, band))]);
    }
    boolean premium = c.bool(Math.min(0.9, level / 20));
    String need = c.pick(List.of("price", "support", "custom"));
    b.putAttributes("needs", premium ? "premium" : need);
    return b;
  }

  /**
   * Customers whose totals are equal as decimals but reached by different sums (one purchase of
   * the total, or two to four parts that may include a return), plus up to three customers with
   * other totals: in floating point the sums may differ in the last bit, so scores that depend on
   * summation order split the tie.
   */
  public static Generator<Population> tiedTotals() {
    return c -> {
      long total = c.longBetween(1, 100_000, 60);
      int tied = c.size(2, 6);
      int others = c.size(0, 3);
      List<Customer> customers = new ArrayList<>();
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < tied + others; i++) {
        customers.add(customer(c, i, 1).lifecycleStage("active").build());
        if (i >= tied) {
          txs.add(purchase(c, i, c.longBetween(1, 100_000, 1)));
          continue;
        }
        int parts = c.size(1, 4);
        long rest = total;
        for (int p = 1; p < parts; p++) {
          long cents = c.longBetween(1, 99_999, 10);
          txs.add(purchase(c, i, cents));
          rest -= cents;
        }
        txs.add(purchase(c, i, rest));
      }
      return new Population(customers, txs, DEFAULT_TO);
    };
  }

  /** Every purchase on one day (so recency ties everywhere); 1-8 customers, 1-4 purchases each. */
  public static Generator<Population> equalDates() {
    return c -> {
      LocalDate day = LocalDate.ofEpochDay(
          c.longBetween(DEFAULT_FROM.toEpochDay(), DEFAULT_TO.toEpochDay(), DEFAULT_TO.toEpochDay()));
      int n = c.size(1, 8);
      List<Customer> customers = new ArrayList<>();
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        customers.add(customer(c, i, 1).lifecycleStage("active").build());
        int k = c.size(1, 4);
        for (int j = 0; j < k; j++) {
          txs.add(new Transaction(CrmGenerators.customerId(i), day,
              c.longBetween(1, 100_000, 100) / 100.0));
        }
      }
      return new Population(customers, txs, DEFAULT_TO);
    };
  }

  /**
   * Customers whose totals are zero (a purchase and its full return), negative (returns beyond
   * purchases) or positive, mixed; 1-8 customers.
   */
  public static Generator<Population> zeroAndNegativeTotals() {
    return c -> {
      int n = c.size(1, 8);
      List<Customer> customers = new ArrayList<>();
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        customers.add(customer(c, i, 1).lifecycleStage("active").build());
        long cents = c.longBetween(1, 100_000, 100);
        int shape = c.intBetween(0, 2);
        txs.add(purchase(c, i, shape == 1 ? -cents : cents));
        if (shape == 0) {
          txs.add(purchase(c, i, -cents));                            // total exactly zero
        } else if (shape == 1 && c.bool(0.5)) {
          txs.add(purchase(c, i, c.longBetween(1, cents, 1) - cents)); // still negative
        }
      }
      return new Population(customers, txs, DEFAULT_TO);
    };
  }

  /** A population of one customer with 1-6 purchases. */
  public static Generator<Population> singleCustomer() {
    return c -> {
      List<Transaction> txs = new ArrayList<>();
      int k = c.size(1, 6);
      for (int j = 0; j < k; j++) {
        txs.add(purchase(c, 0, c.longBetween(-10_000, 100_000, 100)));
      }
      return new Population(List.of(customer(c, 0, 1).lifecycleStage("active").build()), txs,
          DEFAULT_TO);
    };
  }

  /** 1-8 customers with identical purchases: the same count, day and amount each. */
  public static Generator<Population> allEqual() {
    return c -> {
      int n = c.size(1, 8);
      int k = c.size(1, 4);
      LocalDate day = LocalDate.ofEpochDay(
          c.longBetween(DEFAULT_FROM.toEpochDay(), DEFAULT_TO.toEpochDay(), DEFAULT_TO.toEpochDay()));
      double amount = c.longBetween(-10_000, 100_000, 100) / 100.0;
      List<Customer> customers = new ArrayList<>();
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        customers.add(customer(c, i, 1).lifecycleStage("active").build());
        for (int j = 0; j < k; j++) {
          txs.add(new Transaction(CrmGenerators.customerId(i), day, amount));
        }
      }
      return new Population(customers, txs, DEFAULT_TO);
    };
  }

  /** One of the five adversarial shapes above, chosen by the engine (shrinks toward tied totals). */
  public static Generator<Population> adversarial() {
    List<Generator<Population>> shapes =
        List.of(tiedTotals(), equalDates(), zeroAndNegativeTotals(), singleCustomer(), allEqual());
    return c -> c.pick(shapes).draw(c);
  }

  private static Transaction purchase(Choices c, int customer, long cents) {
    LocalDate day = LocalDate.ofEpochDay(
        c.longBetween(DEFAULT_FROM.toEpochDay(), DEFAULT_TO.toEpochDay(), DEFAULT_TO.toEpochDay()));
    return new Transaction(CrmGenerators.customerId(customer), day, cents / 100.0);
  }

  private static void checkRange(String name, int min, int max, int lowest) {
    if (min < lowest || min > max) {
      throw new CrmException(name + " must satisfy " + lowest + " <= min <= max, but were "
          + min + " and " + max);
    }
  }

  private static void checkShare(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new CrmException(name + " share must be in [0, 1], but was " + share);
    }
  }
}

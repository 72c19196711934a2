package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;

/**
 * Incremental per-customer aggregates ({@link CustomerAggregate}): each {@link #add(Transaction)}
 * updates one customer in expected O(1) time, in any date order. Totals are exact: each amount is
 * read as the shortest decimal its double stands for, summed without rounding, and rounded to a
 * double once when an aggregate is read, so they never depend on the order of the transactions. Mutable and not thread-safe:
 * confine it to one thread or synchronise externally.
 *
 * <pre>{@code
 * RfmAggregator agg = new RfmAggregator();
 * agg.add(Transaction.of("c1", LocalDate.parse("1998-06-01"), 10.0));
 * CustomerAggregate c1 = agg.get(CustomerId.of("c1")).orElseThrow();
 * }</pre>
 */
public final class RfmAggregator {
  private final Map<CustomerId, State> states = new HashMap<>();

  private static final class State {
    long lastDay = Long.MIN_VALUE;
    int transactions;
    final MoneySum total = new MoneySum();
    final Set<Long> days = new HashSet<>(4);
  }

  /** An empty aggregator. */
  public RfmAggregator() {}

  /**
   * Adds one transaction to its customer's aggregate. Expected O(1).
   *
   * @return this
   * @throws org.crmkit.core.CrmException if {@code transaction} is null
   */
  public RfmAggregator add(Transaction transaction) {
    Checks.present("transaction", transaction);
    State s = states.computeIfAbsent(transaction.customer(), k -> new State());
    long day = transaction.date().toEpochDay();
    s.transactions++;
    s.total.add(transaction.amount());
    s.lastDay = Math.max(s.lastDay, day);
    s.days.add(day);
    return this;
  }

  /** Adds every transaction; O(size). */
  public RfmAggregator addAll(Iterable<Transaction> transactions) {
    for (Transaction t : transactions) {
      add(t);
    }
    return this;
  }

  /**
   * The current aggregate of {@code customer}, if it has any transaction.
   *
   * @throws CrmException if the customer's exact total is beyond the range of a double
   */
  public Optional<CustomerAggregate> get(CustomerId customer) {
    State s = states.get(customer);
    return s == null ? Optional.empty() : Optional.of(toAggregate(customer, s));
  }

  /**
   * Every aggregate, sorted by customer id; a new unmodifiable list. O(C log C).
   *
   * @throws CrmException if a customer's exact total is beyond the range of a double
   */
  public List<CustomerAggregate> aggregates() {
    List<CustomerAggregate> out = new ArrayList<>(states.size());
    states.forEach((id, s) -> out.add(toAggregate(id, s)));
    out.sort((a, b) -> a.customer().compareTo(b.customer()));
    return List.copyOf(out);
  }

  /** The number of customers seen. */
  public int size() {
    return states.size();
  }

  private static CustomerAggregate toAggregate(CustomerId id, State s) {
    double total = s.total.toDouble();
    if (!Double.isFinite(total)) {
      throw new CrmException("the total of customer '" + id + "' is " + s.total.exact()
          + ", beyond the range of a double (about ±1.8E308)");
    }
    return new CustomerAggregate(id, LocalDate.ofEpochDay(s.lastDay), s.transactions,
        s.days.size(), total);
  }
}

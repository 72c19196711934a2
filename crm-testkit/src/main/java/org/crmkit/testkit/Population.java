package org.crmkit.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;

/**
 * A generated customer base: customers, their transactions and the as-of date to score them at.
 * Its {@link #toString()} describes it in domain words (one line per customer with its attributes
 * and purchases), which is what a failing property reports. Immutable; the lists are unmodifiable.
 *
 * <pre>{@code
 * Population p = Populations.builder().customers(2, 5).build().sample(7);
 * RfmResult scores = RfmScorer.defaults().score(p.transactions(), p.asOf());
 * }</pre>
 *
 * @param customers the customers, ids unique
 * @param transactions their purchases and returns, in input order (which scoring must ignore)
 * @param asOf the day to score at
 */
public record Population(List<Customer> customers, List<Transaction> transactions, LocalDate asOf) {

  /**
   * Creates a population.
   *
   * @throws CrmException if a customer id repeats or a transaction names an unknown customer
   */
  public Population {
    customers = List.copyOf(customers);
    transactions = List.copyOf(transactions);
    Set<CustomerId> ids = new HashSet<>();
    for (Customer c : customers) {
      if (!ids.add(c.id())) {
        throw new CrmException("customer '" + c.id() + "' appears twice in the population");
      }
    }
    for (int i = 0; i < transactions.size(); i++) {
      if (!ids.contains(transactions.get(i).customer())) {
        throw new CrmException("transactions[" + i + "] names customer '"
            + transactions.get(i).customer() + "', who is not in the population");
      }
    }
  }

  /** The same customers and as-of date with other transactions (e.g. a permutation). */
  public Population withTransactions(List<Transaction> other) {
    return new Population(customers, other, asOf);
  }

  /** The customer with id {@code id}, if present. O(customers). */
  public Optional<Customer> customer(CustomerId id) {
    return customers.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The transactions of {@code id}, in input order. O(transactions). */
  public List<Transaction> transactionsOf(CustomerId id) {
    return transactions.stream().filter(t -> t.customer().equals(id)).toList();
  }

  /** At most this many customers are listed by {@link #toString()}. */
  static final int LISTED = 12;

  /**
   * "2 customers, 3 transactions, as of 2024-12-31:" and one line per customer (at most 12): id,
   * attributes, then each purchase as {@code day amount}.
   */
  @Override
  public String toString() {
    Map<CustomerId, List<Transaction>> byCustomer = new LinkedHashMap<>();
    customers.forEach(c -> byCustomer.put(c.id(), new ArrayList<>()));
    transactions.forEach(t -> byCustomer.computeIfAbsent(t.customer(), k -> new ArrayList<>()).add(t));
    StringBuilder sb = new StringBuilder();
    sb.append(customers.size()).append(customers.size() == 1 ? " customer, " : " customers, ")
        .append(transactions.size()).append(transactions.size() == 1 ? " transaction" : " transactions")
        .append(", as of ").append(asOf).append(':');
    int listed = 0;
    for (Customer c : customers) {
      if (listed++ == LISTED) {
        sb.append("\n  ... and ").append(customers.size() - LISTED).append(" more customers");
        break;
      }
      sb.append("\n  ").append(describe(c)).append(": ");
      List<Transaction> own = byCustomer.getOrDefault(c.id(), List.of());
      if (own.isEmpty()) {
        sb.append("no purchase");
      }
      for (int i = 0; i < own.size(); i++) {
        Transaction t = own.get(i);
        sb.append(i == 0 ? "" : ", ").append(t.date()).append(' ').append(money(t.amount()));
      }
    }
    return sb.toString();
  }

  /** "c0000001 (organisation, retail, SMALL, berlin, active)". */
  static String describe(Customer c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.kind().name().toLowerCase(Locale.ROOT));
    c.industry().ifPresent(parts::add);
    c.sizeBand().ifPresent(b -> parts.add(b.name()));
    c.territory().ifPresent(t -> parts.add(t.value()));
    c.lifecycleStage().ifPresent(parts::add);
    Map<String, String> sorted = new TreeMap<>(c.attributes());
    sorted.forEach((k, v) -> parts.add(k + "=" + v));
    return c.id() + " (" + String.join(", ", parts) + ")";
  }

  /** An amount as its shortest decimal, e.g. {@code 12.5} or {@code -3.07}. */
  static String money(double amount) {
    return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
  }
}

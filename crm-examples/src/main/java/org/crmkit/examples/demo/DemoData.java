package org.crmkit.examples.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.hierarchy.Hierarchies;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.CustomerKind;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.User;
import org.crmkit.testkit.company.SampleCompany;
import org.crmkit.testkit.company.SampleCompanyGenerator;

/** The data the demo runs on: a generated company, or the CDNOW log on a generated organisation. */
final class DemoData {
  final SampleCompany company;
  final List<Customer> customers;
  final List<Transaction> transactions;
  final Map<CustomerId, Double> revenue;
  final String source;

  private DemoData(SampleCompany company, List<Customer> customers, List<Transaction> transactions,
      String source) {
    this.company = company;
    this.customers = customers;
    this.transactions = transactions;
    this.source = source;
    this.revenue = new HashMap<>();
    for (Transaction t : transactions) {
      revenue.merge(t.customer(), t.amount(), Double::sum);
    }
  }

  static DemoData generated(long seed, int customers) {
    SampleCompany c = SampleCompanyGenerator.withSeed(seed).customers(customers).generate();
    return new DemoData(c, c.customers(), c.transactions(),
        "generated sample company (seed " + seed + ")");
  }

  /** CDNOW's customers and purchases, spread deterministically over a generated organisation. */
  static DemoData cdnow(long seed, List<Transaction> transactions) {
    SampleCompany c = SampleCompanyGenerator.withSeed(seed).customers(10).generate();
    List<TerritoryId> cities = c.territoryHierarchy().leaves();
    Map<TerritoryId, List<User>> repsByRegion = new HashMap<>();
    for (User u : c.users()) {
      if (u.roles().contains(SampleCompanyGenerator.SALES_REP)) {
        for (TerritoryId t : u.territories()) {
          repsByRegion.computeIfAbsent(region(c, t), k -> new ArrayList<>()).add(u);
        }
      }
    }
    Map<CustomerId, LocalDate> first = new LinkedHashMap<>();
    transactions.forEach(t -> first.merge(t.customer(), t.date(), (a, b) -> a.isBefore(b) ? a : b));
    List<Customer> customers = new ArrayList<>(first.size());
    int i = 0;
    for (CustomerId id : first.keySet()) {
      TerritoryId city = cities.get(Math.floorMod(id.hashCode() * 31 + i, cities.size()));
      List<User> reps = repsByRegion.get(region(c, city));
      User owner = reps.get(Math.floorMod(id.hashCode(), reps.size()));
      customers.add(Customer.builder().id(id).name("CDNOW customer " + id.value().substring(6))
          .kind(CustomerKind.INDIVIDUAL).territory(city).owner(owner.id()).orgUnit(owner.orgUnit())
          .lifecycleStage("closed-deal").build());
      i++;
    }
    SampleCompany withCustomers = new SampleCompany(c.territories(), c.territoryHierarchy(),
        c.orgUnits(), c.orgHierarchy(), c.users(), c.productLines(), c.productLineHierarchy(),
        List.copyOf(customers), Hierarchies.ofAccounts(customers), List.copyOf(transactions),
        Map.of(), transactions.stream().map(Transaction::date).min(LocalDate::compareTo).orElseThrow(),
        transactions.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow());
    return new DemoData(withCustomers, withCustomers.customers(), transactions,
        "CDNOW master log (" + customers.size() + " customers)");
  }

  private static TerritoryId region(SampleCompany c, TerritoryId city) {
    List<TerritoryId> up = c.territoryHierarchy().ancestors(city);
    return up.size() >= 2 ? up.get(up.size() - 2) : city;
  }
}

package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

class PopulationsTest {

  @Test
  void attributesFollowSpendWithOneTimeBuyersWhalesAndReturns() {
    Generator<Population> g = Populations.builder().customers(200).transactionsPerCustomer(1, 8)
        .shares(0.3, 0.05, 0.03).build();
    Map<SizeBand, double[]> spendByBand = new HashMap<>();
    int oneTime = 0;
    int customers = 0;
    int returns = 0;
    double top = 0;
    double all = 0;
    for (long seed = 0; seed < 10; seed++) {
      Population p = g.sample(seed);
      Map<CustomerId, Double> spend = new HashMap<>();
      for (Transaction t : p.transactions()) {
        spend.merge(t.customer(), t.amount(), Double::sum);
        returns += t.amount() < 0 ? 1 : 0;
      }
      for (Customer c : p.customers()) {
        customers++;
        oneTime += p.transactionsOf(c.id()).size() == 1 ? 1 : 0;
        c.sizeBand().ifPresent(b -> {
          double[] acc = spendByBand.computeIfAbsent(b, k -> new double[2]);
          acc[0] += spend.get(c.id());
          acc[1]++;
        });
      }
      double[] sorted = spend.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      for (int i = 0; i < sorted.length; i++) {
        all += sorted[i];
        top += i >= sorted.length * 9 / 10 ? sorted[i] : 0;
      }
    }
    double micro = spendByBand.get(SizeBand.MICRO)[0] / spendByBand.get(SizeBand.MICRO)[1];
    double enterprise = spendByBand.get(SizeBand.ENTERPRISE)[0] / spendByBand.get(SizeBand.ENTERPRISE)[1];
    assertThat(enterprise).as("mean spend of ENTERPRISE vs MICRO").isGreaterThan(5 * micro);
    assertThat(oneTime / (double) customers).as("one-time buyers").isBetween(0.3, 0.5);
    assertThat(top / all).as("share of the top 10%% (whales)").isGreaterThan(0.4);
    assertThat(returns).isPositive();
  }

  @Test
  void populationsDescribeThemselvesInDomainWords() {
    Population p = new Population(List.of(
        Customer.builder().id(CustomerId.of("ann")).name("Ann").industry("retail")
            .sizeBand(SizeBand.SMALL).putAttributes("needs", "price").build()),
        List.of(Transaction.of("ann", Populations.DEFAULT_TO, 12.5),
            Transaction.of("ann", Populations.DEFAULT_TO.minusDays(1), -3.07)),
        Populations.DEFAULT_TO);
    assertThat(p).hasToString("""
        1 customer, 2 transactions, as of 2024-12-31:
          ann (organisation, retail, SMALL, needs=price): 2024-12-31 12.5, 2024-12-30 -3.07""");
    assertThat(p.withTransactions(List.of()).transactions()).isEmpty();
  }

  @Test
  void badPopulationsAndSizesAreRejected() {
    Customer ann = Customer.builder().id(CustomerId.of("ann")).name("Ann").build();
    assertThatThrownBy(() -> new Population(List.of(ann, ann), List.of(), Populations.DEFAULT_TO))
        .isInstanceOf(CrmException.class).hasMessage("customer 'ann' appears twice in the population");
    assertThatThrownBy(() -> new Population(List.of(ann),
        List.of(Transaction.of("bob", Populations.DEFAULT_TO, 1)), Populations.DEFAULT_TO))
        .hasMessage("transactions[0] names customer 'bob', who is not in the population");
    assertThatThrownBy(() -> Populations.builder().customers(0, 3))
        .hasMessage("customers must satisfy 1 <= min <= max, but were 0 and 3");
    assertThatThrownBy(() -> Populations.builder().shares(0.3, 1.5, 0))
        .hasMessage("whales share must be in [0, 1], but was 1.5");
    assertThatThrownBy(() -> Choices.seeded(1).pick(List.of()))
        .hasMessage("pick needs at least one option, but the list was empty");
    assertThatThrownBy(() -> Choices.seeded(1).longBetween(3, 2))
        .hasMessage("min must be <= max, but was 3 > 2");
  }
}

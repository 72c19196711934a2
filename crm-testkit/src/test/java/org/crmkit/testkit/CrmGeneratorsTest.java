package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;

class CrmGeneratorsTest {
  static final LocalDate FROM = LocalDate.parse("2024-01-01");
  static final LocalDate TO = LocalDate.parse("2024-12-31");

  @Test
  void sameSeedSameValues() {
    assertThat(CrmGenerators.transactions(50, 500, FROM, TO).sample(1))
        .isEqualTo(CrmGenerators.transactions(50, 500, FROM, TO).sample(1));
    List<Customer> a = CrmGenerators.customers(30).sample(5);
    assertThat(a).isEqualTo(CrmGenerators.customers(30).sample(5));
    assertThat(a).extracting(Customer::id).doesNotHaveDuplicates();
  }

  @Test
  void transactionsAreSkewedManySmallFewLarge() {
    List<Transaction> txs = CrmGenerators.transactions(2_000, 20_000, FROM, TO)
        .sample(3);
    assertThat(txs).hasSize(20_000);
    Map<CustomerId, Double> revenue = new TreeMap<>();
    Map<CustomerId, Integer> count = new TreeMap<>();
    for (Transaction t : txs) {
      revenue.merge(t.customer(), t.amount(), Double::sum);
      count.merge(t.customer(), 1, Integer::sum);
      assertThat(t.date()).isBetween(FROM, TO);
    }
    assertThat(revenue).hasSize(2_000);
    double[] sorted = revenue.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double total = Arrays.stream(sorted).sum();
    double top10 = Arrays.stream(sorted, 1_800, 2_000).sum();
    assertThat(top10 / total).as("share of the top 10%% customers").isGreaterThan(0.4);
    long oneTime = count.values().stream().filter(c -> c <= 2).count();
    assertThat(oneTime).as("customers with at most two purchases").isGreaterThan(700);
    assertThat(txs.stream().filter(t -> t.amount() < 0)).isNotEmpty();
  }

  @Test
  void partitionRuleSetsArePartitionsAndArbitraryOnesMayNotBe() {
    qt().withExamples(300).forAll(QuickTheoriesGens.of(CrmGenerators.partitionRuleSets(4)))
        .check(rules -> rules.analysis().isPartition() && rules.tiles() == 4);
    long nonPartitions = new SplittableRandom(9).longs(200)
        .mapToObj(seed -> CrmGenerators.segmentRuleSets(5).sample(seed))
        .filter(r -> !r.analysis().isPartition()).count();
    assertThat(nonPartitions).isPositive();
  }

  @Test
  void territoriesHaveFourLevels() {
    Hierarchy<TerritoryId> h = CrmGenerators.territories().sample(2);
    assertThat(h.roots()).containsExactly(TerritoryId.of("global"));
    for (TerritoryId t : h.nodes()) {
      assertThat(h.level(t).orElseThrow())
          .isEqualTo(List.of("global", "region", "country", "city").get(h.depth(t)));
    }
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> CrmGenerators.transactionColumns(10, 5, FROM, TO))
        .hasMessageContaining("transactions must be >= customers");
    assertThatThrownBy(() -> CrmGenerators.transactionColumns(1, 5, TO, FROM))
        .hasMessageContaining("to must not be before from");
    assertThatThrownBy(() -> CrmGenerators.partitionRuleSets(1)).hasMessageContaining("tiles");
    SegmentRules unused = CrmGenerators.segmentRuleSets(3).sample(0);
    assertThat(unused.tiles()).isEqualTo(3);
  }
}

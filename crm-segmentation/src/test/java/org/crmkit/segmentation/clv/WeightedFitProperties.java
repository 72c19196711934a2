package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A fit depends only on the distinct summaries and their total weights: shuffling the customers
 * and grouping them into weighted rows (whole, split or merged in any way) gives the same
 * parameters, bit for bit, for BG/NBD and Gamma-Gamma, over random populations. QuickTheories
 * prints the seed of a failure.
 */
class WeightedFitProperties {

  /** n customers with whole-day times in weeks, about half of them repeat buyers with spend. */
  static List<CustomerSummary> population(Random rnd, int n) {
    List<CustomerSummary> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int bigT = 7 + rnd.nextInt(60);
      int x = rnd.nextInt(2) == 0 ? 1 + rnd.nextInt(6) : 0;
      int tx = x == 0 ? 0 : 1 + rnd.nextInt(bigT);
      double spend = x == 0 ? 0 : 5 + rnd.nextInt(40) + rnd.nextInt(4) * 0.25;
      out.add(CustomerSummary.of("c" + i, x, tx / 7.0, bigT / 7.0, spend));
    }
    return out;
  }

  /** The same customers shuffled and grouped into rows of random weights. */
  static WeightedSummaries regrouped(List<CustomerSummary> customers, Random rnd) {
    Map<List<Double>, Integer> counts = new LinkedHashMap<>();
    for (CustomerSummary c : customers) {
      counts.merge(List.of((double) c.repeatPurchases(), c.recency(), c.age(), c.meanRepeatSpend()), 1,
          Integer::sum);
    }
    List<Map.Entry<List<Double>, Integer>> entries = new ArrayList<>(counts.entrySet());
    Collections.shuffle(entries, rnd);
    WeightedSummaries.Builder b = WeightedSummaries.builder();
    for (Map.Entry<List<Double>, Integer> e : entries) {
      List<Double> k = e.getKey();
      CustomerSummary c = CustomerSummary.of("g", k.get(0).intValue(), k.get(1), k.get(2), k.get(3));
      int left = e.getValue();
      while (left > 0) {
        int part = 1 + rnd.nextInt(left);
        b.add(c, part);
        left -= part;
      }
    }
    return b.build();
  }

  @Test
  void fitsAreInvariantUnderOrderAndGrouping() {
    qt().withExamples(15).forAll(longs().all(), integers().between(60, 300)).checkAssert((seed, n) -> {
      Random rnd = new Random(seed);
      List<CustomerSummary> customers = population(rnd, n);
      List<CustomerSummary> shuffled = new ArrayList<>(customers);
      Collections.shuffle(shuffled, rnd);
      WeightedSummaries grouped = regrouped(customers, rnd);
      PurchaseFit a = PurchaseModelKind.BG_NBD.fit(WeightedSummaries.of(customers));
      PurchaseFit b = PurchaseModelKind.BG_NBD.fit(WeightedSummaries.of(shuffled));
      PurchaseFit c = PurchaseModelKind.BG_NBD.fit(grouped);
      assertThat(b).isEqualTo(a);
      assertThat(c).isEqualTo(a);
      GammaGammaFit g = GammaGamma.fit(customers);
      assertThat(GammaGamma.fit(shuffled)).isEqualTo(g);
      assertThat(GammaGamma.fit(grouped)).isEqualTo(g);
    });
  }
}

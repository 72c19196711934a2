package org.crmkit.segmentation.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.crmkit.core.model.CustomerId;
import org.junit.jupiter.api.Test;

class ValueTiersProperties {

  static Map<CustomerId, Double> values(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 1 + rnd.nextInt(80);
    Map<CustomerId, Double> v = new HashMap<>();
    for (int i = 0; i < n; i++) {
      v.put(CustomerId.of("c" + i), (double) (rnd.nextInt(12) - 1) * (rnd.nextBoolean() ? 1 : 10));
    }
    v.put(CustomerId.of("anchor"), 1.0);
    return v;
  }

  @Test
  void tiersAreMonotoneAndGiveEqualValuesEqualTiers() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Map<CustomerId, Double> v = values(seed);
      for (Map<CustomerId, ValueTier> tiers : java.util.List.of(
          ValueTiers.byCumulativeShare(v, 0.8, 0.95), ValueTiers.byQuantiles(v, 0.2, 0.5),
          ValueTiers.byThresholds(v, 50, 5))) {
        assertThat(tiers.keySet()).isEqualTo(v.keySet());
        v.forEach((a, va) -> v.forEach((b, vb) -> {
          if (va > vb) {
            assertThat(tiers.get(a).compareTo(tiers.get(b))).as("seed %s", seed).isLessThanOrEqualTo(0);
          }
          if (va.equals(vb)) {
            assertThat(tiers.get(a)).as("seed %s", seed).isEqualTo(tiers.get(b));
          }
        }));
      }
    });
  }

  @Test
  void highTierOfCumulativeShareReachesTheShare() {
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      Map<CustomerId, Double> v = values(seed);
      Map<CustomerId, ValueTier> tiers = ValueTiers.byCumulativeShare(v, 0.8, 0.95);
      double total = v.values().stream().mapToDouble(d -> Math.max(d, 0)).sum();
      double high = v.entrySet().stream().filter(e -> tiers.get(e.getKey()) == ValueTier.HIGH)
          .mapToDouble(Map.Entry::getValue).sum();
      assertThat(high).as("seed %s", seed).isGreaterThanOrEqualTo(0.8 * total - 1e-9);
    });
  }
}

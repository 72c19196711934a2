package org.crmkit.segmentation.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.rfm.RfmScore;
import org.junit.jupiter.api.Test;

class ValueTiersTest {
  static CustomerId id(String s) {
    return CustomerId.of(s);
  }

  @Test
  void cumulativeShareTakesTheSmallestTopGroupReachingTheShare() {
    // total 100: a=50, b=30 (a+b = 80%), c=10, d=5, e=5, f=-3 (a return)
    Map<CustomerId, Double> revenue = Map.of(id("a"), 50.0, id("b"), 30.0, id("c"), 10.0,
        id("d"), 5.0, id("e"), 5.0, id("f"), -3.0);
    Map<CustomerId, ValueTier> tiers = ValueTiers.byCumulativeShare(revenue, 0.8, 0.95);
    assertThat(tiers).containsEntry(id("a"), ValueTier.HIGH).containsEntry(id("b"), ValueTier.HIGH)
        .containsEntry(id("c"), ValueTier.MEDIUM)
        // d and e tie: both have 90% above them → MEDIUM together
        .containsEntry(id("d"), ValueTier.MEDIUM).containsEntry(id("e"), ValueTier.MEDIUM)
        .containsEntry(id("f"), ValueTier.LOW);
    assertThat(ValueTiers.counts(tiers)).containsExactly(Map.entry(ValueTier.HIGH, 2),
        Map.entry(ValueTier.MEDIUM, 3), Map.entry(ValueTier.LOW, 1));
    assertThat(tiers.keySet()).containsExactly(id("a"), id("b"), id("c"), id("d"), id("e"), id("f"));
  }

  @Test
  void thresholdsAndQuantiles() {
    Map<CustomerId, Double> v = new HashMap<>();
    for (int i = 1; i <= 10; i++) {
      v.put(id(String.format("c%02d", i)), (double) i);
    }
    Map<CustomerId, ValueTier> byThreshold = ValueTiers.byThresholds(v, 8, 4);
    assertThat(ValueTiers.counts(byThreshold).values()).containsExactly(3, 4, 3);
    Map<CustomerId, ValueTier> byQuantile = ValueTiers.byQuantiles(v, 0.2, 0.5);
    assertThat(byQuantile.get(id("c10"))).isEqualTo(ValueTier.HIGH);
    assertThat(byQuantile.get(id("c09"))).isEqualTo(ValueTier.HIGH);
    assertThat(byQuantile.get(id("c08"))).isEqualTo(ValueTier.MEDIUM);
    assertThat(byQuantile.get(id("c06"))).isEqualTo(ValueTier.MEDIUM);
    assertThat(byQuantile.get(id("c05"))).isEqualTo(ValueTier.LOW);
  }

  @Test
  void scoreTotalsTierRfmScores() {
    List<RfmScore> scores = List.of(new RfmScore(id("a"), 1, 9, 900, 5, 5, 5),
        new RfmScore(id("b"), 300, 1, 10, 1, 1, 2));
    Map<CustomerId, ValueTier> tiers = ValueTiers.byThresholds(ValueTiers.scoreTotals(scores), 12, 6);
    assertThat(tiers).containsEntry(id("a"), ValueTier.HIGH).containsEntry(id("b"), ValueTier.LOW);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> ValueTiers.byCumulativeShare(Map.of(id("a"), Double.NaN), 0.8, 0.95))
        .hasMessageContaining("values must be finite numbers, but found 1: [a=NaN]");
    assertThatThrownBy(() -> ValueTiers.byCumulativeShare(Map.of(id("a"), -1.0), 0.8, 0.95))
        .hasMessageContaining("need at least one positive value");
    assertThatThrownBy(() -> ValueTiers.byCumulativeShare(Map.of(id("a"), 1.0), 0.9, 0.8))
        .hasMessageContaining("0 < highShare <= mediumShare <= 1");
    assertThatThrownBy(() -> ValueTiers.byThresholds(Map.of(id("a"), 1.0), 1, 2))
        .hasMessageContaining("mediumAtLeast <= highAtLeast");
    assertThatThrownBy(() -> ValueTiers.byQuantiles(Map.of(id("a"), 1.0), -0.1, 2))
        .hasMessageContaining("0 <= highFraction");
  }

  @Test
  void dealSizeTiers() {
    DealSizeTiers deals = DealSizeTiers.of(10_000, 1_000);
    assertThat(deals.tierOf(25_000)).isEqualTo(DealSize.BIG);
    assertThat(deals.tierOf(10_000)).isEqualTo(DealSize.BIG);
    assertThat(deals.tierOf(1_000)).isEqualTo(DealSize.MEDIUM);
    assertThat(deals.tierOf(999.99)).isEqualTo(DealSize.SMALL);
    assertThatThrownBy(() -> DealSizeTiers.of(100, 1000)).hasMessageContaining("must be <= the big");
    assertThatThrownBy(() -> deals.tierOf(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
  }

  @Test
  void cumulativeSharesAreExactWhateverTheMapOrder() {
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in doubles, 0.3 + 0.2 + 0.1 is 0.6: summed in map
    // order, b's share above (0.3 of 0.6, exactly one half) fell below 0.5 in one order only
    Map<CustomerId, Double> ascending = new java.util.LinkedHashMap<>();
    ascending.put(CustomerId.of("c"), 0.1);
    ascending.put(CustomerId.of("b"), 0.2);
    ascending.put(CustomerId.of("a"), 0.3);
    Map<CustomerId, Double> descending = new java.util.LinkedHashMap<>();
    descending.put(CustomerId.of("a"), 0.3);
    descending.put(CustomerId.of("b"), 0.2);
    descending.put(CustomerId.of("c"), 0.1);
    Map<CustomerId, ValueTier> expected = Map.of(CustomerId.of("a"), ValueTier.HIGH,
        CustomerId.of("b"), ValueTier.MEDIUM, CustomerId.of("c"), ValueTier.MEDIUM);
    assertThat(ValueTiers.byCumulativeShare(ascending, 0.5, 0.95)).isEqualTo(expected);
    assertThat(ValueTiers.byCumulativeShare(descending, 0.5, 0.95)).isEqualTo(expected);
  }
}

package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.json.RfmModelJson;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.segmentation.tiers.ValueTier;
import org.crmkit.segmentation.tiers.ValueTiers;
import org.junit.jupiter.api.Test;

/** The examples of the README section "Segmentation", compiled and run. */
class SegmentationExamplesTest {

  @Test
  void segmentation() {
    List<Transaction> transactions = List.of(
        Transaction.of("ann", LocalDate.parse("1998-06-28"), 120.0),
        Transaction.of("ann", LocalDate.parse("1998-05-02"), 80.0),
        Transaction.of("bob", LocalDate.parse("1997-11-15"), 15.0),
        Transaction.of("cid", LocalDate.parse("1998-03-09"), 42.5));
    // README-segmentation-start
    RfmResult result = RfmScorer.builder()
        .tiles(5).ties(TiePolicy.TIES_SHARE)                  // equal values, equal scores
        .build()
        .score(transactions, LocalDate.parse("1998-07-01"));
    RfmScore ann = result.get(CustomerId.of("ann")).orElseThrow();   // r=4, f=4, m=4

    SegmentRules segments = BuiltinSegments.repaired11();     // a checked partition
    String annSegment = segments.segmentOf(ann).orElseThrow();       // "Champions"

    SegmentRules mine = SegmentRules.builder()
        .rule("Active").r(3, 5).add()
        .rule("Lapsed").r(1, 2).f(1, 3).add()
        .build();
    mine.analysis().gapCount();                               // 20 of 125 cells match no rule

    Map<CustomerId, Double> revenue = new HashMap<>();
    result.scores().forEach(s -> revenue.put(s.customer(), s.monetary()));
    Map<CustomerId, ValueTier> tiers =
        ValueTiers.byCumulativeShare(revenue, 0.80, 0.95);     // any value: revenue, a CLV, ...

    String json = RfmModelJson.DOCUMENT.write(result.model()); // "format": "crmkit.rfm-model/1"
    RfmModel frozen = RfmModelJson.DOCUMENT.read(json);        // scores new customers the same way
    // README-segmentation-end
    assertThat(List.of(ann.r(), ann.f(), ann.m())).containsExactly(4, 4, 4);
    assertThat(annSegment).isEqualTo("Champions");
    assertThat(mine.analysis().gapCount()).isEqualTo(20);
    assertThat(tiers.get(CustomerId.of("ann"))).isEqualTo(ValueTier.HIGH);
    // 200 + 42.5 of 257.5 (94%): ann alone is 78% < 80%, so cid is HIGH too; bob is MEDIUM
    assertThat(tiers.get(CustomerId.of("cid"))).isEqualTo(ValueTier.HIGH);
    assertThat(tiers.get(CustomerId.of("bob"))).isEqualTo(ValueTier.MEDIUM);
    assertThat(frozen).isEqualTo(result.model());
  }
}

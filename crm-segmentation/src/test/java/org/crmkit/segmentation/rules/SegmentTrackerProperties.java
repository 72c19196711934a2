package org.crmkit.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TestTransactions;
import org.junit.jupiter.api.Test;

class SegmentTrackerProperties {

  @Test
  void trackerAtTheFittingDateAgreesWithDirectScoringAndChangesReplayToTheSameState() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      LocalDate asOf = TestTransactions.AS_OF;
      List<Transaction> all = TestTransactions.random(seed);
      List<Transaction> past = all.stream().filter(t -> !t.date().isAfter(asOf))
          .collect(Collectors.toList());
      if (past.isEmpty()) {
        return;
      }
      SegmentRules rules = BuiltinSegments.repaired11();
      RfmResult fitted = RfmScorer.defaults().score(past, asOf);
      SegmentTracker tracker = new SegmentTracker(fitted.model(), rules);
      Map<CustomerId, String> replay = new HashMap<>();
      for (SegmentChange c : tracker.addAll(past).rescore(asOf)) {
        replay.put(c.customer(), c.to());
      }
      Map<CustomerId, String> direct = new HashMap<>();
      fitted.scores().forEach(s -> direct.put(s.customer(), rules.segmentOf(s).orElseThrow()));
      assertThat(tracker.segments()).as("seed %s", seed).isEqualTo(direct);
      assertThat(replay).as("seed %s", seed).isEqualTo(direct);

      // later transactions, then a later re-scoring: applying the reported changes to the old
      // segments gives exactly the tracker's new segments
      LocalDate later = asOf.plusDays(10);
      all.stream().filter(t -> t.date().isAfter(asOf) && !t.date().isAfter(later))
          .forEach(tracker::add);
      for (SegmentChange c : tracker.rescore(later)) {
        assertThat(replay.get(c.customer())).as("seed %s", seed).isEqualTo(c.from());
        replay.put(c.customer(), c.to());
      }
      assertThat(replay).as("seed %s", seed).isEqualTo(tracker.segments());
    });
  }
}

package org.crmkit.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.junit.jupiter.api.Test;

class SegmentTrackerTest {
  static final LocalDate AS_OF = LocalDate.parse("1998-07-01");

  @Test
  void rescoringWithAFrozenModelReportsSegmentChanges() {
    List<Transaction> history = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "c" + i;
      for (int k = 0; k <= i; k++) {
        history.add(Transaction.of(id, AS_OF.minusDays(10L * (10 - i)), 10));
      }
    }
    RfmModel model = RfmScorer.defaults().score(history, AS_OF).model();
    SegmentTracker tracker = new SegmentTracker(model, BuiltinSegments.standard10());
    tracker.addAll(history);
    List<SegmentChange> initial = tracker.rescore(AS_OF);
    assertThat(initial).hasSize(10);
    assertThat(tracker.segments().get(CustomerId.of("c9"))).isEqualTo("Champions");

    // 200 days later without purchases, c9 is no longer recent: Champions → Can't Lose
    LocalDate later = AS_OF.plusDays(200);
    tracker.add(Transaction.of("c0", later, 5));
    List<SegmentChange> changes = tracker.rescore(later);
    assertThat(changes).anySatisfy(c -> {
      assertThat(c.customer()).isEqualTo(CustomerId.of("c9"));
      assertThat(c.previous()).contains("Champions");
      assertThat(c.current()).contains("Can't Lose");
    });
    // c0 bought on the as-of date: most recent again
    assertThat(tracker.segments().get(CustomerId.of("c0"))).isIn("New Customers", "Potential Loyalists",
        "Promising");
    assertThat(tracker.rescore(later)).isEmpty();
    assertThatThrownBy(() -> tracker.rescore(AS_OF)).hasMessageContaining("must not go back in time");
  }

  @Test
  void tilesMustAgree() {
    RfmModel model = RfmScorer.builder().tiles(4).build()
        .score(List.of(Transaction.of("a", AS_OF, 1)), AS_OF).model();
    assertThatThrownBy(() -> new SegmentTracker(model, BuiltinSegments.standard10()))
        .hasMessageContaining("the model scores 1..4 but the rules are for 1..5");
  }
}

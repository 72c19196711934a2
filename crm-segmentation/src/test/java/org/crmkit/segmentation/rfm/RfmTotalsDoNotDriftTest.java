package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

/** Totals do not drift: ten purchases of 0.1 total 1.0, not 0.9999999999999999. */
class RfmTotalsDoNotDriftTest {
  private static final LocalDate AS_OF = LocalDate.of(1998, 7, 1);

  @Test
  void totalsDoNotDriftWithManyAmounts() {
    double naive = 0;
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      txs.add(Transaction.of("c1", AS_OF.minusDays(i), 0.1));
      naive += 0.1;
    }
    assertThat(naive).isNotEqualTo(1.0);   // what a plain running sum gives

    assertThat(RfmScorer.defaults().score(txs, AS_OF).scores().get(0).monetary()).isEqualTo(1.0);
    assertThat(new RfmAggregator().addAll(txs).get(CustomerId.of("c1")).orElseThrow().total())
        .isEqualTo(1.0);
    TransactionColumns.Builder b = TransactionColumns.builder(1, i -> CustomerId.of("c1"), 10);
    txs.forEach(t -> b.add(0, t.date(), t.amount()));
    assertThat(RfmScorer.defaults().score(b.build(), AS_OF).monetary(0)).isEqualTo(1.0);
  }
}

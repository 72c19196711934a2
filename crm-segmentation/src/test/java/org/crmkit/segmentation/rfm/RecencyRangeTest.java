package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: a recency is exact or refused. It used to be clamped to 2,147,483,647 days, so a
 * customer whose last purchase lay 2,191,500,000 days back got a recency 44 million days too
 * short and no one was told.
 */
class RecencyRangeTest {
  static final LocalDate ANCIENT = LocalDate.of(-3_000_000, 1, 1);
  static final LocalDate FAR_FUTURE = LocalDate.of(3_000_000, 1, 1);
  static final long DAYS = ChronoUnit.DAYS.between(ANCIENT, FAR_FUTURE);

  @Test
  void aRecencyBeyondAnIntIsRefusedNamingTheCustomerAndTheDays() {
    assertThat(DAYS).isGreaterThan(Integer.MAX_VALUE);
    List<Transaction> txs = List.of(Transaction.of("old", ANCIENT, 5),
        Transaction.of("new", FAR_FUTURE, 7));
    assertThatThrownBy(() -> RfmScorer.defaults().score(txs, FAR_FUTURE))
        .isInstanceOf(CrmException.class)
        .hasMessage("the recency of customer 'old' is " + DAYS + " days (last purchase "
            + ANCIENT + ", as of " + FAR_FUTURE + "), more than the 2147483647 days an RFM"
            + " recency can hold");
  }

  @Test
  void theColumnarPathRefusesItToo() {
    TransactionColumns cols = TransactionColumns.builder(2, i -> CustomerId.of("c" + i), 2)
        .add(0, ANCIENT, 5).add(1, FAR_FUTURE, 7).build();
    assertThatThrownBy(() -> RfmScorer.defaults().score(cols, FAR_FUTURE))
        .isInstanceOf(CrmException.class).hasMessageContaining("customer 'c0' is " + DAYS + " days");
  }

  @Test
  void aFrozenModelRefusesItForAnAggregate() {
    RfmModel model = RfmScorer.defaults().score(List.of(Transaction.of("a", FAR_FUTURE, 1)),
        FAR_FUTURE).model();
    CustomerAggregate oldest = new CustomerAggregate(CustomerId.of("z"), LocalDate.MIN, 1, 1, 3);
    long days = ChronoUnit.DAYS.between(LocalDate.MIN, FAR_FUTURE);
    assertThatThrownBy(() -> model.score(oldest))
        .isInstanceOf(CrmException.class).hasMessageContaining("customer 'z' is " + days + " days");
  }

  @Test
  void theLongestRecencyAnIntHoldsIsExact() {
    LocalDate last = FAR_FUTURE.minusDays(Integer.MAX_VALUE);
    RfmResult result = RfmScorer.defaults().score(List.of(Transaction.of("old", last, 5),
        Transaction.of("new", FAR_FUTURE, 7)), FAR_FUTURE);
    assertThat(result.get(CustomerId.of("old")).orElseThrow().recencyDays())
        .isEqualTo(Integer.MAX_VALUE);
  }
}

package org.crmkit.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

class RfmScorerTest {
  static final LocalDate AS_OF = LocalDate.parse("1998-07-01");

  static Transaction tx(String id, String date, double amount) {
    return Transaction.of(id, LocalDate.parse(date), amount);
  }

  @Test
  void measuresAreDaysCountAndTotal() {
    RfmResult result = RfmScorer.defaults().score(List.of(
        tx("a", "1998-06-30", 10), tx("a", "1998-06-01", 5), tx("b", "1998-01-01", 100),
        tx("b", "1998-07-02", 1000)), AS_OF);
    RfmScore a = result.get(CustomerId.of("a")).orElseThrow();
    assertThat(a.recencyDays()).isEqualTo(1);
    assertThat(a.frequency()).isEqualTo(2);
    assertThat(a.monetary()).isEqualTo(15.0);
    RfmScore b = result.get(CustomerId.of("b")).orElseThrow();
    // the 1998-07-02 purchase is after the as-of date and ignored
    assertThat(b.recencyDays()).isEqualTo(181);
    assertThat(b.frequency()).isEqualTo(1);
    assertThat(b.monetary()).isEqualTo(100.0);
  }

  @Test
  void tiesShareGivesEqualValuesEqualScoresByTheFormula() {
    // five customers: monetary 10, 10, 20, 30, 30 (N = 5, n = 5)
    RfmResult result = RfmScorer.defaults().score(List.of(
        tx("a", "1998-06-30", 10), tx("b", "1998-06-30", 10), tx("c", "1998-06-30", 20),
        tx("d", "1998-06-30", 30), tx("e", "1998-06-30", 30)), AS_OF);
    // L = 0, 0, 2, 3, 3 → 1 + floor(5L/5) = 1, 1, 3, 4, 4
    assertThat(result.scores()).extracting(RfmScore::m).containsExactly(1, 1, 3, 4, 4);
    // every recency equal: L = 0 for all → 1
    assertThat(result.scores()).extracting(RfmScore::r).containsOnly(1);
  }

  @Test
  void stableSplitMakesEqualSizedTilesBreakingTiesById() {
    RfmResult result = RfmScorer.builder().ties(TiePolicy.STABLE_SPLIT).build().score(List.of(
        tx("a", "1998-06-30", 10), tx("b", "1998-06-30", 10), tx("c", "1998-06-30", 10),
        tx("d", "1998-06-30", 10), tx("e", "1998-06-30", 10)), AS_OF);
    // all equal: order by id, positions 0..4 → scores 1..5
    assertThat(result.scores()).extracting(RfmScore::m).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void noTiesEqualsNtile() {
    // 10 customers with distinct totals 1..10 and 5 tiles: NTILE gives pairs
    List<Transaction> txs = new java.util.ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      txs.add(tx(String.format("c%02d", i), "1998-06-30", i));
    }
    RfmResult result = RfmScorer.defaults().score(txs, AS_OF);
    assertThat(result.scores()).extracting(RfmScore::m)
        .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
  }

  @Test
  void negativeAmountsAreReturnsAndRankLowest() {
    RfmResult result = RfmScorer.builder().tiles(2).build().score(List.of(
        tx("buyer", "1998-06-01", 50), tx("returner", "1998-06-01", 20),
        tx("returner", "1998-06-02", -30)), AS_OF);
    assertThat(result.get(CustomerId.of("returner")).orElseThrow().monetary()).isEqualTo(-10.0);
    assertThat(result.get(CustomerId.of("returner")).orElseThrow().m()).isEqualTo(1);
    assertThat(result.get(CustomerId.of("buyer")).orElseThrow().m()).isEqualTo(2);
  }

  @Test
  void distinctDaysAndMeanOptions() {
    RfmResult result = RfmScorer.builder().frequency(FrequencyMeasure.DISTINCT_DAYS)
        .monetary(MonetaryMeasure.MEAN).build().score(List.of(
            tx("a", "1998-06-01", 10), tx("a", "1998-06-01", 20), tx("a", "1998-06-03", 30)),
        AS_OF);
    RfmScore a = result.scores().get(0);
    assertThat(a.frequency()).isEqualTo(2);
    assertThat(a.monetary()).isEqualTo(20.0);
  }

  @Test
  void emptyInputAndFutureOnlyInputAreClearErrors() {
    assertThatThrownBy(() -> RfmScorer.defaults().score(List.of(), AS_OF))
        .isInstanceOf(CrmException.class).hasMessageContaining("no customer has a transaction");
    assertThatThrownBy(() -> RfmScorer.defaults().score(List.of(tx("a", "1999-01-01", 1)), AS_OF))
        .isInstanceOf(CrmException.class).hasMessageContaining("1998-07-01");
    assertThatThrownBy(() -> RfmScorer.builder().tiles(1))
        .isInstanceOf(CrmException.class).hasMessage("tiles must be in [2, 100], but was 1");
    assertThatThrownBy(() -> RfmScorer.defaults().score(List.of(tx("a", "1998-01-01", 1)), null))
        .isInstanceOf(CrmException.class).hasMessageContaining("asOf is required");
  }

  @Test
  void aggregatesAfterAsOfOrDuplicatedAreRejected() {
    CustomerAggregate late = new CustomerAggregate(CustomerId.of("a"), LocalDate.parse("1998-08-01"),
        1, 1, 5);
    assertThatThrownBy(() -> RfmScorer.defaults().scoreAggregates(List.of(late), AS_OF))
        .hasMessageContaining("is after the as-of date");
    CustomerAggregate ok = new CustomerAggregate(CustomerId.of("a"), LocalDate.parse("1998-06-01"),
        1, 1, 5);
    assertThatThrownBy(() -> RfmScorer.defaults().scoreAggregates(List.of(ok, ok), AS_OF))
        .hasMessageContaining("more than one aggregate");
    assertThatThrownBy(() -> new CustomerAggregate(CustomerId.of("a"), AS_OF, 2, 3, 1))
        .hasMessageContaining("purchaseDays of 'a' must be in [1, 2], but was 3");
  }

  @Test
  void frozenModelScoresNewCustomersWithTheSameCutPoints() {
    RfmResult fitted = RfmScorer.defaults().score(List.of(
        tx("a", "1998-06-30", 10), tx("b", "1998-05-01", 20), tx("c", "1998-04-01", 30),
        tx("d", "1998-03-01", 40), tx("e", "1998-02-01", 50)), AS_OF);
    RfmModel model = fitted.model();
    for (RfmScore s : fitted.scores()) {
      CustomerAggregate agg = new CustomerAggregate(s.customer(),
          AS_OF.minusDays(s.recencyDays()), s.frequency(), s.frequency(), s.monetary());
      assertThat(model.score(agg)).isEqualTo(s);
    }
    RfmScore newcomer = model.score(new CustomerAggregate(CustomerId.of("z"),
        LocalDate.parse("1998-06-30"), 1, 1, 45));
    assertThat(newcomer.r()).isEqualTo(5);
    assertThat(newcomer.m()).isEqualTo(4);
  }

  @Test
  void columnarPathEqualsObjectPath() {
    List<Transaction> txs = TestTransactions.random(7);
    RfmResult objects = RfmScorer.defaults().score(txs, TestTransactions.AS_OF);
    List<CustomerId> ids = txs.stream().map(Transaction::customer).distinct().sorted().toList();
    TransactionColumns.Builder b = TransactionColumns.builder(ids.size(), ids::get, 0);
    for (Transaction t : txs) {
      b.add(ids.indexOf(t.customer()), t.date(), t.amount());
    }
    RfmTable table = RfmScorer.defaults().score(b.build(), TestTransactions.AS_OF);
    List<RfmScore> fromTable = new java.util.ArrayList<>();
    for (int i = 0; i < table.customerCount(); i++) {
      if (table.isScored(i)) {
        fromTable.add(table.score(i));
      }
    }
    assertThat(fromTable).isEqualTo(objects.scores());
    assertThat(table.model()).isEqualTo(objects.model());
  }

  @Test
  void columnsRejectBadInput() {
    TransactionColumns.Builder b = TransactionColumns.builder(2, i -> CustomerId.of("c" + i), 1);
    assertThatThrownBy(() -> b.add(2, 0, 1.0)).hasMessageContaining("customer index must be in [0, 2)");
    assertThatThrownBy(() -> b.add(0, 0, Double.NaN)).hasMessageContaining("finite");
    TransactionColumns unordered = TransactionColumns.builder(2, i -> CustomerId.of(i == 0 ? "z" : "a"), 2)
        .add(0, 0, 1).add(1, 0, 1).build();
    assertThatThrownBy(() -> RfmScorer.builder().ties(TiePolicy.STABLE_SPLIT).build()
        .score(unordered, LocalDate.ofEpochDay(1)))
        .hasMessageContaining("customer ids must increase with the index");
  }

  @Test
  void aggregatorUpdatesIncrementallyInAnyOrder() {
    RfmAggregator agg = new RfmAggregator();
    agg.add(tx("a", "1998-06-10", 5)).add(tx("a", "1998-06-01", 7)).add(tx("a", "1998-06-10", 1));
    CustomerAggregate a = agg.get(CustomerId.of("a")).orElseThrow();
    assertThat(a).isEqualTo(new CustomerAggregate(CustomerId.of("a"), LocalDate.parse("1998-06-10"),
        3, 2, 13.0));
    assertThat(agg.size()).isEqualTo(1);
    assertThat(agg.get(CustomerId.of("b"))).isEmpty();
  }

  @Test
  void moneyIsSummedExactlyInAnyOrder() {
    LocalDate day = LocalDate.parse("2024-06-01");
    // ann's 0.1 + 0.2 + 0.3 and bob's 0.6 are equal totals; in doubles, summed in input order,
    // ann's was 0.6000000000000001 and she got a higher M than bob
    List<Transaction> txs = List.of(Transaction.of("ann", day, 0.1), Transaction.of("ann", day, 0.2),
        Transaction.of("ann", day, 0.3), Transaction.of("bob", day, 0.6));
    List<Transaction> reversed = new java.util.ArrayList<>(txs);
    java.util.Collections.reverse(reversed);
    for (List<Transaction> input : List.of(txs, reversed)) {
      RfmResult r = RfmScorer.defaults().score(input, day);
      assertThat(r.scores()).extracting(RfmScore::monetary).containsExactly(0.6, 0.6);
      assertThat(r.scores()).extracting(RfmScore::m).containsExactly(1, 1);
      TransactionColumns.Builder b = TransactionColumns.builder(2, i -> CustomerId.of(
          i == 0 ? "ann" : "bob"), 4);
      input.forEach(t -> b.add(t.customer().value().equals("ann") ? 0 : 1, t.date(), t.amount()));
      RfmTable table = RfmScorer.defaults().score(b.build(), day);
      assertThat(table.monetary(0)).isEqualTo(0.6);
      assertThat(table.m(0)).isEqualTo(table.m(1));
    }
  }

  @Test
  void totalsBeyondTheDoubleRangeAreAClearError() {
    LocalDate day = LocalDate.parse("2024-06-01");
    List<Transaction> txs = List.of(Transaction.of("ann", day, 1e308), Transaction.of("ann", day, 1e308));
    assertThatThrownBy(() -> RfmScorer.defaults().score(txs, day))
        .isInstanceOf(CrmException.class)
        .hasMessage("the total of customer 'ann' is 2E+308, beyond the range of a double"
            + " (about ±1.8E308)");
    // a huge positive and a huge negative amount cancel exactly
    List<Transaction> cancel = List.of(Transaction.of("ann", day, 1e308), Transaction.of("ann", day, 5.25),
        Transaction.of("ann", day, -1e308));
    assertThat(RfmScorer.defaults().score(cancel, day).scores().get(0).monetary()).isEqualTo(5.25);
  }
}

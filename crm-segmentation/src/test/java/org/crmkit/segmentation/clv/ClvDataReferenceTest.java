package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

/** The summary against a naive map-of-maps implementation of the README's rules. */
class ClvDataReferenceTest {
  static final LocalDate START = LocalDate.of(2024, 1, 1);
  static final LocalDate END = LocalDate.of(2024, 3, 31);

  /** Naive: group by customer, then by day, then apply the definitions literally. */
  static Map<String, double[]> naive(List<Transaction> log, PeriodUnit unit) {
    Map<String, TreeMap<LocalDate, Double>> days = new TreeMap<>();
    for (Transaction t : log) {
      days.computeIfAbsent(t.customer().value(), k -> new TreeMap<>()).merge(t.date(), t.amount(), Double::sum);
    }
    Map<String, double[]> out = new TreeMap<>();
    days.forEach((c, byDay) -> {
      LocalDate first = byDay.firstKey();
      if (first.isAfter(END)) {
        return;
      }
      TreeSet<LocalDate> calibration = new TreeSet<>();
      double spend = 0;
      int holdout = 0;
      for (Map.Entry<LocalDate, Double> e : byDay.entrySet()) {
        if (!e.getKey().isAfter(END)) {
          calibration.add(e.getKey());
          if (!e.getKey().equals(first)) {
            spend += e.getValue();
          }
        } else {
          holdout++;
        }
      }
      int x = calibration.size() - 1;
      double tx = ChronoUnit.DAYS.between(first, calibration.last()) / (double) unit.days();
      double bigT = ChronoUnit.DAYS.between(first, END) / (double) unit.days();
      out.put(c, new double[] {x, tx, bigT, x == 0 ? 0 : spend / x, holdout});
    });
    return out;
  }

  @Test
  void summaryEqualsTheNaiveDefinition() {
    var transactions = integers().between(0, 6).zip(integers().between(0, 150),
        integers().between(-20, 100), (c, day, amount) ->
            Transaction.of("c" + c, START.plusDays(day), amount));
    qt().withExamples(2000).forAll(lists().of(transactions).ofSizeBetween(0, 40), integers().between(0, 1))
        .checkAssert((log, u) -> {
          PeriodUnit unit = u == 0 ? PeriodUnit.DAY : PeriodUnit.WEEK;
          ClvData data = ClvData.of(log, END, unit);
          Map<String, double[]> expected = naive(log, unit);
          assertThat(data.customers()).extracting(c -> c.customer().value())
              .containsExactlyElementsOf(new ArrayList<>(expected.keySet()));
          for (CustomerSummary c : data.customers()) {
            double[] e = expected.get(c.customer().value());
            assertThat(c.repeatPurchases()).isEqualTo((int) e[0]);
            assertThat(c.recency()).isCloseTo(e[1], within(1e-12));
            assertThat(c.age()).isCloseTo(e[2], within(1e-12));
            assertThat(c.meanRepeatSpend()).isCloseTo(e[3], within(1e-9));
            assertThat(c.holdoutPurchases()).isEqualTo((int) e[4]);
          }
          int holdoutTotal = data.customers().stream().mapToInt(CustomerSummary::holdoutPurchases).sum();
          double[] cumulative = data.holdoutCumulativeRepeatPurchases(200);
          assertThat(cumulative[199]).isEqualTo(holdoutTotal);
          for (int k = 1; k < cumulative.length; k++) {
            assertThat(cumulative[k]).isGreaterThanOrEqualTo(cumulative[k - 1]);
          }
        });
  }
}

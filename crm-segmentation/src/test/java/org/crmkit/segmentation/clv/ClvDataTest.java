package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.Test;

class ClvDataTest {
  static final LocalDate END = LocalDate.of(2024, 3, 31);

  static Transaction tx(String c, String date, double amount) {
    return Transaction.of(c, LocalDate.parse(date), amount);
  }

  @Test
  void summarisesRepeatPurchaseDaysRecencyAgeAndMeanRepeatSpend() {
    List<Transaction> log = List.of(
        tx("ann", "2024-01-07", 10),   // first purchase: not a repeat, spend excluded
        tx("ann", "2024-01-21", 20),
        tx("ann", "2024-01-21", 5),    // same day: merged into one purchase day of 25
        tx("ann", "2024-02-18", 35),
        tx("ann", "2024-04-14", 50),   // hold-out
        tx("bob", "2024-03-31", 99));  // first purchase on the calibration end: T = 0

    ClvData data = ClvData.of(log, END, PeriodUnit.WEEK);

    assertThat(data.customers()).hasSize(2);
    CustomerSummary ann = data.customers().get(0);
    assertThat(ann.customer().value()).isEqualTo("ann");
    assertThat(ann.repeatPurchases()).isEqualTo(2);
    assertThat(ann.recency()).isCloseTo(6.0, within(1e-12));        // Jan 7 -> Feb 18 = 42 days
    assertThat(ann.age()).isCloseTo(84 / 7.0, within(1e-12));       // Jan 7 -> Mar 31 = 84 days
    assertThat(ann.meanRepeatSpend()).isCloseTo(30.0, within(1e-12)); // (25 + 35) / 2
    assertThat(ann.holdoutPurchases()).isEqualTo(1);
    CustomerSummary bob = data.customers().get(1);
    assertThat(bob.repeatPurchases()).isZero();
    assertThat(bob.age()).isZero();
    assertThat(bob.meanRepeatSpend()).isZero();
  }

  @Test
  void daysAreTheUnitWhenAsked() {
    ClvData data = ClvData.of(List.of(tx("a", "2024-03-01", 1), tx("a", "2024-03-11", 1)), END, PeriodUnit.DAY);
    assertThat(data.customers().get(0).recency()).isEqualTo(10.0);
    assertThat(data.customers().get(0).age()).isEqualTo(30.0);
  }

  @Test
  void customersFirstSeenAfterTheCalibrationEndAreLeftOutAndCounted() {
    ClvData data = ClvData.of(List.of(tx("a", "2024-03-01", 1), tx("late", "2024-04-02", 1)), END, PeriodUnit.WEEK);
    assertThat(data.customers()).extracting(c -> c.customer().value()).containsExactly("a");
    assertThat(data.lateCustomers()).isEqualTo(1);
  }

  @Test
  void holdOutEndLimitsTheHoldOutAndCumulativeCountsArePerPeriod() {
    List<Transaction> log = List.of(
        tx("a", "2024-03-01", 1), tx("a", "2024-04-03", 1), tx("a", "2024-04-03", 1),
        tx("b", "2024-03-02", 1), tx("b", "2024-04-07", 1), tx("b", "2024-04-08", 1),
        tx("b", "2024-05-30", 1));
    ClvData data = ClvData.of(log, END, LocalDate.of(2024, 4, 30), PeriodUnit.WEEK);
    assertThat(data.customers()).extracting(CustomerSummary::holdoutPurchases).containsExactly(1, 2);
    // week 1 = Apr 1..7 (3 purchase days), week 2 = Apr 8..14 (1 more)
    assertThat(data.holdoutCumulativeRepeatPurchases(3)).containsExactly(2, 3, 3);
    assertThat(data.holdoutEnd()).contains(LocalDate.of(2024, 4, 30));
  }

  @Test
  void negativeAmountsAreKeptInTheMeanAndTheirDaysCount() {
    ClvData data = ClvData.of(List.of(tx("a", "2024-03-01", 10), tx("a", "2024-03-02", 10),
        tx("a", "2024-03-03", -30)), END, PeriodUnit.DAY);
    CustomerSummary a = data.customers().get(0);
    assertThat(a.repeatPurchases()).isEqualTo(2);
    assertThat(a.meanRepeatSpend()).isEqualTo(-10.0);
  }

  @Test
  void badArgumentsAreTypedErrors() {
    assertThatThrownBy(() -> ClvData.of(List.of(), END, LocalDate.of(2024, 1, 1), PeriodUnit.WEEK))
        .isInstanceOf(CrmException.class).hasMessageContaining("holdoutEnd must not be before");
    assertThatThrownBy(() -> ClvData.of(List.of(), null, PeriodUnit.WEEK))
        .isInstanceOf(CrmException.class).hasMessageContaining("required");
    assertThatThrownBy(() -> ClvData.of(List.of(), END, PeriodUnit.WEEK).holdoutCumulativeRepeatPurchases(0))
        .isInstanceOf(CrmException.class).hasMessageContaining("periods must be >= 1, but was 0");
    assertThatThrownBy(() -> PeriodUnit.parse("month"))
        .isInstanceOf(CrmException.class).hasMessage("unit must be 'day' or 'week', but was 'month'");
    assertThatThrownBy(() -> CustomerSummary.of("a", 0, 1, 2, 0))
        .isInstanceOf(CrmException.class).hasMessageContaining("recency must be 0 without repeat purchases");
    assertThatThrownBy(() -> CustomerSummary.of("a", 1, 3, 2, 0))
        .isInstanceOf(CrmException.class).hasMessageContaining("0 <= recency <= age");
  }

  @Test
  void meanSpendIsSummedExactlyWhateverTheOrderOfTheTransactions() {
    // 0.1 + 0.2 + 0.3 in doubles depends on the order (0.6000000000000001 vs 0.6); as decimals it is 0.6
    List<Transaction> forward = List.of(tx("ann", "2024-01-01", 1), tx("ann", "2024-01-08", 0.1),
        tx("ann", "2024-01-08", 0.2), tx("ann", "2024-01-08", 0.3));
    List<Transaction> backward = List.of(tx("ann", "2024-01-08", 0.3), tx("ann", "2024-01-08", 0.2),
        tx("ann", "2024-01-08", 0.1), tx("ann", "2024-01-01", 1));
    double a = ClvData.of(forward, END, PeriodUnit.WEEK).customers().get(0).meanRepeatSpend();
    double b = ClvData.of(backward, END, PeriodUnit.WEEK).customers().get(0).meanRepeatSpend();
    assertThat(a).isEqualTo(0.6).isEqualTo(b);
    // a mean of three days: 10.01 + 10.02 + 10.04 = 30.07 exactly, / 3 rounded once
    List<Transaction> three = List.of(tx("bob", "2024-01-01", 5), tx("bob", "2024-01-02", 10.01),
        tx("bob", "2024-01-03", 10.02), tx("bob", "2024-01-04", 10.04));
    assertThat(ClvData.of(three, END, PeriodUnit.WEEK).customers().get(0).meanRepeatSpend())
        .isEqualTo(new java.math.BigDecimal("30.07").divide(java.math.BigDecimal.valueOf(3),
            java.math.MathContext.DECIMAL128).doubleValue());
  }
}

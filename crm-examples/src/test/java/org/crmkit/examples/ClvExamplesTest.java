package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.clv.BgNbdParameters;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.junit.jupiter.api.Test;

/** The lifetime-value example of README.md, kept here so that it compiles and runs. */
class ClvExamplesTest {

  /** A seeded log: 300 customers, first purchase in January, then a purchase every ~1-8 weeks. */
  static List<Transaction> transactions() {
    Random random = new Random(42);
    List<Transaction> log = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      LocalDate day = LocalDate.of(1997, 1, 1).plusDays(random.nextInt(31));
      int gapDays = 7 + random.nextInt(50);
      double basket = 10 + random.nextInt(40);
      while (day.isBefore(LocalDate.of(1998, 6, 30)) && random.nextDouble() > 0.05) {
        log.add(Transaction.of("c" + c, day, basket * (0.5 + random.nextDouble())));
        day = day.plusDays(1 + random.nextInt(2 * gapDays));
      }
      log.add(Transaction.of("c" + c, LocalDate.of(1997, 1, 1).plusDays(c % 31), basket));
    }
    return log;
  }

  @Test
  void lifetimeValueExample() {
    List<Transaction> transactions = transactions();
    // README: clv
    ClvData data = ClvData.of(transactions, LocalDate.parse("1997-09-30"), PeriodUnit.WEEK);
    ClvModel model = ClvModel.fit(data);                  // BG/NBD + Gamma-Gamma, by maximum likelihood
    BgNbdParameters bg = model.bgNbd().parameters();      // r, alpha, a, b
    double logLikelihood = model.bgNbd().report().logLikelihood();

    ClvPredictions next52 = model.predict(data.customers(), 52, 0.01);  // 52 weeks, 1% per week
    Map<CustomerId, Double> clv = next52.clvByCustomer(); // ready for value tiers
    double pAlive = next52.customers().get(0).probabilityAlive();
    // README: end

    assertThat(bg.r()).isPositive();
    assertThat(logLikelihood).isFinite();
    assertThat(clv).hasSize(300);
    assertThat(clv.values()).allSatisfy(v -> assertThat(v).isNotNegative());
    assertThat(pAlive).isBetween(0.0, 1.0);
  }
}

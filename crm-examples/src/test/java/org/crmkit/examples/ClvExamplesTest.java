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
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.Diagnostics;
import org.crmkit.segmentation.clv.FitWarning;
import org.crmkit.segmentation.clv.ModelComparison;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModel;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.segmentation.clv.RetentionFit;
import org.crmkit.segmentation.clv.RetentionPoint;
import org.crmkit.segmentation.clv.ShiftedBetaGeometric;
import org.crmkit.segmentation.clv.WeightedSummaries;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.segmentation.forecast.FunnelAnalysis;
import org.crmkit.segmentation.forecast.FunnelOutcomes;
import org.crmkit.segmentation.forecast.OpenDeal;
import org.crmkit.segmentation.forecast.PipelineForecast;
import org.crmkit.segmentation.forecast.StageStatistics;
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

  @Test
  void purchaseModelsExample() {
    ClvData data = ClvData.of(transactions(), LocalDate.parse("1997-09-30"), PeriodUnit.WEEK);
    CustomerSummary customer = data.customers().get(0);
    // README: purchase-models
    // any of BG_NBD, PARETO_NBD, MBG_NBD (continuous time) behind one interface
    PurchaseFit fit = PurchaseModelKind.PARETO_NBD.fit(WeightedSummaries.of(data.customers()));
    PurchaseModel model = fit.model();                    // parameters(): r, alpha, s, beta
    double alive = model.probabilityAlive(customer);
    double next52 = model.expectedPurchases(customer, 52);
    double standardError = fit.report().standardErrors().get("s");
    for (FitWarning w : fit.warnings()) {                 // a bound reached, a degenerate model
      System.out.println(w.message());
    }
    // lifetime value with Pareto/NBD instead of BG/NBD
    ClvModel clv = ClvModel.fit(data, PurchaseModelKind.PARETO_NBD);
    // README: end
    assertThat(model.parameters()).containsOnlyKeys("r", "alpha", "s", "beta");
    assertThat(alive).isBetween(0.0, 1.0);
    assertThat(next52).isNotNegative();
    assertThat(standardError).isPositive();
    assertThat(clv.purchases().model()).isEqualTo(model);
  }

  @Test
  void bgBbExample() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("crmkit.data"), "donations", "donations.csv");
    // README: bg-bb
    // frequency,recency,periods,weights: one row per pattern, weighted by its number of donors
    WeightedSummaries.Builder donors = WeightedSummaries.builder();
    for (String line : java.nio.file.Files.readAllLines(file).subList(1, 23)) {
      String[] f = line.split(",");
      donors.add(CustomerSummary.of("pattern " + f[0] + "/" + f[1], Integer.parseInt(f[0]),
          Integer.parseInt(f[1]), Integer.parseInt(f[2]), 0), Double.parseDouble(f[3]));
    }
    PurchaseFit bgBb = PurchaseModelKind.BG_BB.fit(donors.build());  // alpha 1.204, beta 0.750, gamma 0.657, delta 2.783
    double alive2002 = bgBb.model().probabilityAlive(CustomerSummary.of("d", 6, 6, 6, 0));  // 0.93
    double next5 = bgBb.model().expectedPurchases(CustomerSummary.of("d", 6, 6, 6, 0), 5);
    // README: end
    assertThat(bgBb.model().parameters().get("delta")).isBetween(2.78, 2.79);
    assertThat(alive2002).isBetween(0.925, 0.935);
    assertThat(next5).isPositive();
  }

  @Test
  void comparisonAndDiagnosticsExample() {
    List<Transaction> transactions = transactions();
    // README: compare
    ClvData data = ClvData.of(transactions, LocalDate.parse("1997-09-30"), LocalDate.parse("1998-06-30"),
        PeriodUnit.WEEK);
    ModelComparison table = ModelComparison.fit(WeightedSummaries.of(data.customers()), 39,
        List.of(PurchaseModelKind.BG_NBD, PurchaseModelKind.PARETO_NBD, PurchaseModelKind.MBG_NBD));
    for (ModelComparison.Row row : table.rows()) {  // log-likelihood, AIC, BIC, hold-out error
      System.out.printf("%s %.1f %.1f %.1f %.3f%n", row.fit().model().kind().label(), row.logLikelihood(),
          row.aic(), row.bic(), row.holdoutMeanAbsoluteError());
    }
    PurchaseModel best = table.bestByBic().fit().model();
    // diagnostics as data, ready to plot
    Diagnostics.Grid alive = Diagnostics.probabilityAliveMatrix(best, 39, 20, 40);
    List<Diagnostics.TrackingPoint> tracking =
        Diagnostics.trackingCurve(ClvModel.fit(data, best.kind()), data, 39);
    // README: end
    assertThat(table.rows()).hasSize(3);
    assertThat(table.buckets()).isNotEmpty();
    assertThat(alive.values()).hasSize(21);
    assertThat(tracking).hasSize(39);
  }

  @Test
  void retentionExample() {
    // README: retention
    // High End cohort of Fader & Hardie (2007): active at the start of years 0..7
    RetentionFit fit = ShiftedBetaGeometric.fit(List.of(1000L, 869L, 743L, 653L, 593L, 551L, 517L, 491L));
    ShiftedBetaGeometric sbg = fit.model();               // alpha 0.668, beta 3.806
    List<RetentionPoint> next12 = sbg.project(12);        // survival and retention rate per year
    double residual = sbg.discountedExpectedResidualLifetime(7, 0.10);  // renewals still expected, at 10%
    // README: end
    assertThat(sbg.alpha()).isBetween(0.6675, 0.6685);
    assertThat(next12).hasSize(13);
    assertThat(residual).isPositive();
  }

  @Test
  void funnelExample() {
    java.time.Instant day = java.time.Instant.parse("2024-01-01T00:00:00Z");
    List<TransitionRecord> records = new ArrayList<>();
    List<OpenDeal> openDeals = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      java.time.Instant start = day.plusSeconds(86_400L * random.nextInt(300));
      java.time.Instant next = start.plusSeconds(86_400L * (1 + random.nextInt(30)));
      boolean won = random.nextDouble() < 0.4;
      records.add(new TransitionRecord("d" + i, "lead", "proposal", "convert", start, "rep", 1));
      records.add(new TransitionRecord("d" + i, "proposal", won ? "won" : "lost", won ? "win" : "lose", next, "rep", 2));
    }
    openDeals.add(new OpenDeal("new-1", "proposal", 12_000, 5));
    java.time.Instant asOf = day.plusSeconds(86_400L * 360);
    // README: funnel
    FunnelAnalysis funnel = FunnelAnalysis.of(records, FunnelOutcomes.fromMachine(SalesFunnel.machine()), asOf);
    StageStatistics proposal = funnel.stage("proposal").orElseThrow();
    double winRate = proposal.winRate();                  // won / (won + lost) after this stage
    double medianDays = proposal.medianDays();            // Kaplan-Meier: open stays are censored
    // expected won revenue of the open deals, 6 periods of 30 days, 80% prediction intervals
    PipelineForecast forecast = PipelineForecast.of(funnel, openDeals, 6, 30, 0.8, Map.of(), 42);
    double nextMonth = forecast.periods().get(0).expected();
    // README: end
    assertThat(winRate).isBetween(0.3, 0.5);
    assertThat(medianDays).isBetween(10.0, 20.0);
    assertThat(nextMonth).isPositive();
  }
}

package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fit on weighted tuples, as a distributed engine hands them over (crm-spark groups the
 * customers by {@code (x, t_x, T)} and by {@code (x, m̄)} and counts them), equals the fit on the
 * per-customer summaries to 1e-6 relative on every parameter (issue #16's bound), on the whole
 * CDNOW master file (23,570 customers, {@code data/cdnow/README.md}) for the continuous-time
 * purchase models and Gamma-Gamma, and on the donations data (11,104 donors,
 * {@code data/donations/README.md}) for BG/BB. The tuples are handed over in a shuffled order and
 * the per-customer summaries in customer order: the fits merge and order the rows themselves, so
 * both are in fact the same computation and agree bit for bit.
 */
class WeightedFitConformanceTest {
  static final double TOLERANCE = 1e-6;
  static List<CustomerSummary> master;

  @BeforeAll
  static void load() {
    master = ClvData.of(masterTransactions(), Cdnow.CALIBRATION_END, PeriodUnit.WEEK).customers();
  }

  @ParameterizedTest
  @EnumSource(value = PurchaseModelKind.class, names = {"BG_NBD", "PARETO_NBD", "MBG_NBD"})
  void aFitOnShuffledWeightedTuplesEqualsThePerCustomerFitOnCdnow(PurchaseModelKind kind) {
    WeightedSummaries tuples = purchaseTuples(master, new Random(16));
    PurchaseFit perCustomer = kind.fit(WeightedSummaries.of(master));
    PurchaseFit weighted = kind.fit(tuples);
    System.out.printf("%s on CDNOW master: %d customers, %d (x, t_x, T) tuples; per customer %s,"
        + " weighted %s%n", kind.label(), master.size(), tuples.size(),
        perCustomer.model().parameters(), weighted.model().parameters());
    assertThat(master).hasSize(23_570);
    assertThat(tuples.size()).isEqualTo(8_685);
    assertRelative(weighted.model().parameters(), perCustomer.model().parameters());
    assertThat(weighted.model().parameters()).isEqualTo(perCustomer.model().parameters());
    assertThat(weighted.report().logLikelihood()).isEqualTo(perCustomer.report().logLikelihood());
    assertThat(weighted.report().observations()).isEqualTo(perCustomer.report().observations())
        .isEqualTo(23_570);
  }

  @Test
  void gammaGammaOnShuffledWeightedSpendTuplesEqualsThePerCustomerFitOnCdnow() {
    List<CustomerSummary> spend = new ArrayList<>();
    Map<List<Double>, Integer> counts = new HashMap<>();
    for (CustomerSummary c : master) {
      counts.merge(List.of((double) c.repeatPurchases(), c.meanRepeatSpend()), 1, Integer::sum);
    }
    WeightedSummaries.Builder b = WeightedSummaries.builder();
    List<Map.Entry<List<Double>, Integer>> entries = new ArrayList<>(counts.entrySet());
    Collections.shuffle(entries, new Random(17));
    for (Map.Entry<List<Double>, Integer> e : entries) {
      int x = e.getKey().get(0).intValue();
      spend.add(CustomerSummary.of("s", x, 0, 0, e.getKey().get(1)));
      b.add(spend.get(spend.size() - 1), e.getValue());
    }
    GammaGammaFit perCustomer = GammaGamma.fit(master);
    GammaGammaFit weighted = GammaGamma.fit(b.build());
    System.out.printf("Gamma-Gamma on CDNOW master: %d (x, mean spend) tuples; per customer %s,"
        + " weighted %s%n", entries.size(), perCustomer.parameters(), weighted.parameters());
    GammaGammaParameters w = weighted.parameters();
    GammaGammaParameters p = perCustomer.parameters();
    assertRelative(Map.of("p", w.p(), "q", w.q(), "gamma", w.gamma()),
        Map.of("p", p.p(), "q", p.q(), "gamma", p.gamma()));
    assertThat(w).isEqualTo(p);
    assertThat(weighted.report().observations()).isEqualTo(perCustomer.report().observations());
    assertThat(weighted.excludedNonPositiveSpend()).isEqualTo(perCustomer.excludedNonPositiveSpend());
  }

  @Test
  void bgBbOnWeightedRowsEqualsTheFitOnOneRowPerDonor() {
    WeightedSummaries donations = Donations.summaries();
    List<CustomerSummary> perDonor = new ArrayList<>();
    for (int i = 0; i < donations.size(); i++) {
      for (int k = 0; k < donations.weight(i); k++) {
        perDonor.add(donations.customers().get(i));
      }
    }
    Collections.shuffle(perDonor, new Random(18));
    PurchaseFit weighted = PurchaseModelKind.BG_BB.fit(donations);
    PurchaseFit one = PurchaseModelKind.BG_BB.fit(WeightedSummaries.of(perDonor));
    assertThat(perDonor).hasSize(11_104);
    assertRelative(one.model().parameters(), weighted.model().parameters());
    assertThat(one.model().parameters()).isEqualTo(weighted.model().parameters());
  }

  /** The customers grouped by (x, t_x, T), counted, in a random order. */
  static WeightedSummaries purchaseTuples(List<CustomerSummary> customers, Random random) {
    Map<List<Double>, Integer> counts = new HashMap<>();
    for (CustomerSummary c : customers) {
      counts.merge(List.of((double) c.repeatPurchases(), c.recency(), c.age()), 1, Integer::sum);
    }
    List<Map.Entry<List<Double>, Integer>> entries = new ArrayList<>(counts.entrySet());
    Collections.shuffle(entries, random);
    WeightedSummaries.Builder b = WeightedSummaries.builder();
    for (Map.Entry<List<Double>, Integer> e : entries) {
      List<Double> k = e.getKey();
      b.add(CustomerSummary.of("t", k.get(0).intValue(), k.get(1), k.get(2), 0), e.getValue());
    }
    return b.build();
  }

  private static void assertRelative(Map<String, Double> got, Map<String, Double> want) {
    assertThat(got.keySet()).isEqualTo(want.keySet());
    for (Map.Entry<String, Double> e : want.entrySet()) {
      double x = got.get(e.getKey());
      assertThat(Math.abs(x - e.getValue()) / Math.abs(e.getValue()))
          .as("%s: %s vs %s", e.getKey(), x, e.getValue()).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  /** {@code customer_id date(YYYYMMDD) number_of_cds dollar_value}, whitespace-separated. */
  private static List<Transaction> masterTransactions() {
    String data = System.getProperty("crmkit.data");
    if (data == null) {
      throw new IllegalStateException("system property crmkit.data (the repository's data folder) is not set");
    }
    List<Transaction> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of(data, "cdnow", "CDNOW_master.txt"))) {
        if (line.isBlank() || line.contains("customer_id")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        out.add(Transaction.of(f[0], LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE),
            Double.parseDouble(f[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

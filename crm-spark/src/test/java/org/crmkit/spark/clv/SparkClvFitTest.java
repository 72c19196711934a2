package org.crmkit.spark.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.util.TreeMap;
import org.crmkit.examples.cli.Crmkit;
import org.crmkit.examples.csv.TransactionCsv;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.segmentation.clv.WeightedSummaries;
import org.crmkit.json.ClvModelJson;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.spark.SparkTestSession;
import org.crmkit.spark.cli.SparkRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crmkit-spark clv fit} against {@code crmkit clv fit} on the CDNOW master file (both
 * command lines in this test): the same document, parameters equal to 1e-6 relative (issue #16);
 * the other purchase models through the API; the opt-in approximations (times rounded to weeks,
 * Gamma-Gamma on a sample) with their effect printed.
 */
class SparkClvFitTest {
  /**
   * Relative agreement with the single-machine (per-customer) fit, the bound. Since
   * crm-segmentation merges and orders the rows itself, the two fits are the same computation and
   * in fact agree bit for bit.
   */
  static final double TOLERANCE = 1e-6;
  static final LocalDate END = LocalDate.parse("1997-09-30");

  @TempDir static Path dir;
  static Path csv;
  static ClvData data;
  static Dataset<Row> transactions;

  @BeforeAll
  static void cdnow() throws IOException {
    SparkTestSession.get();
    csv = dir.resolve("cdnow.csv");
    List<String> lines = new ArrayList<>();
    lines.add("customer_id,date,amount");
    Path master = Path.of(System.getProperty("crmkit.data"), "cdnow", "CDNOW_master.txt");
    List<String> raw = Files.readAllLines(master, StandardCharsets.US_ASCII);
    for (String line : raw.subList(1, raw.size())) {
      String[] f = line.trim().split("\\s+");
      lines.add(f[0] + "," + f[1].substring(0, 4) + "-" + f[1].substring(4, 6) + "-"
          + f[1].substring(6) + "," + f[3]);
    }
    Files.write(csv, lines, StandardCharsets.UTF_8);
    try (var in = Files.newBufferedReader(csv)) {
      data = ClvData.of(TransactionCsv.read(in), END, PeriodUnit.WEEK);
    }
    transactions = SparkTestSession.get().read().option("header", "true").csv(csv.toString()).cache();
  }

  @Test
  void clvFitEqualsTheSingleMachineFitOnCdnow() throws IOException {
    Path expected = dir.resolve("expected.json");
    Path actual = dir.resolve("actual.json");
    String[] common = {"--input", csv.toString(), "--calibration-end", "1997-09-30", "--unit", "week"};
    StringWriter err = new StringWriter();
    assertThat(Crmkit.run(concat(new String[] {"clv", "fit", "--output", expected.toString()}, common),
        new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
    StringWriter err2 = new StringWriter();
    assertThat(SparkRunner.run(concat(new String[] {"clv", "fit", "--output", actual.toString()}, common),
        new PrintWriter(new StringWriter()), new PrintWriter(err2))).as(err2.toString()).isZero();
    assertThat(err2.toString()).contains("clv fit: 23,570 customers; bg-nbd fitted on 8,685 (x, t_x, T)"
        + " tuples (whole days, exact)");

    ClvModel want = ClvModelJson.DOCUMENT.read(expected);
    ClvModel got = ClvModelJson.DOCUMENT.read(actual);

    // the data are the same: crmkit's own summaries, grouped into the same weighted tuples, fit
    // to the same parameters (bit for bit up to 1e-12)
    Map<List<Double>, Long> tuples = new TreeMap<>((a, b) -> {
      for (int i = 0; i < a.size(); i++) {
        int c = Double.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    });
    for (CustomerSummary c : data.customers()) {
      tuples.merge(List.of((double) c.repeatPurchases(), c.recency(), c.age()), 1L, Long::sum);
    }
    WeightedSummaries.Builder b = WeightedSummaries.builder();
    tuples.forEach((k, n) -> b.add(CustomerSummary.of("t", k.get(0).intValue(), k.get(1), k.get(2), 0), n));
    PurchaseFit local = PurchaseModelKind.BG_NBD.fit(b.build());
    assertThat(tuples).hasSize(got.purchases().report().observations() > 0 ? tuples.size() : -1);
    for (Map.Entry<String, Double> e : local.model().parameters().entrySet()) {
      assertThat(got.purchases().model().parameters().get(e.getKey())).as(e.getKey())
          .isCloseTo(e.getValue(), within(1e-12 * Math.abs(e.getValue())));
    }
    System.out.println("clv fit: " + tuples.size() + " (x, t_x, T) tuples for "
        + data.customers().size() + " customers; Spark " + got.purchases().model().parameters()
        + ", single-machine (unweighted) " + want.purchases().model().parameters()
        + "; Gamma-Gamma Spark " + got.gammaGamma().parameters() + ", single-machine "
        + want.gammaGamma().parameters());
    assertThat(got.calibrationEnd()).isEqualTo(want.calibrationEnd());
    assertThat(got.unit()).isEqualTo(want.unit());
    assertThat(got.purchases().model().kind()).isEqualTo(want.purchases().model().kind());
    // against the per-customer single-machine fit: the 1e-6, in fact bit for bit
    assertThat(got.purchases().model().parameters()).isEqualTo(want.purchases().model().parameters());
    assertThat(got.gammaGamma().parameters()).isEqualTo(want.gammaGamma().parameters());
    assertRelative(got.purchases().model().parameters(), want.purchases().model().parameters());
    assertThat(got.purchases().report().observations())
        .isEqualTo(want.purchases().report().observations());
    assertThat(got.purchases().report().logLikelihood())
        .isCloseTo(want.purchases().report().logLikelihood(), within(1e-6 * 1e5));
    var g = got.gammaGamma().parameters();
    var w = want.gammaGamma().parameters();
    assertRelative(Map.of("p", g.p(), "q", g.q(), "gamma", g.gamma()),
        Map.of("p", w.p(), "q", w.q(), "gamma", w.gamma()));
    assertThat(got.gammaGamma().report().observations())
        .isEqualTo(want.gammaGamma().report().observations());
    assertThat(got.gammaGamma().excludedNonPositiveSpend())
        .isEqualTo(want.gammaGamma().excludedNonPositiveSpend());
    // the document has the same fields in the same order
    assertThat(fieldNames(Files.readString(actual))).isEqualTo(fieldNames(Files.readString(expected)));
    // and, the fits being one computation, the same bytes (report, standard errors included)
    assertThat(Files.readString(actual)).isEqualTo(Files.readString(expected));
  }

  @Test
  void theOtherPurchaseModelsEqualTheSingleMachineFitOnCdnow() {
    for (PurchaseModelKind kind : List.of(PurchaseModelKind.MBG_NBD, PurchaseModelKind.PARETO_NBD)) {
      ClvFitResult got = SparkClv.fit(transactions, END, PeriodUnit.WEEK, kind, ClvFitOptions.exact());
      ClvModel want = ClvModel.fit(data, kind);
      System.out.println("clv fit " + kind.label() + ": Spark " + got.model().purchases().model().parameters()
          + ", single-machine " + want.purchases().model().parameters());
      assertThat(got.fittedTuples()).isEqualTo(got.exactTuples()).isEqualTo(8_685);
      assertRelative(got.model().purchases().model().parameters(), want.purchases().model().parameters());
      assertThat(got.model().purchases().report().logLikelihood())
          .isEqualTo(want.purchases().report().logLikelihood());
      var g = got.model().gammaGamma().parameters();
      var w = want.gammaGamma().parameters();
      assertRelative(Map.of("p", g.p(), "q", g.q(), "gamma", g.gamma()),
          Map.of("p", w.p(), "q", w.q(), "gamma", w.gamma()));
    }
  }

  @Test
  void timesRoundedToWeeksCompressTheTuplesAtACostThatIsReported() throws IOException {
    Path rounded = dir.resolve("rounded.json");
    StringWriter err = new StringWriter();
    assertThat(SparkRunner.run(new String[] {"clv", "fit", "--input", csv.toString(),
        "--calibration-end", "1997-09-30", "--round-times", "week", "--output", rounded.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
    ClvModel exact = exactModel();
    ClvModel approx = ClvModelJson.DOCUMENT.read(rounded);
    var counts = java.util.regex.Pattern.compile(
        "bg-nbd fitted on ([0-9,]+) \\(x, t_x, T\\) tuples \\(times rounded to whole weeks; ([0-9,]+) in whole days\\)")
        .matcher(err.toString());
    assertThat(counts.find()).as(err.toString()).isTrue();
    long fitted = Long.parseLong(counts.group(1).replace(",", ""));
    long exactTuples = Long.parseLong(counts.group(2).replace(",", ""));
    double worst = worstRelative(approx.purchases().model().parameters(),
        exact.purchases().model().parameters());
    System.out.printf("clv fit --round-times week on CDNOW: %d -> %d (x, t_x, T) tuples; BG/NBD %s vs"
        + " exact %s; largest relative parameter difference %.3g%n", exactTuples, fitted,
        approx.purchases().model().parameters(), exact.purchases().model().parameters(), worst);
    assertThat(exactTuples).isEqualTo(8_685);
    assertThat(fitted).isLessThan(exactTuples / 2);
    assertThat(approx.purchases().report().observations()).isEqualTo(23_570);
    // an approximation, not a different model: measured 0.0065 (alpha), bound 0.02
    assertThat(worst).isGreaterThan(0).isLessThan(0.02);
    // Gamma-Gamma does not use the times
    assertThat(approx.gammaGamma().parameters()).isEqualTo(exact.gammaGamma().parameters());
  }

  @Test
  void gammaGammaOnASeededSampleIsDeterministicWhateverThePartitioning() {
    ClvFitOptions half = ClvFitOptions.exact().spendSample(0.5, 7);
    ClvFitResult a = SparkClv.fit(transactions, END, PeriodUnit.WEEK, PurchaseModelKind.BG_NBD, half);
    ClvFitResult b = SparkClv.fit(transactions.repartition(3), END, PeriodUnit.WEEK,
        PurchaseModelKind.BG_NBD, half);
    ClvModel exact = exactModel();
    var s = a.model().gammaGamma().parameters();
    var e = exact.gammaGamma().parameters();
    System.out.printf("clv fit --spend-sample 0.5 --seed 7 on CDNOW: Gamma-Gamma on %d of %d repeat"
        + " buyers (%d tuples): %s vs exact %s; largest relative difference %.3g%n",
        a.spendCustomers(), exact.gammaGamma().report().observations(), a.spendTuples(), s, e,
        worstRelative(Map.of("p", s.p(), "q", s.q(), "gamma", s.gamma()),
            Map.of("p", e.p(), "q", e.q(), "gamma", e.gamma())));
    assertThat(b).isEqualTo(a);
    long all = exact.gammaGamma().report().observations() + exact.gammaGamma().excludedNonPositiveSpend();
    assertThat(a.spendCustomers()).isBetween((long) (0.45 * all), (long) (0.55 * all));
    assertThat(a.model().purchases()).isEqualTo(exact.purchases());
    assertThat(s).isNotEqualTo(e);
  }

  private static ClvModel exactFit;

  /** crmkit's single-machine BG/NBD fit on every CDNOW customer. */
  static synchronized ClvModel exactModel() {
    if (exactFit == null) {
      exactFit = ClvModel.fit(data);
    }
    return exactFit;
  }

  private static double worstRelative(Map<String, Double> got, Map<String, Double> want) {
    double worst = 0;
    for (Map.Entry<String, Double> e : want.entrySet()) {
      worst = Math.max(worst, Math.abs(got.get(e.getKey()) - e.getValue()) / Math.abs(e.getValue()));
    }
    return worst;
  }

  private static void assertRelative(Map<String, Double> got, Map<String, Double> want) {
    assertThat(got.keySet()).isEqualTo(want.keySet());
    for (Map.Entry<String, Double> e : want.entrySet()) {
      double x = got.get(e.getKey());
      assertThat(Math.abs(x - e.getValue()) / Math.abs(e.getValue()))
          .as("%s: %s vs single-machine %s", e.getKey(), x, e.getValue()).isLessThan(TOLERANCE);
    }
  }

  private static List<String> fieldNames(String json) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"([a-z_]+)\"\\s*:").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crmkit-spark clv fit} against {@code crmkit clv fit} on the CDNOW master file (both
 * command lines in this test): the same document, parameters equal to 1e-6 relative.
 */
class SparkClvFitTest {
  /**
   * Relative agreement with the unweighted single-machine fit: the weighted likelihood adds the
   * same terms in another order, and crm-segmentation's optimiser stops within about 1e-6 of the
   * optimum (measured on CDNOW: 1.1e-6 on BG/NBD's a), so the bound is 1e-5.
   */
  static final double TOLERANCE = 1e-5;

  @TempDir Path dir;

  @Test
  void clvFitEqualsTheSingleMachineFitOnCdnow() throws IOException {
    SparkTestSession.get();
    Path csv = dir.resolve("cdnow.csv");
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
    Path expected = dir.resolve("expected.json");
    Path actual = dir.resolve("actual.json");
    String[] common = {"--input", csv.toString(), "--calibration-end", "1997-09-30", "--unit", "week"};
    StringWriter err = new StringWriter();
    assertThat(Crmkit.run(concat(new String[] {"clv", "fit", "--output", expected.toString()}, common),
        new PrintWriter(new StringWriter()), new PrintWriter(err))).as(err.toString()).isZero();
    StringWriter err2 = new StringWriter();
    assertThat(SparkRunner.run(concat(new String[] {"clv", "fit", "--output", actual.toString()}, common),
        new PrintWriter(new StringWriter()), new PrintWriter(err2))).as(err2.toString()).isZero();

    ClvModel want = ClvModelJson.DOCUMENT.read(expected);
    ClvModel got = ClvModelJson.DOCUMENT.read(actual);

    // the data are the same: crmkit's own summaries, grouped into the same weighted tuples, fit
    // to the same parameters (bit for bit up to 1e-12)
    ClvData data;
    try (var in = Files.newBufferedReader(csv)) {
      data = ClvData.of(TransactionCsv.read(in), LocalDate.parse("1997-09-30"), PeriodUnit.WEEK);
    }
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
    // against the unweighted single-machine fit: equal to the optimiser's tolerance
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

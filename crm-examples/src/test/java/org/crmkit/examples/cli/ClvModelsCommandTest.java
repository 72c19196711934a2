package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.json.ClvModelJson;
import org.crmkit.json.PurchaseModelJson;
import org.crmkit.json.RetentionModelJson;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.RetentionFit;
import org.crmkit.core.model.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published figures through the command line: Pareto/NBD on CDNOW, BG/BB on the donations,
 * sBG on the Fader &amp; Hardie cohorts; summaries, comparison and diagnostics.
 */
class ClvModelsCommandTest {
  @TempDir static Path dir;
  static Path cdnow;
  static Path donations;

  @BeforeAll
  static void data() throws IOException {
    Path data = Path.of(System.getProperty("crmkit.data"));
    List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
    for (String line : Files.readAllLines(data.resolve("cdnow").resolve("CDNOW_sample.txt"))) {
      if (!line.isBlank()) {
        String[] f = line.trim().split("\\s+");
        lines.add(f[1] + "," + LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE) + "," + f[4]);
      }
    }
    cdnow = dir.resolve("cdnow.csv");
    Files.write(cdnow, lines);
    donations = data.resolve("donations").resolve("donations.csv");
  }

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void paretoNbdReproducesTheCdnowEstimatesThroughTheCommandLine() throws IOException {
    Path model = dir.resolve("pareto.json");
    Run fit = run("clv", "fit", "--model", "pareto-nbd", "--input", cdnow.toString(), "--calibration-end", "1997-09-30",
        "--output", model.toString());
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("\"pareto_nbd\"", "\"s\" : 0.606", "\"beta\" : 11.66", "\"log_likelihood\" : -9594.97",
        "\"gamma_gamma\"");
    ClvModel m = ClvModelJson.DOCUMENT.read(Files.readString(model));
    Map<String, Double> p = m.purchases().model().parameters();
    assertThat(p.get("r")).isCloseTo(0.553, within(0.0005));
    assertThat(p.get("alpha")).isCloseTo(10.578, within(0.0005));
    assertThat(p.get("s")).isCloseTo(0.606, within(0.0005));
    assertThat(p.get("beta")).isCloseTo(11.669, within(0.0005));
    assertThat(m.purchases().report().logLikelihood()).isCloseTo(-9595.0, within(0.05));

    Run predict = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(), "--horizon", "52");
    assertThat(predict.status()).as(predict.err()).isZero();
    assertThat(predict.out()).startsWith("customer_id,p_alive,expected_purchases,expected_spend,clv\n");
    assertThat(predict.out().lines()).hasSize(2358);
  }

  @Test
  void bgBbReproducesTheDonationsFiguresThroughTheCommandLine() throws IOException {
    Path model = dir.resolve("bgbb.json");
    Run fit = run("clv", "fit", "--model", "bg-bb", "--summary", donations.toString(), "--output", model.toString());
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("\"format\" : \"crmkit.purchase-model/1\"", "\"bg_bb\"", "\"alpha\" : 1.20",
        "\"beta\" : 0.749", "\"gamma\" : 0.656", "\"delta\" : 2.78", "\"customers\" : 11104");
    PurchaseFit f = PurchaseModelJson.readAny(Files.readString(model));
    assertThat(f.model().parameters().get("delta")).isCloseTo(2.783, within(0.0005));

    Run predict = run("clv", "predict", "--model", model.toString(), "--summary", donations.toString(), "--horizon", "5");
    assertThat(predict.status()).as(predict.err()).isZero();
    List<String> lines = predict.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("frequency,recency,periods,weights,p_alive,expected_purchases");
    List<String> input = Files.readAllLines(donations);
    assertThat(lines).hasSize(input.size());
    double total = 0;
    Map<String, Double> alive = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] v = lines.get(i).split(",");
      assertThat(lines.get(i)).startsWith(input.get(i) + ",");
      total += Double.parseDouble(v[3]) * Double.parseDouble(v[5]);
      alive.put(v[0] + "/" + v[1], Double.parseDouble(v[4]));
    }
    System.out.printf("CLI BG/BB: P(alive) %s, expected 5 periods %.1f%n", alive, total);
    assertThat(total).isCloseTo(12884.2, within(0.05));
    assertThat(alive.get("0/0")).isCloseTo(0.11, within(0.005));
    assertThat(alive.get("2/4")).isCloseTo(0.59, within(0.005));
    assertThat(alive.get("6/6")).isCloseTo(0.93, within(0.005));

    Run transactions = run("clv", "fit", "--model", "bg-bb", "--input", cdnow.toString(), "--calibration-end", "1997-09-30");
    assertThat(transactions.status()).isEqualTo(2);
    assertThat(transactions.err()).contains("--summary");
  }

  @Test
  void aWeightedSummaryFitsLikeItsTransactions() throws IOException {
    ClvData data = ClvData.of(TransactionsForTest.read(cdnow), LocalDate.parse("1997-09-30"), PeriodUnit.WEEK);
    Map<List<Object>, Integer> groups = new LinkedHashMap<>();
    for (CustomerSummary c : data.customers()) {
      groups.merge(List.of(c.repeatPurchases(), c.recency(), c.age(), c.meanRepeatSpend()), 1, Integer::sum);
    }
    List<String> csv = new ArrayList<>(List.of("frequency,recency,T,monetary_value,weight"));
    groups.forEach((k, w) -> csv.add(k.get(0) + "," + k.get(1) + "," + k.get(2) + "," + k.get(3) + "," + w));
    Path summary = dir.resolve("summary.csv");
    Files.write(summary, csv);
    Run fit = run("clv", "fit", "--model", "pareto-nbd", "--summary", summary.toString());
    assertThat(fit.status()).as(fit.err()).isZero();
    PurchaseFit f = PurchaseModelJson.readAny(fit.out());
    assertThat(f.report().logLikelihood()).isCloseTo(-9595.0, within(0.05));
    assertThat(f.report().observations()).isEqualTo(2357);

    Path model = dir.resolve("summary-pareto.json");
    Files.writeString(model, fit.out());
    Run predict = run("clv", "predict", "--model", model.toString(), "--summary", summary.toString(), "--horizon", "39");
    assertThat(predict.status()).as(predict.err()).isZero();
    assertThat(predict.out().lines().findFirst()).contains("frequency,recency,T,monetary_value,weight,p_alive,expected_purchases");
    assertThat(predict.out().lines()).hasSize(csv.size());

    Files.write(dir.resolve("bad.csv"), List.of("frequency,recency,T,monetary_value", "1,5,3,10", "x,0,3,0", "2,1,4"));
    Run bad = run("clv", "fit", "--summary", dir.resolve("bad.csv").toString());
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("line 2:", "recency <= age", "line 3: frequency must be a whole number",
        "line 4: expected 4 fields");
  }

  @Test
  void compareAndDiagnosePrintTables() throws IOException {
    Path buckets = dir.resolve("buckets.csv");
    Run compare = run("clv", "compare", "--input", cdnow.toString(), "--calibration-end", "1997-09-30",
        "--holdout-end", "1998-06-30", "--buckets", buckets.toString());
    assertThat(compare.status()).as(compare.err()).isZero();
    List<String> lines = compare.out().lines().toList();
    System.out.println(compare.out());
    assertThat(lines.get(0)).isEqualTo(String.join(",", ClvCompareCommand.HEADER));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("bg-nbd,r=0.24").contains(",-9582.4").endsWith(",1882,");
    assertThat(lines.get(2)).startsWith("pareto-nbd,r=0.55").contains(",-9594.97");
    List<String> b = Files.readAllLines(buckets);
    assertThat(b.get(0)).isEqualTo("frequency,customers,actual_mean,bg-nbd,pareto-nbd,mbg-nbd");
    assertThat(b).hasSize(9);
    assertThat(b.get(8)).startsWith("7+,");

    Path model = dir.resolve("bg.json");
    assertThat(run("clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30", "--output",
        model.toString()).status()).isZero();
    Run alive = run("clv", "diagnose", "--model", model.toString(), "--what", "p-alive", "--age", "39",
        "--max-frequency", "5", "--points", "10");
    assertThat(alive.status()).as(alive.err()).isZero();
    assertThat(alive.out()).startsWith("frequency,recency,value\n0,0.0000,1.000000\n");
    assertThat(alive.out().lines()).hasSize(1 + 1 + 5 * 9);
    Run tracking = run("clv", "diagnose", "--model", model.toString(), "--what", "tracking", "--input", cdnow.toString(),
        "--holdout-end", "1998-06-30");
    assertThat(tracking.status()).as(tracking.err()).isZero();
    assertThat(tracking.out().lines().toList()).hasSize(40).last().asString().startsWith("39,1882,");
    Run calibration = run("clv", "diagnose", "--model", model.toString(), "--what", "calibration", "--input",
        cdnow.toString(), "--holdout-end", "1998-06-30");
    assertThat(calibration.out().lines().toList()).hasSize(9).first().isEqualTo("frequency,customers,actual_mean,expected_mean");
    Run unknown = run("clv", "diagnose", "--model", model.toString(), "--what", "lift");
    assertThat(unknown.status()).isEqualTo(2);
  }

  @Test
  void predictBoundsTheHorizon() {
    Path model = dir.resolve("bg2.json");
    assertThat(run("clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30", "--output",
        model.toString()).status()).isZero();
    Run tooLong = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(), "--horizon", "100001");
    assertThat(tooLong.status()).isEqualTo(2);
    assertThat(tooLong.err()).contains("--horizon must be <= 100000 periods, but was 100001");
    Run both = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(), "--summary",
        donations.toString(), "--horizon", "5");
    assertThat(both.status()).isEqualTo(2);
  }

  @Test
  void retentionFitAndProjectReproduceFaderHardie2007() throws IOException {
    Path cohort = dir.resolve("high-end.csv");
    Files.write(cohort, List.of("period,active", "0,1000", "1,869", "2,743", "3,653", "4,593", "5,551", "6,517", "7,491"));
    Path model = dir.resolve("sbg.json");
    Run fit = run("retention", "fit", "--input", cohort.toString(), "--output", model.toString());
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("\"format\" : \"crmkit.retention-model/1\"", "\"alpha\" : 0.668", "\"beta\" : 3.80");
    RetentionFit f = RetentionModelJson.DOCUMENT.read(Files.readString(model));
    assertThat(f.model().alpha()).isCloseTo(0.668, within(0.0005));
    assertThat(f.model().beta()).isCloseTo(3.806, within(0.0005));

    Run project = run("retention", "project", "--model", model.toString(), "--periods", "12");
    assertThat(project.status()).as(project.err()).isZero();
    List<String> lines = project.out().lines().toList();
    assertThat(lines).hasSize(14);
    assertThat(lines.get(0)).isEqualTo("period,survival,retention_rate");
    assertThat(lines.get(1)).isEqualTo("0,1.000000,");
    String[] year1 = lines.get(2).split(",");
    assertThat(Double.parseDouble(year1[2])).isCloseTo(3.806 / (0.668 + 3.806), within(1e-4));

    Run vsActual = run("retention", "project", "--model", model.toString(), "--periods", "3", "--actual", cohort.toString());
    assertThat(vsActual.status()).as(vsActual.err()).isZero();
    List<String> compared = vsActual.out().lines().toList();
    assertThat(compared.get(0)).isEqualTo("period,survival,retention_rate,actual_survival");
    assertThat(compared).hasSize(9);
    assertThat(compared.get(8)).startsWith("7,").endsWith(",0.491000");

    Path regular = dir.resolve("regular.csv");
    Files.write(regular, List.of("period,active", "0,1000", "1,631", "2,468", "3,382", "4,326", "5,289", "6,262", "7,241"));
    Run reg = run("retention", "fit", "--input", regular.toString());
    assertThat(reg.status()).isZero();
    RetentionFit r = RetentionModelJson.DOCUMENT.read(reg.out());
    assertThat(r.model().alpha()).isCloseTo(0.704, within(0.0005));
    assertThat(r.model().beta()).isCloseTo(1.182, within(0.0005));

    Path bad = dir.resolve("bad-cohort.csv");
    Files.write(bad, List.of("period,active", "0,100", "2,90", "3,95"));
    Run badRun = run("retention", "fit", "--input", bad.toString());
    assertThat(badRun.status()).isEqualTo(2);
    assertThat(badRun.err()).contains("line 3: expected period 1", "line 4: expected period 2");
  }
}

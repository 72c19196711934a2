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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClvCommandTest {
  @TempDir static Path dir;
  static Path cdnow;

  /** The CDNOW sample as a crmkit transaction CSV. */
  @BeforeAll
  static void convertCdnow() throws IOException {
    Path sample = Path.of(System.getProperty("crmkit.data"), "cdnow", "CDNOW_sample.txt");
    List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
    for (String line : Files.readAllLines(sample)) {
      if (!line.isBlank()) {
        String[] f = line.trim().split("\\s+");
        lines.add(f[1] + "," + LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE) + "," + f[4]);
      }
    }
    cdnow = dir.resolve("cdnow.csv");
    Files.write(cdnow, lines);
  }

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void fitWritesAndPrintsTheModelAndPredictWritesTheCsv() throws IOException {
    Path model = dir.resolve("model.json");
    Run fit = run("clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30",
        "--unit", "week", "--output", model.toString());
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(fit.out()).contains("\"format\" : \"crmkit.clv-model/1\"", "\"r\" : 0.24", "\"alpha\" : 4.41",
        "\"log_likelihood\" : -9582.4", "\"p\" : 6.2", "\"gamma\" : 15.4", "\"log_likelihood\" : -4055.9");
    assertThat(Files.readString(model)).isEqualTo(fit.out());

    Path clv = dir.resolve("clv.csv");
    Run predict = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(),
        "--horizon", "52", "--discount", "0.01", "--output", clv.toString());
    assertThat(predict.status()).as(predict.err()).isZero();
    assertThat(predict.out()).startsWith("2357 customers predicted over 52 weeks at 0.01 per week");
    List<String> rows = Files.readAllLines(clv);
    assertThat(rows.get(0)).isEqualTo("customer_id,p_alive,expected_purchases,expected_spend,clv");
    assertThat(rows).hasSize(2358);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      assertThat(Double.parseDouble(f[1])).isBetween(0.0, 1.0);
      assertThat(Double.parseDouble(f[4])).isNotNegative();
    }
    // customer 0003 bought once: alive for sure (BG/NBD), and the, population mean spend 6.25 * 15.44 / 2.74 ~ 35.2
    String first = rows.stream().filter(r -> r.startsWith("0003,")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(first.split(",")[1])).isEqualTo(1.0);
    assertThat(Double.parseDouble(first.split(",")[3])).isCloseTo(35.2, within(0.2));
  }

  @Test
  void predictWithoutOutputPrintsTheCsv() throws IOException {
    Path model = dir.resolve("m2.json");
    assertThat(run("clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30",
        "--output", model.toString()).status()).isZero();
    Run predict = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(), "--horizon", "4");
    assertThat(predict.status()).isZero();
    assertThat(predict.out()).startsWith("customer_id,p_alive,expected_purchases,expected_spend,clv\n");
  }

  @Test
  void predictCanAppendAValueTierColumn() throws IOException {
    Path model = dir.resolve("m3.json");
    assertThat(run("clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30",
        "--output", model.toString()).status()).isZero();
    Run predict = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(),
        "--horizon", "52", "--tiers", "0.8,0.95");
    assertThat(predict.status()).as(predict.err()).isZero();
    List<String> rows = predict.out().lines().toList();
    assertThat(rows.get(0)).isEqualTo("customer_id,p_alive,expected_purchases,expected_spend,clv,tier");
    assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).matches(".*,(HIGH|MEDIUM|LOW)"));
    assertThat(rows.stream().filter(r -> r.endsWith(",HIGH")).count()).isBetween(1L, 2356L);

    Run bad = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(),
        "--horizon", "52", "--tiers", "0.8");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--tiers needs two shares of total CLV, HIGH_SHARE,MEDIUM_SHARE");
  }

  @Test
  void badInputExitsWith2AndWritesNoFile() throws IOException {
    Path out = dir.resolve("never.json");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "customer_id,date,amount\nc1,2024-13-01,5\n");
    Path tooFew = dir.resolve("few.csv");
    Files.writeString(tooFew, "customer_id,date,amount\nc1,2024-01-01,5\nc1,2024-01-05,5\n");
    Path model = dir.resolve("bad-model.json");
    Files.writeString(model, "{\"format\": \"crmkit.clv-model/1\"}");

    List<String[]> cases = List.of(
        new String[] {"clv", "fit", "--input", bad.toString(), "--calibration-end", "2024-03-01", "--output", out.toString()},
        new String[] {"clv", "fit", "--input", tooFew.toString(), "--calibration-end", "2024-03-01", "--output", out.toString()},
        new String[] {"clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-31", "--output", out.toString()},
        new String[] {"clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30", "--unit", "month", "--output", out.toString()},
        new String[] {"clv", "fit", "--input", dir.resolve("missing.csv").toString(), "--calibration-end", "1997-09-30", "--output", out.toString()},
        new String[] {"clv", "predict", "--model", model.toString(), "--input", cdnow.toString(), "--horizon", "5", "--output", out.toString()},
        new String[] {"clv", "predict", "--model", dir.resolve("nope.json").toString(), "--input", cdnow.toString(), "--horizon", "5", "--output", out.toString()},
        new String[] {"clv", "fit", "--input", cdnow.toString()},
        new String[] {"clv"});
    List<String> messages = new ArrayList<>();
    for (String[] args : cases) {
      Run r = run(args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(out).doesNotExist();
      messages.add(r.err());
    }
    assertThat(messages.get(0)).contains("line 2: date '2024-13-01' is not an ISO date");
    assertThat(messages.get(1)).contains("BG/NBD needs at least 10 customers, but got 1");
    assertThat(messages.get(2)).contains("--calibration-end: '1997-09-31' is not a date (yyyy-MM-dd, years 0001 to 9999)");
    assertThat(messages.get(3)).contains("unit must be 'day' or 'week', but was 'month'");
    assertThat(messages.get(4)).contains("no such file or directory");
    assertThat(messages.get(5)).contains("$.calibration_end", "$.bg_nbd");
    assertThat(messages.get(6)).contains("no such file or directory");
    assertThat(messages.get(7)).contains("--calibration-end");
    assertThat(messages.get(8)).contains("missing sub-command");
  }

  @Test
  void badHorizonOrDiscountExitsWith2() throws IOException {
    Path model = dir.resolve("m3.json");
    assertThat(run("clv", "fit", "--input", cdnow.toString(), "--calibration-end", "1997-09-30",
        "--output", model.toString()).status()).isZero();
    Path out = dir.resolve("none.csv");
    Run zero = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(),
        "--horizon", "0", "--output", out.toString());
    assertThat(zero.status()).isEqualTo(2);
    assertThat(zero.err()).contains("horizon must be >= 1 period, but was 0");
    Run negative = run("clv", "predict", "--model", model.toString(), "--input", cdnow.toString(),
        "--horizon", "5", "--discount", "-0.5", "--output", out.toString());
    assertThat(negative.status()).isEqualTo(2);
    assertThat(negative.err()).contains("discount must be a finite rate >= 0");
    assertThat(out).doesNotExist();
  }
}

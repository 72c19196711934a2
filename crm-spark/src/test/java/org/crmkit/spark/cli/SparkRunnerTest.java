package org.crmkit.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crmkit.examples.cli.Crmkit;
import org.crmkit.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner writes byte for byte what {@code crmkit rfm} writes on the same CSV: both command
 * lines run in this test, on the CDNOW master file and on random data.
 */
class SparkRunnerTest {
  @TempDir static Path dir;
  static Path cdnow;
  static Path random;

  @BeforeAll
  static void files() throws IOException {
    SparkTestSession.get();
    cdnow = dir.resolve("cdnow.csv");
    List<String> lines = new ArrayList<>();
    lines.add("customer_id,date,amount");
    Path master = Path.of(System.getProperty("crmkit.data"), "cdnow", "CDNOW_master.txt");
    List<String> raw = Files.readAllLines(master, StandardCharsets.US_ASCII);
    for (String line : raw.subList(1, raw.size())) {
      String[] f = line.trim().split("\\s+");
      lines.add(f[0] + "," + f[1].substring(0, 4) + "-" + f[1].substring(4, 6) + "-"
          + f[1].substring(6) + "," + f[3]);
    }
    Files.write(cdnow, lines, StandardCharsets.UTF_8);

    random = dir.resolve("random.csv");
    Random rnd = new Random(16);
    List<String> r = new ArrayList<>();
    r.add("customer_id,date,amount");
    String[] odd = {"\"a,b\"", "\uD83D\uDE00x", "\uFFFDy", "\u00E9z", "\"q\"\"uote\"", "\" lead\"", "\"trail \""};
    for (int i = 0; i < 3000; i++) {
      int c = rnd.nextInt(400);
      String id = c < odd.length ? odd[c] : "c" + c;
      LocalDate d = LocalDate.of(1998, 7, 1).minusDays(rnd.nextInt(500) - 5);
      String amount = rnd.nextInt(8) == 0 ? "-" + rnd.nextInt(50) + ".5"
          : rnd.nextInt(3) == 0 ? "20" : rnd.nextInt(300) + "." + (rnd.nextInt(4) * 25);
      r.add(id + "," + d + "," + amount);
      if (i % 700 == 0) {
        r.add("   ");
      }
    }
    Files.write(random, r, StandardCharsets.UTF_8);
  }

  static int crmkit(String... args) {
    return Crmkit.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  static int spark(StringWriter err, String... args) {
    return SparkRunner.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  private static void assertSameOutput(Path input, String... options) throws IOException {
    Path expected = dir.resolve("expected-" + System.nanoTime() + ".csv");
    Path actual = dir.resolve("actual-" + System.nanoTime() + ".csv");
    List<String> common = new ArrayList<>(List.of("rfm", "--input", input.toString(),
        "--as-of", "1998-07-01"));
    common.addAll(List.of(options));
    List<String> a = new ArrayList<>(common);
    a.addAll(List.of("--output", expected.toString()));
    List<String> b = new ArrayList<>(common);
    b.addAll(List.of("--output", actual.toString()));
    assertThat(crmkit(a.toArray(String[]::new))).isZero();
    StringWriter err = new StringWriter();
    assertThat(spark(err, b.toArray(String[]::new))).as(err.toString()).isZero();
    byte[] want = Files.readAllBytes(expected);
    assertThat(want.length).isGreaterThan(100);
    assertThat(firstDifferences(expected, actual)).as("%s %s", input, List.of(options)).isEmpty();
    assertThat(Files.readAllBytes(actual)).as("%s %s", input, List.of(options)).isEqualTo(want);
  }

  /** Up to five differing lines, as "line n: expected | actual". */
  static List<String> firstDifferences(Path expected, Path actual) throws IOException {
    List<String> e = Files.readAllLines(expected, StandardCharsets.UTF_8);
    List<String> a = Files.readAllLines(actual, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(e.size(), a.size()) && out.size() < 5; i++) {
      String x = i < e.size() ? e.get(i) : "<none>";
      String y = i < a.size() ? a.get(i) : "<none>";
      if (!x.equals(y)) {
        out.add("line " + (i + 1) + ": " + x + " | " + y);
      }
    }
    return out;
  }

  @Test
  void rfmIsByteIdenticalToCrmkitOnCdnow() throws IOException {
    assertSameOutput(cdnow);
    assertSameOutput(cdnow, "--ties", "split", "--tiles", "4");
  }

  @Test
  void rfmIsByteIdenticalToCrmkitOnRandomDataWithOddIdsTiesAndReturns() throws IOException {
    assertSameOutput(random);
    assertSameOutput(random, "--ties", "split", "--segments", "builtin-11");
    assertSameOutput(random, "--tiles", "3");
  }

  @Test
  void parquetInputGivesTheSameCsv() throws IOException {
    Path parquet = dir.resolve("tx.parquet");
    SparkTestSession.get().read().option("header", "true").option("escape", "\"")
        .csv(random.toString())
        .write().parquet(parquet.toString());
    Path fromCsv = dir.resolve("from-csv.csv");
    Path fromParquet = dir.resolve("from-parquet.csv");
    StringWriter err = new StringWriter();
    assertThat(spark(err, "rfm", "--input", random.toString(), "--as-of", "1998-07-01",
        "--output", fromCsv.toString())).as(err.toString()).isZero();
    assertThat(spark(err, "rfm", "--input", parquet.toString(), "--as-of", "1998-07-01",
        "--output", fromParquet.toString())).as(err.toString()).isZero();
    assertThat(Files.readAllBytes(fromParquet)).isEqualTo(Files.readAllBytes(fromCsv));
  }

  @Test
  void parquetOutputHoldsTheCsvsRowsInItsOrder() throws IOException {
    Path csvOut = dir.resolve("scores.csv");
    Path parquetOut = dir.resolve("scores.parquet");
    StringWriter err = new StringWriter();
    String[] common = {"rfm", "--input", random.toString(), "--as-of", "1998-07-01"};
    assertThat(spark(err, concat(common, "--output", csvOut.toString()))).as(err.toString()).isZero();
    assertThat(spark(err, concat(common, "--output", parquetOut.toString(), "--output-format", "parquet")))
        .as(err.toString()).isZero();
    List<String> want = Files.readAllLines(csvOut, StandardCharsets.UTF_8);
    assertThat(SparkTestSession.get().read().parquet(parquetOut.toString()).columns())
        .containsExactly(RfmJob.OUTPUT_HEADER.toArray(String[]::new));
    // the part files in name order, each read on its own (a read of the directory may reorder them)
    List<org.apache.spark.sql.Row> rows = new ArrayList<>();
    try (var parts = Files.list(parquetOut)) {
      for (Path part : parts.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
        rows.addAll(SparkTestSession.get().read().parquet(part.toString()).collectAsList());
      }
    }
    List<String> got = new ArrayList<>();
    for (var r : rows) {
      got.add(String.join("|", r.getString(0), Integer.toString(r.getInt(1)), Integer.toString(r.getInt(2)),
          RfmJob.decimal(r.getDouble(3)), Integer.toString(r.getInt(4)), Integer.toString(r.getInt(5)),
          Integer.toString(r.getInt(6)), r.isNullAt(7) ? "" : r.getString(7)));
    }
    // the CSV's rows (its parser is crmkit's: ids with commas and quotes are quoted there)
    List<String> fromCsv = new ArrayList<>();
    try (var in = Files.newBufferedReader(csvOut)) {
      org.crmkit.examples.csv.Csv.read(in, RfmJob.OUTPUT_HEADER)
          .forEach(row -> fromCsv.add(String.join("|", row.fields())));
    }
    assertThat(want).hasSizeGreaterThan(100);
    assertThat(got).containsExactlyElementsOf(fromCsv);
    // a directory is never overwritten
    assertThat(spark(err, concat(common, "--output", parquetOut.toString(), "--output-format", "parquet")))
        .isEqualTo(SparkRunner.EXIT_INVALID_INPUT);
    assertThat(spark(err, concat(common, "--output", csvOut.toString(), "--output-format", "orc")))
        .isEqualTo(SparkRunner.EXIT_INVALID_INPUT);
    assertThat(err.toString()).contains("--output-format must be 'csv' or 'parquet', but was 'orc'");
  }

  @Test
  void clvPredictIsByteIdenticalToCrmkit() throws IOException {
    Path model = dir.resolve("model.json");
    Files.writeString(model, """
        {"format": "crmkit.clv-model/1", "calibration_end": "1998-01-31", "unit": "week",
         "bg_nbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "log_likelihood": -9582.4},
         "gamma_gamma": {"p": 6.25, "q": 3.74, "gamma": 15.44, "log_likelihood": -4055.9}}
        """);
    Path expected = dir.resolve("predict-expected.csv");
    Path actual = dir.resolve("predict-actual.csv");
    String[] common = {"clv", "predict", "--model", model.toString(), "--input", random.toString(),
        "--horizon", "52", "--discount", "0.01"};
    assertThat(crmkit(concat(common, "--output", expected.toString()))).isZero();
    StringWriter err = new StringWriter();
    assertThat(spark(err, concat(common, "--output", actual.toString()))).as(err.toString()).isZero();
    assertThat(Files.readAllLines(expected)).hasSizeGreaterThan(100);
    assertThat(firstDifferences(expected, actual)).isEmpty();
    assertThat(Files.readAllBytes(actual)).isEqualTo(Files.readAllBytes(expected));
    assertThat(spark(err, "clv", "predict", "--model", model.toString(), "--input", random.toString(),
        "--horizon", "0", "--output", actual.toString())).isEqualTo(SparkRunner.EXIT_INVALID_INPUT);
    assertThat(err.toString()).contains("horizon must be >= 1 period, but was 0");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void invalidInputExitsWithTwoAndNamesTheRow() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "customer_id,date,amount\nc1,1998-01-01,10\nc2,1998-02-30,5\n");
    StringWriter err = new StringWriter();
    assertThat(spark(err, "rfm", "--input", bad.toString(), "--as-of", "1998-07-01",
        "--output", dir.resolve("x.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("c2,1998-02-30,5").contains("not an ISO date");
    assertThat(dir.resolve("x.csv")).doesNotExist();

    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "customer_id,date,amount\n");
    StringWriter err2 = new StringWriter();
    assertThat(spark(err2, "rfm", "--input", empty.toString(), "--as-of", "1998-07-01",
        "--output", dir.resolve("y.csv").toString())).isEqualTo(2);
    assertThat(err2.toString()).contains("no transactions after the header");

    StringWriter err3 = new StringWriter();
    assertThat(spark(err3, "rfm", "--input", random.toString(), "--as-of", "1998-07-01",
        "--ties", "both", "--output", dir.resolve("z.csv").toString())).isEqualTo(2);
    assertThat(err3.toString()).contains("--ties must be 'share' or 'split'");
  }
}

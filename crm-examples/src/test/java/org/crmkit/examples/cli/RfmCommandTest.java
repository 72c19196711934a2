package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  Path csv(String content) throws IOException {
    return Files.writeString(dir.resolve("tx.csv"), content);
  }

  @Test
  void scoresEveryCustomerSortedByIdAsText() throws IOException {
    Path in = csv("""
        customer_id,date,amount
        9,1998-06-30,10.10
        10,1998-06-01,5
        10,1998-06-20,0.2
        2,1998-01-01,100
        2,1998-07-05,999
        x,1998-08-01,1
        """);
    Path output = dir.resolve("scores.csv");
    int status = run("rfm", "--input", in.toString(), "--as-of", "1998-07-01",
        "--output", output.toString(), "--tiles", "3");
    assertThat(status).as(err.toString()).isZero();
    // r: recency 1 (9), 11 (10), 181 (2): strictly older counts 2, 1, 0 → 1 + floor(3L/3)
    // f: 1, 2, 1 → L = 0, 2, 0; m: 10.1, 5.2, 100 → L = 1, 0, 2
    // x has only a purchase after the as-of date and is not scored; no segments for 3 tiles
    assertThat(Files.readAllLines(output)).containsExactly(
        "customer_id,recency_days,frequency,monetary,r,f,m,segment",
        "10,11,2,5.2,2,3,1,",
        "2,181,1,100,1,1,3,",
        "9,1,1,10.1,3,1,2,");
  }

  @Test
  void builtinSegmentsAndSplitTies() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 10; i++) {
      sb.append("c").append(i).append(",1998-06-").append(10 + i).append(",").append(10 * (i + 1))
          .append('\n');
    }
    Path in = csv(sb.toString());
    Path output = dir.resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString(), "--ties", "split", "--segments", "builtin-11")).isZero();
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(11);
    // equal frequency 1 for all: split by id gives c0..c9 the f scores 1,1,2,2,...,5,5
    assertThat(lines.get(10)).isEqualTo("c9,12,1,100,5,5,5,Champions");
    assertThat(lines.get(1)).isEqualTo("c0,21,1,10,1,1,1,Lost");
  }

  @Test
  void segmentRulesFromAFile() throws IOException {
    Path in = csv("customer_id,date,amount\na,1998-06-30,1\nb,1998-01-01,1\n");
    Path rules = Files.writeString(dir.resolve("rules.json"), """
        {"format": "crmkit.segment-rules/1", "tiles": 2,
         "rules": [{"segment": "recent", "r": [2, 2]}, {"segment": "old", "r": [1, 1]}]}
        """);
    Path output = dir.resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString(), "--tiles", "2", "--segments", rules.toString())).isZero();
    assertThat(Files.readAllLines(output)).containsExactly(
        "customer_id,recency_days,frequency,monetary,r,f,m,segment",
        "a,1,1,1,2,1,1,recent", "b,181,1,1,1,1,1,old");
  }

  @Test
  void malformedRowExitsTwoWithLineAndReasonAndWritesNoFile() throws IOException {
    Path output = dir.resolve("scores.csv");
    for (String[] bad : new String[][] {
        {"customer_id,date,amount\na,1998-06-30,1\nb,1998-02-30,1\n", "line 3: date '1998-02-30' is not an ISO date"},
        {"customer_id,date,amount\na,1998-06-30,1x\n", "line 2: amount '1x' is not a decimal number"},
        {"customer_id,date,amount\n,1998-06-30,1\n", "line 2: customer_id is empty"},
        {"customer_id,date,amount\na,1998-06-30\n", "line 2: expected 3 fields"},
        {"id,date,amount\n", "line 1: expected the header customer_id,date,amount"},
        {"customer_id,date,amount\n", "no transactions after the header"}}) {
      Path in = csv(bad[0]);
      StringWriter e = new StringWriter();
      int status = Crmkit.run(new String[] {"rfm", "--input", in.toString(), "--as-of", "1998-07-01",
          "--output", output.toString()}, new PrintWriter(out), new PrintWriter(e));
      assertThat(status).isEqualTo(2);
      assertThat(e.toString()).contains(bad[1]);
      assertThat(output).doesNotExist();
    }
  }

  @Test
  void badOptionsExitTwo() throws IOException {
    Path in = csv("customer_id,date,amount\na,1998-06-30,1\n");
    String o = dir.resolve("s.csv").toString();
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output", o,
        "--ties", "random")).isEqualTo(2);
    assertThat(err.toString()).contains("--ties must be 'share' or 'split'");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output", o,
        "--segments", "nope.json")).isEqualTo(2);
    assertThat(err.toString()).contains("neither builtin-10, builtin-11 nor an existing file");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output", o,
        "--tiles", "4", "--segments", "builtin-10")).isEqualTo(2);
    assertThat(err.toString()).contains("the rules are for 5 tiles, but --tiles is 4");
    assertThat(run("rfm", "--input", dir.resolve("missing.csv").toString(), "--as-of", "1998-07-01",
        "--output", o)).isEqualTo(2);
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-13-01", "--output", o))
        .isEqualTo(2);
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1990-01-01", "--output", o))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no customer has a transaction on or before");
    assertThat(Path.of(o)).doesNotExist();
  }

  @Test
  void largeInputsShowProgress() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 50; i++) {
      sb.append("c").append(i % 7).append(",1998-06-01,1\n");
    }
    Path in = csv(sb.toString());
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        dir.resolve("s.csv").toString(), "--progress-every", "20")).isZero();
    assertThat(err.toString()).contains("rfm: read 20 rows (7 customers)")
        .contains("rfm: read 40 rows").contains("rfm: scored 7 customers");
  }
}

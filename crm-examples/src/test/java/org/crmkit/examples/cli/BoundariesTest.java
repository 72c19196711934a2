package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.crmkit.examples.csv.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: every input gets an exact answer or a clear refusal. One test per defect class of
 * the reliability review, each reproduced through the command line.
 */
class BoundariesTest {
  static final String TX = """
      customer_id,date,amount
      c1,1998-06-30,10
      c2,1998-06-01,5
      c3,1998-05-01,20
      """;

  @TempDir Path dir;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  Path write(String name, String text, Charset charset) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(charset));
  }

  List<String> filesInDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  // --- encodings -------------------------------------------------------------------------------

  @Test
  void excelsWindows1252CsvIsNotUtf8WithLineAndByteOffsetAndReadsWithEncoding() throws IOException {
    // header 24 bytes, line 2 17 bytes, line 3 16 bytes, "caf" 3 bytes: é (0xE9) at offset 60
    Path in = write("tx.csv", TX.replace("c3,", "café,"), Charset.forName("windows-1252"));
    Path output = dir.resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: " + in + ": not UTF-8 at line 4, byte offset 60"
        + " (byte 0xE9); save it as UTF-8 or name its encoding, e.g. --encoding windows-1252\n");
    assertThat(output).doesNotExist();

    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString(), "--encoding", "windows-1252")).as(err.toString()).isZero();
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).contains("\ncafé,61,");
  }

  @Test
  void utf16IsRecognisedAndReadsWithEncoding() throws IOException {
    Path in = dir.resolve("tx.csv");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write(TX.getBytes(StandardCharsets.UTF_16LE));
    Files.write(in, bytes.toByteArray());
    Path output = dir.resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not UTF-8 at line 1, byte offset 0 (byte 0xFF)")
        .contains("it looks like UTF-16");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString(), "--encoding", "UTF-16")).as(err.toString()).isZero();
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString(), "--encoding", "klingon")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --encoding: 'klingon' is not a character");
  }

  @Test
  void everyCommandReportsNotUtf8InJsonDocuments() throws IOException {
    Path policy = dir.resolve("policy.json");
    Files.write(policy, new byte[] {'{', '"', (byte) 0xC3, '"', '}'});
    Path data = write("data.json", "{}");
    assertThat(run("access", "check", "--policy", policy.toString(), "--data", data.toString(),
        "--user", "u", "--action", "read", "--record", "r")).isEqualTo(2);
    assertThat(err.toString()).contains("not UTF-8 at line 1, byte offset 2 (byte 0xC3)")
        .doesNotContain("Exception");
    assertThat(run("lifecycle", "diagram", "--definition", policy.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not UTF-8 at line 1, byte offset 2");
  }

  // --- paths -----------------------------------------------------------------------------------

  @Test
  void outputInAMissingDirectoryOrOnADirectoryAndInputDirectoriesExit2InPlainWords()
      throws IOException {
    Path in = write("tx.csv", TX);
    Path missing = dir.resolve("no-such-dir").resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        missing.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: cannot write --output " + missing
        + ": the directory " + missing.getParent() + " does not exist\n");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write --output " + dir + ": it is a directory");
    assertThat(run("rfm", "--input", dir.toString(), "--as-of", "1998-07-01", "--output",
        dir.resolve("s.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --input " + dir + ": it is a directory");
    assertThat(run("clv", "fit", "--input", in.toString(), "--calibration-end", "1998-06-30",
        "--output", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write --output " + missing);
    assertThat(run("clv", "fit", "--input", dir.toString(), "--calibration-end", "1998-06-30"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --input " + dir + ": it is a directory");
    assertThat(run("access", "matrix", "--policy", dir.toString(), "--data", dir.toString(),
        "--output", dir.resolve("m.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --data " + dir + ": it is a directory");
    assertThat(run("hierarchy", "rollup", "--input", in.toString(), "--output",
        missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write --output " + missing);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("java.");
    assertThat(filesInDir()).containsExactly("tx.csv");
  }

  /**
   * A read-only output directory cannot be tested honestly here: the tests run as root, which
   * writes into a mode-555 directory anyway, and creating a read-only mount needs privileges the
   * build must not assume. A path through a regular file fails for root too, so it is tested.
   */
  @Test
  void anOutputOrInputBelowARegularFileExits2NamingTheFile() throws IOException {
    Path in = write("tx.csv", TX);
    Path notADirectory = write("plain.txt", "a file\n");
    Path output = notADirectory.resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: cannot write --output " + output + ": "
        + notADirectory + " is a file, not a directory\n");
    assertThat(run("rfm", "--input", notADirectory.resolve("tx.csv").toString(), "--as-of",
        "1998-07-01", "--output", dir.resolve("s.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --input " + notADirectory.resolve("tx.csv")
        + ": ").doesNotContain("Exception").doesNotContain("java.");
    assertThat(Files.readString(notADirectory)).isEqualTo("a file\n");
    assertThat(filesInDir()).containsExactly("plain.txt", "tx.csv");
  }

  // --- all outputs or none -----------------------------------------------------------------------

  @Test
  void assignWritesItsOutputAndStateTogetherOrNeither() throws IOException {
    Path team = write("team.json", AssignCommandTest.TEAM);
    Path rules = write("rules.json", AssignCommandTest.RULES);
    Path leads = write("leads.csv", AssignCommandTest.LEADS);
    Path output = write("assigned.csv", "old output\n");
    Path state = dir.resolve("missing").resolve("state.json");
    assertThat(run("assign", "--rules", rules.toString(), "--team", team.toString(), "--leads",
        leads.toString(), "--output", output.toString(), "--at", "2026-11-23T10:00:00Z",
        "--state", state.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write --state " + state);
    assertThat(Files.readString(output)).isEqualTo("old output\n");
    assertThat(filesInDir()).containsExactly("assigned.csv", "leads.csv", "rules.json",
        "team.json");
  }

  @Test
  void aFailureWhileWritingLeavesNoTemporaryFileAndTheOldOutputsUntouched() throws IOException {
    Path a = write("a.csv", "old a\n");
    Path b = write("b.csv", "old b\n");
    CliFiles.Outputs outputs = new CliFiles.Outputs()
        .add(a, "--output", w -> w.write("new a\n"))
        .add(b, "--state", w -> {
          w.write("half of b");
          throw new NumberFormatException("Infinite or NaN");
        });
    assertThatThrownBy(outputs::commit).isInstanceOf(NumberFormatException.class);
    assertThat(Files.readString(a)).isEqualTo("old a\n");
    assertThat(Files.readString(b)).isEqualTo("old b\n");
    assertThat(filesInDir()).containsExactly("a.csv", "b.csv");
  }

  // --- CSV -------------------------------------------------------------------------------------

  @Test
  void quotedFieldsWithLineBreaksAreReadAndIdsWithBlanksSurviveARoundTrip() throws IOException {
    Path in = write("tx.csv", "customer_id,date,amount\r\n\"multi\r\nline\",1998-06-30,10\r\n"
        + "\" padded \",1998-06-01,5\r\nplain ,1998-05-01,20\r\n");
    Path output = dir.resolve("scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString(), "--tiles", "3")).as(err.toString()).isZero();
    String written = Files.readString(output);
    assertThat(written).startsWith("customer_id,recency_days,frequency,monetary,r,f,m,segment\n"
        + "\" padded \",30,1,5,").contains("\n\"multi\r\nline\",1,1,10,")
        .contains("\nplain,61,1,20,");
    // and the written file reads back to the same ids
    List<Csv.Row> rows = Csv.read(new StringReader(Files.readString(output)), List.of(
        "customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment"));
    assertThat(rows).extracting(r -> r.get(0)).containsExactly(" padded ", "multi\r\nline", "plain");
    assertThat(rows).extracting(Csv.Row::line).containsExactly(2, 3, 5);
  }

  @Test
  void malformedQuotingNamesTheLine() throws IOException {
    Path in = write("tx.csv", TX + "\"open,1998-06-30,10\n");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        dir.resolve("s.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: line 5: a quoted field is not closed\n");
  }

  // --- bounds ----------------------------------------------------------------------------------

  @Test
  void hugeAmountsAreRefusedWithoutLeftovers() throws IOException {
    Path in = write("tx.csv", "customer_id,date,amount\nc1,1998-06-01,1e308\nc1,1998-06-02,1e308\n");
    Path output = write("scores.csv", "old\n");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 2: amount '1e308' is out of range; amounts must be"
        + " between -10^15 and 10^15 (exclusive)").contains("line 3: amount '1e308'");
    assertThat(Files.readString(output)).isEqualTo("old\n");
    assertThat(filesInDir()).containsExactly("scores.csv", "tx.csv");
  }

  @Test
  void recencyIsExactAcrossTheWholeDateRange() throws IOException {
    Path in = write("tx.csv", "customer_id,date,amount\nc1,0001-01-01,1\n");
    Path output = dir.resolve("s.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "9999-12-31", "--output",
        output.toString(), "--tiles", "2")).as(err.toString()).isZero();
    long days = ChronoUnit.DAYS.between(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    assertThat(Files.readAllLines(output).get(1)).startsWith("c1," + days + ",1,1,");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "+10000-01-01", "--output",
        output.toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(
        "error: --as-of: '+10000-01-01' is not a date (yyyy-MM-dd, years 0001 to 9999)\n");
  }

  @Test
  void anImpossibleDateOptionIsOneLineWithoutTheUsage() throws IOException {
    Path in = write("tx.csv", TX);
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-02-30", "--output",
        dir.resolve("s.csv").toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(
        "error: --as-of: '1998-02-30' is not a date (yyyy-MM-dd, years 0001 to 9999)\n");
  }

  @Test
  void rfmAndClvFitShareOneDateRule() throws IOException {
    Path in = write("tx.csv", TX + "c4,+1998-01-01,1\n");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        dir.resolve("s.csv").toString())).isEqualTo(2);
    String rfm = err.toString();
    assertThat(run("clv", "fit", "--input", in.toString(), "--calibration-end", "1998-06-30"))
        .isEqualTo(2);
    assertThat(err.toString()).isEqualTo(rfm).isEqualTo(
        "error: line 5: date '+1998-01-01' is not an ISO date (yyyy-MM-dd, years 0001 to 9999)\n");
  }

  @Test
  void leadScoresAreDecimalOnly() throws IOException {
    Path team = write("team.json", AssignCommandTest.TEAM);
    Path rules = write("rules.json", AssignCommandTest.RULES);
    Path leads = write("leads.csv", """
        lead_id,territory,product_line,industry,size_band,source,score,value_tier
        L1,de,,,,,0x1p3,
        L2,de,,,,,1d,
        L3,de,,,,,0.5f,
        L4,de,,,,,5,
        """);
    Path output = dir.resolve("assigned.csv");
    assertThat(run("assign", "--rules", rules.toString(), "--team", team.toString(), "--leads",
        leads.toString(), "--output", output.toString(), "--at", "2026-11-23T10:00:00Z"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("leads.csv line 2: score must be a decimal number (e.g. 80, -2.5, 1e3), but was '0x1p3'")
        .contains("leads.csv line 3: score must be a decimal number (e.g. 80, -2.5, 1e3), but was '1d'")
        .contains("leads.csv line 4: score must be a decimal number (e.g. 80, -2.5, 1e3), but was '0.5f'")
        .doesNotContain("line 5");
    assertThat(output).doesNotExist();
  }

  @Test
  void instantsNearTheEndsOfTimeAreRefused() throws IOException {
    Path team = write("team.json", AssignCommandTest.TEAM);
    Path rules = write("rules.json", AssignCommandTest.RULES);
    Path leads = write("leads.csv", AssignCommandTest.LEADS);
    assertThat(run("assign", "--rules", rules.toString(), "--team", team.toString(), "--leads",
        leads.toString(), "--output", dir.resolve("a.csv").toString(), "--at",
        "+1000000000-12-31T23:59:59Z")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --at: '+1000000000-12-31T23:59:59Z' is out of "
        + "range; instants must lie in the years 0001 to 9999\n");
    write("team.json", AssignCommandTest.TEAM.replace("2026-11-24T00:00:00Z",
        "+1000000000-12-31T23:59:59.999999999Z"));
    assertThat(run("assign", "--rules", rules.toString(), "--team", team.toString(), "--leads",
        leads.toString(), "--output", dir.resolve("a.csv").toString(), "--at",
        "2026-11-23T10:00:00Z")).isEqualTo(2);
    assertThat(err.toString()).contains("$.users[2].outOfOffice[0].until")
        .contains("is out of range: instants must lie in the years 0001 to 9999");

    Path def = write("m.json", LifecycleCommandTest.TICKETS);
    Path events = write("events.csv", "subject_id,event,at\nt1,start,+1000000000-12-31T23:59:59Z\n");
    assertThat(run("lifecycle", "replay", "--definition", def.toString(), "--events",
        events.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("line 2: at '+1000000000-12-31T23:59:59Z' is not")
        .contains("in the years 0001 to 9999");
  }

  @Test
  void timersAreBoundedSoThatReplayCannotOverflow() throws IOException {
    Path def = write("m.json", """
        {"format": "crmkit.lifecycle/1", "name": "t", "initial": "a",
         "states": [{"name": "a"}, {"name": "b"}],
         "transitions": [{"source": "a", "event": "expire", "target": "b",
                          "after": "PT9223372036854775807S", "clock": "since"}]}
        """);
    Path events = write("events.csv", "subject_id,event,at\ns1,expire,2026-01-01\n");
    assertThat(run("lifecycle", "replay", "--definition", def.toString(), "--events",
        events.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("a timer must be at most 1000 years")
        .doesNotContain("ArithmeticException");
  }

  // --- security-relevant regressions (fixed in crm-json by #13, checked here) ------------------

  @Test
  void anAppendedDuplicateDeniesKeyNoLongerTurnsADenyIntoAnAllow() throws IOException {
    String policy;
    try (InputStream in = getClass().getResourceAsStream("/access/policy.json")) {
      policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path data;
    try (InputStream in = getClass().getResourceAsStream("/access/data.json")) {
      data = Files.write(dir.resolve("data.json"), in.readAllBytes());
    }
    String appended = policy.substring(0, policy.lastIndexOf('}')) + ", \"denies\": []}\n";
    Path p = write("policy.json", appended);
    assertThat(run("access", "check", "--policy", p.toString(), "--data", data.toString(),
        "--user", "ceo", "--action", "export", "--record", "c3")).isEqualTo(2);
    assertThat(err.toString()).contains("denies").contains("duplicate");
    assertThat(out.toString()).doesNotContain("ALLOW");
  }

  @Test
  void aRoleHierarchyProblemCausesNoFalseUnknownRoleProblems() throws IOException {
    String policy;
    try (InputStream in = getClass().getResourceAsStream("/access/policy.json")) {
      policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path data;
    try (InputStream in = getClass().getResourceAsStream("/access/data.json")) {
      data = Files.write(dir.resolve("data.json"), in.readAllBytes());
    }
    Path p = write("policy.json", policy.replace("{\"id\": \"admin\", ",
        "{\"id\": \"admin\", \"parent\": \"rep\", "));
    assertThat(run("access", "check", "--policy", p.toString(), "--data", data.toString(),
        "--user", "bob", "--action", "read", "--record", "c1")).isEqualTo(2);
    assertThat(err.toString()).contains("cycle").doesNotContain("unknown role");
  }

  @Test
  void unknownObjectTypesAreProblemsInThePolicyTheDataAndTheCommandLine() throws IOException {
    String policy;
    String data;
    try (InputStream in = getClass().getResourceAsStream("/access/policy.json")) {
      policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (InputStream in = getClass().getResourceAsStream("/access/data.json")) {
      data = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path p = write("policy.json", policy.replace(
        "{\"role\": \"rep\", \"objectType\": \"customer\"",
        "{\"role\": \"rep\", \"objectType\": \"custmer\""));
    Path d = write("data.json", data);
    assertThat(run("access", "check", "--policy", p.toString(), "--data", d.toString(),
        "--user", "bob", "--action", "read", "--record", "c1")).isEqualTo(2);
    assertThat(err.toString()).contains("$.grants[1].objectType: unknown object type 'custmer';"
        + " did you mean 'customer'?");
    p = write("policy.json", policy);
    write("data.json", data.replace("{\"id\": \"c2\", \"type\": \"customer\"",
        "{\"id\": \"c2\", \"type\": \"Customer\""));
    assertThat(run("access", "check", "--policy", p.toString(), "--data", d.toString(),
        "--user", "bob", "--action", "read", "--record", "c1")).isEqualTo(2);
    assertThat(err.toString()).contains("data.json: $.records[1].type: unknown object type "
        + "'Customer'; did you mean 'customer'?");
    write("data.json", data);
    assertThat(run("access", "check", "--policy", p.toString(), "--data", d.toString(),
        "--user", "bob", "--action", "read", "--record", "c1", "--type", "Customer"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--type: unknown object type 'Customer'; did you mean "
        + "'customer'?");
  }

  // --- diagrams --------------------------------------------------------------------------------

  @Test
  void mermaidEscapesQuotesAndLineBreaksInNames() throws IOException {
    Path def = write("m.json", """
        {"format": "crmkit.lifecycle/1", "name": "t", "initial": "a\\"b",
         "states": [{"name": "a\\"b"}, {"name": "x\\nclassDef evil fill:#f00", "final": true}],
         "transitions": [{"source": "a\\"b", "event": "go\\n[*] --> injected", "target": "x\\nclassDef evil fill:#f00"}]}
        """);
    assertThat(run("lifecycle", "diagram", "--definition", def.toString())).as(err.toString())
        .isZero();
    String mermaid = out.toString();
    assertThat(mermaid.lines()).noneMatch(l -> l.startsWith("classDef"))
        .noneMatch(l -> l.strip().startsWith("[*] --> injected"));
    assertThat(mermaid).contains("state \"a#quot;b\" as a_b")
        .contains("go#10;[*] --> injected").contains("x#10;classDef evil fill:#35;f00");
    assertThat(run("lifecycle", "diagram", "--definition", def.toString(), "--format", "dot"))
        .isZero();
    assertThat(out.toString()).contains("\"a\\\"b\"").contains("\"x\\nclassDef evil fill:#f00\"");
  }

  // --- bounded and complete error output -------------------------------------------------------

  @Test
  void rfmReportsEveryBadRowButPrintsAtMostAHundred() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,date,amount\n");
    for (int i = 0; i < 1000; i++) {
      sb.append("c").append(i).append(",1998-13-01,1\n");
    }
    Path in = write("tx.csv", sb.toString());
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        dir.resolve("s.csv").toString())).isEqualTo(2);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).hasSize(101);
    assertThat(lines.get(0)).isEqualTo(
        "error: line 2: date '1998-13-01' is not an ISO date (yyyy-MM-dd, years 0001 to 9999)");
    assertThat(lines.get(99)).startsWith("line 101: ");
    assertThat(lines.get(100)).isEqualTo("... and 900 more malformed rows (1000 problems in all)");
  }

  @Test
  void aHundredThousandNodeCycleIsOneShortLineWithItsLengthAndEnds() throws IOException {
    StringBuilder sb = new StringBuilder("id,parent_id,value\n");
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      sb.append('n').append(i).append(",n").append((i + 1) % n).append(",1\n");
    }
    Path in = write("nodes.csv", sb.toString());
    assertThat(run("hierarchy", "rollup", "--input", in.toString(), "--output",
        dir.resolve("out.csv").toString())).isEqualTo(2);
    String e = err.toString();
    assertThat(e.length()).as(e).isLessThan(1_000);
    assertThat(e).contains("cycle of 100000 nodes").contains("'n0' (line 2)")
        .contains("(99990 more nodes)").contains("'n99999' (line 100001)");
  }

  @Test
  void longProblemsAreAbbreviatedInTheMiddle() {
    StringWriter text = new StringWriter();
    Crmkit.printBounded(new PrintWriter(text), List.of("cycle: " + "n -> ".repeat(100_000) + "n"));
    assertThat(text.toString().length()).isLessThan(2_200);
    assertThat(text.toString()).startsWith("error: cycle: n -> ")
        .contains("characters left out").endsWith("-> n\n");
  }
}

package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: for random valid inputs with one injected fault, every command exits 2, names the
 * fault (the CSV line, or the JSON path of a document), names the file when it reads several of
 * one kind, prints nothing on standard output, and leaves an existing output file byte-identical
 * (and no temporary file behind). One run in ten of the second property has no fault and must
 * succeed, so that the generators are known to make valid inputs. The seed of a failing example
 * is printed by QuickTheories and in the assertion text.
 */
class InjectedFaultProperties {
  @TempDir Path dir;

  /** A command under test: its header, a valid row generator, faults, and its arguments. */
  record Command(String name, String header, IntFunction<String> validRow, List<String> faults,
      IntFunction<String[]> args) {}

  Path input() {
    return dir.resolve("input.csv");
  }

  Path output() {
    return dir.resolve("output.csv");
  }

  List<Command> commands() throws IOException {
    Path def = Files.writeString(dir.resolve("m.json"), LifecycleCommandTest.TICKETS);
    Path team = Files.writeString(dir.resolve("team.json"), AssignCommandTest.TEAM);
    Path rules = Files.writeString(dir.resolve("rules.json"), AssignCommandTest.RULES);
    String in = input().toString();
    String out = output().toString();
    return List.of(
        new Command("rfm", "customer_id,date,amount",
            i -> "c" + (i % 7) + ",1998-0" + (1 + i % 6) + "-1" + (i % 9) + "," + (i * 3 % 50) + ".5",
            List.of("c1,1998-02-30,1", "c1,1998-01-01,0x10", "c1,1998-01-01", ",1998-01-01,1",
                "c1,1998-01-01,1e308", "\"c1,1998-01-01,1"),
            seed -> new String[] {"rfm", "--input", in, "--as-of", "1998-07-01", "--output", out,
                "--tiles", "3"}),
        new Command("hierarchy rollup", "id,parent_id,value",
            i -> i == 0 ? "n0,,1" : "n" + i + ",n" + (i - 1) / 2 + "," + i,
            List.of("x,,abc", "x", ",n0,1", "n0,n0,1", "x,nowhere,1"),
            seed -> new String[] {"hierarchy", "rollup", "--input", in, "--output", out}),
        new Command("lifecycle replay", "subject_id,event,at",
            i -> "t" + i + ",start,2026-03-0" + (1 + i % 9),
            List.of("t1,start,tomorrow", "t1,fly,2026-01-01", ",start,2026-01-01",
                "t1,start,+1000000000-01-01T00:00:00Z"),
            seed -> new String[] {"lifecycle", "replay", "--definition", def.toString(),
                "--events", in}),
        new Command("assign", "lead_id,territory,product_line,industry,size_band,source,score,"
            + "value_tier",
            i -> "L" + i + ",de,,retail,small,web," + (i % 100) + ",",
            List.of("X1,mars,,,,,,", "X1,de,,,huge,,,", "X1,de,,,,,0x1p3,", "X1,de,,,,,1d,",
                "X1,de"),
            seed -> new String[] {"assign", "--rules", rules.toString(), "--team",
                team.toString(), "--leads", in, "--output", out, "--at", "2026-11-23T10:00:00Z"}));
  }

  @Test
  void oneInjectedFaultExits2NamesItsLineAndLeavesTheOutputUntouched() throws IOException {
    List<Command> commands = commands();
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      Command c = commands.get(rnd.nextInt(commands.size()));
      int rows = 1 + rnd.nextInt(12);
      int faultAt = rnd.nextInt(rows + 1); // data row index; its file line is faultAt + 2
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      List<String> lines = new ArrayList<>();
      lines.add(c.header());
      boolean notUtf8 = rnd.nextInt(6) == 0;
      for (int i = 0; i <= rows; i++) {
        lines.add(i == faultAt && !notUtf8
            ? c.faults().get(rnd.nextInt(c.faults().size())) : c.validRow().apply(i));
      }
      String eol = rnd.nextBoolean() ? "\n" : "\r\n";
      for (int i = 0; i < lines.size(); i++) {
        byte[] bytes = (lines.get(i) + eol).getBytes(StandardCharsets.UTF_8);
        if (notUtf8 && i == faultAt + 1) {
          file.write(bytes, 0, 1);
          file.write(0xE9); // é in windows-1252
          file.write(bytes, 1, bytes.length - 1);
        } else {
          file.write(bytes, 0, bytes.length);
        }
      }
      byte[] previous = new byte[rnd.nextInt(64)];
      rnd.nextBytes(previous);
      try {
        Files.write(input(), file.toByteArray());
        Files.write(output(), previous);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crmkit.run(c.args().apply(0), new PrintWriter(out), new PrintWriter(err));
        String what = "seed " + seed + ", " + c.name() + ", fault at line " + (faultAt + 2)
            + (notUtf8 ? " (not UTF-8)" : "") + ":\n" + new String(file.toByteArray(),
                StandardCharsets.ISO_8859_1) + "\nerr: " + err;
        assertThat(status).as(what).isEqualTo(2);
        assertThat(err.toString()).as(what).contains("line " + (faultAt + 2))
            .doesNotContain("Exception").doesNotContain("unexpected failure");
        assertThat(Files.readAllBytes(output())).as(what).isEqualTo(previous);
        try (Stream<Path> s = Files.list(dir)) {
          assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
              .as(what).isEmpty();
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  // --- the other commands: JSON documents and several inputs ------------------------------------

  /**
   * One run of a command on random valid inputs with one fault: its arguments, what the error
   * must name (a line or a JSON path), the input file that must be named with it (when the command
   * reads several files of one kind), the output file that must stay byte-identical (or null),
   * and the faulty file's text for the failure message.
   */
  record Faulty(String name, String[] args, String mustName, @Nullable Path file,
      @Nullable Path output, String faultyText) {}

  /** Makes one faulty run, writing its files into the test directory. */
  interface Scenario {
    Faulty make(SplittableRandom rnd, boolean withFault) throws IOException;
  }

  /** A CSV file with a fault in one row: what it wrote and what the error must name. */
  record CsvFile(String text, String mustName) {}

  /**
   * Writes {@code header} and {@code rows} valid rows to {@code file}; when {@code faults} is not
   * null, one row is replaced by one of them or (one time in six) made not UTF-8.
   */
  static CsvFile csv(SplittableRandom rnd, Path file, String header, int rows,
      IntFunction<String> valid, @Nullable List<String> faults) throws IOException {
    int faultAt = rnd.nextInt(rows);
    boolean notUtf8 = faults != null && rnd.nextInt(6) == 0;
    String eol = rnd.nextBoolean() ? "\n" : "\r\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] h = (header + eol).getBytes(StandardCharsets.UTF_8);
    bytes.write(h, 0, h.length);
    for (int i = 0; i < rows; i++) {
      boolean fault = faults != null && i == faultAt;
      String row = fault && !notUtf8 ? faults.get(rnd.nextInt(faults.size())) : valid.apply(i);
      byte[] b = (row + eol).getBytes(StandardCharsets.UTF_8);
      if (fault && notUtf8) {
        bytes.write(b, 0, 1);
        bytes.write(0xE9); // é in windows-1252
        bytes.write(b, 1, b.length - 1);
      } else {
        bytes.write(b, 0, b.length);
      }
    }
    Files.write(file, bytes.toByteArray());
    return new CsvFile(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1),
        faults == null ? "" : "line " + (faultAt + 2));
  }

  /** A JSON object written from name/raw-value pairs (a name may repeat: a duplicate key). */
  static String object(List<String[]> fields) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < fields.size(); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(fields.get(i)[0]).append("\": ")
          .append(fields.get(i)[1]);
    }
    return b.append('}').toString();
  }

  static String array(List<String> values) {
    return "[" + String.join(",\n  ", values) + "]";
  }

  static String str(String s) {
    return '"' + s + '"';
  }

  static List<String[]> fields(String... nameValue) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      out.add(new String[] {nameValue[i], nameValue[i + 1]});
    }
    return out;
  }

  /** Replaces (or adds) field {@code name} of {@code object}. */
  static void set(List<String[]> object, String name, String raw) {
    for (String[] f : object) {
      if (f[0].equals(name)) {
        f[1] = raw;
        return;
      }
    }
    object.add(new String[] {name, raw});
  }

  /** A random organisation and its records, and a policy over them, one of them faulty. */
  Faulty access(SplittableRandom rnd, boolean withFault) throws IOException {
    int units = 1 + rnd.nextInt(5);
    int people = 1 + rnd.nextInt(6);
    int records = 1 + rnd.nextInt(8);
    int grantCount = 1 + rnd.nextInt(4);
    List<List<String[]>> orgUnits = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      orgUnits.add(i == 0 ? fields("id", str("u0"))
          : fields("id", str("u" + i), "parent", str("u" + rnd.nextInt(i))));
    }
    List<List<String[]>> users = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      List<String[]> u = fields("id", str("p" + i), "name", str("P " + i), "orgUnit",
          str("u" + rnd.nextInt(units)), "roles", "[" + str(rnd.nextBoolean() ? "rep" : "admin")
              + "]");
      if (i > 0 && rnd.nextBoolean()) {
        set(u, "manager", str("p" + rnd.nextInt(i)));
      }
      users.add(u);
    }
    List<List<String[]>> recs = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      recs.add(fields("id", str("r" + i), "type", str(rnd.nextBoolean() ? "customer" : "case"),
          "owner", str("p" + rnd.nextInt(people)), "orgUnit", str("u" + rnd.nextInt(units))));
    }
    List<List<String[]>> grants = new ArrayList<>();
    String[] scopes = {"own", "org-unit", "org-unit-and-below", "all"};
    for (int i = 0; i < grantCount; i++) {
      grants.add(fields("role", str(rnd.nextBoolean() ? "rep" : "admin"), "objectType",
          str(rnd.nextBoolean() ? "customer" : "case"), "scope", str(scopes[rnd.nextInt(4)]),
          "actions", rnd.nextBoolean() ? "[\"read\"]" : "[\"read\", \"update\"]"));
    }
    String mustName = "";
    boolean inData = rnd.nextBoolean();
    if (withFault && inData) {
      int kind = rnd.nextInt(6);
      if (kind == 0 && units > 1) {
        int i = 1 + rnd.nextInt(units - 1);
        set(orgUnits.get(i), "parent", str("nowhere"));
        mustName = "$.orgUnits[" + i + "]";
      } else if (kind <= 1) {
        int i = rnd.nextInt(people);
        set(users.get(i), "orgUnit", str("nowhere"));
        mustName = "$.users[" + i + "]";
      } else if (kind == 2) {
        int i = rnd.nextInt(people);
        set(users.get(i), "active", str("yes"));
        mustName = "$.users[" + i + "]";
      } else if (kind == 3) {
        int i = rnd.nextInt(records);
        set(recs.get(i), "owner", str("ghost"));
        mustName = "$.records[" + i + "]";
      } else if (kind == 4) {
        int i = rnd.nextInt(records);
        set(recs.get(i), "type", str(rnd.nextBoolean() ? "custmer" : "Case"));
        mustName = "$.records[" + i + "]";
      } else {
        int i = rnd.nextInt(records);
        set(recs.get(i), "orgUnit", "42");
        mustName = "$.records[" + i + "]";
      }
    } else if (withFault) {
      int i = rnd.nextInt(grantCount);
      int kind = rnd.nextInt(6);
      String at = "$.grants[" + i + "]";
      if (kind == 0) {
        set(grants.get(i), "role", str("ghost"));
        mustName = at;
      } else if (kind == 1) {
        set(grants.get(i), "scope", str("galaxy"));
        mustName = at;
      } else if (kind == 2) {
        set(grants.get(i), "actions", "[]");
        mustName = at;
      } else if (kind == 3) {
        set(grants.get(i), "objectType", str("custmer"));
        mustName = at;
      } else if (kind == 4) {
        set(grants.get(i), "actions", "[\"read\", \"fly\"]");
        mustName = at;
      } else {
        grants.get(i).add(new String[] {"scope", str("all")});
        mustName = at;
      }
    }
    String dataText = object(fields("format", str("crmkit.access-data/1"),
        "orgUnits", array(orgUnits.stream().map(InjectedFaultProperties::object).toList()),
        "users", array(users.stream().map(InjectedFaultProperties::object).toList()),
        "records", array(recs.stream().map(InjectedFaultProperties::object).toList())));
    String policyText = object(fields("format", str("crmkit.policy/1"),
        "roles", "[{\"id\": \"admin\"}, {\"id\": \"rep\", \"parent\": \"admin\"}]",
        "grants", array(grants.stream().map(InjectedFaultProperties::object).toList())));
    Path data = Files.writeString(dir.resolve("data.json"), dataText);
    Path policy = Files.writeString(dir.resolve("policy.json"), policyText);
    Path faultyFile = inData ? data : policy;
    String faultyText = inData ? dataText : policyText;
    if (rnd.nextBoolean()) {
      return new Faulty("access check", new String[] {"access", "check", "--policy",
          policy.toString(), "--data", data.toString(), "--user", "p0", "--action", "read",
          "--record", "r0"}, mustName, faultyFile, null, faultyText);
    }
    return new Faulty("access matrix", new String[] {"access", "matrix", "--policy",
        policy.toString(), "--data", data.toString(), "--output", output().toString()},
        mustName, faultyFile, output(), faultyText);
  }

  static final String CLV_MODEL = """
      {
        "format": "crmkit.clv-model/1",
        "calibration_end": "1997-09-30",
        "unit": "week",
        "bg_nbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "log_likelihood": -9582.4,
                   "iterations": 90, "evaluations": 120, "converged": true, "customers": 2357},
        "gamma_gamma": {"p": 6.25, "q": 3.74, "gamma": 15.44, "log_likelihood": -4055.9,
                        "iterations": 60, "evaluations": 80, "converged": true, "repeat_buyers": 946,
                        "excluded_non_positive_spend": 0}
      }
      """;

  /** Faults of the CLV model document: a replacement and the path it must be reported at. */
  static final List<String[]> CLV_MODEL_FAULTS = List.of(
      new String[] {"\"r\": 0.243", "\"r\": -0.243", "$.bg_nbd"},
      new String[] {"\"alpha\": 4.414", "\"alpha\": \"4.414\"", "$.bg_nbd"},
      new String[] {"\"unit\": \"week\"", "\"unit\": \"fortnight\"", "$.unit"},
      new String[] {"\"calibration_end\": \"1997-09-30\"", "\"calibration_end\": \"1997-02-30\"",
          "$.calibration_end"},
      new String[] {"\"q\": 3.74", "\"q\": 3.74, \"q\": 3.75", "$.gamma_gamma"},
      new String[] {"\"converged\": true, \"customers\"", "\"converged\": 1, \"customers\"",
          "$.bg_nbd"});

  static final List<String> TX_FAULTS = List.of("c1,1997-02-30,1", "c1,1997-01-01,0x10",
      "c1,1997-01-01", ",1997-01-01,1", "c1,1997-01-01,1e308", "\"c1,1997-01-01,1",
      "c1,10000-01-01,1", "c1,1997-01-01,NaN");

  static String clvRow(int i) {
    return "c" + (i % 12) + ",1997-0" + (1 + i % 8) + "-1" + (i % 9) + "," + (1 + i * 7 % 40) + ".25";
  }

  Faulty clv(SplittableRandom rnd, boolean withFault) throws IOException {
    Path tx = dir.resolve("tx.csv");
    // twelve customers (BG/NBD needs ten), each buying on two different days or more
    int rows = 24 + rnd.nextInt(12);
    if (rnd.nextBoolean()) {
      CsvFile f = csv(rnd, tx, "customer_id,date,amount", rows, InjectedFaultProperties::clvRow,
          withFault ? TX_FAULTS : null);
      return new Faulty("clv fit", new String[] {"clv", "fit", "--input", tx.toString(),
          "--calibration-end", "1997-09-30", "--output", output().toString()}, f.mustName(), null,
          output(), f.text());
    }
    boolean inModel = withFault && rnd.nextBoolean();
    String model = CLV_MODEL;
    String mustName = "";
    if (inModel) {
      String[] fault = CLV_MODEL_FAULTS.get(rnd.nextInt(CLV_MODEL_FAULTS.size()));
      model = model.replace(fault[0], fault[1]);
      mustName = fault[2];
    }
    Path m = Files.writeString(dir.resolve("model.json"), model);
    CsvFile f = csv(rnd, tx, "customer_id,date,amount", rows, InjectedFaultProperties::clvRow,
        withFault && !inModel ? TX_FAULTS : null);
    return new Faulty("clv predict", new String[] {"clv", "predict", "--model", m.toString(),
        "--input", tx.toString(), "--horizon", "12", "--discount", "0.01", "--output",
        output().toString()}, inModel ? mustName : f.mustName(), null, output(),
        inModel ? model : f.text());
  }

  static final String RETENTION_MODEL = """
      {
        "format": "crmkit.retention-model/1",
        "sbg": {"alpha": 0.668, "beta": 3.806, "log_likelihood": -1611.2, "iterations": 40,
                "evaluations": 70, "converged": true, "customers": 1000}
      }
      """;

  static final List<String[]> RETENTION_MODEL_FAULTS = List.of(
      new String[] {"\"alpha\": 0.668", "\"alpha\": -0.668", "$.sbg"},
      new String[] {"\"beta\": 3.806", "\"beta\": \"x\"", "$.sbg"},
      new String[] {"\"customers\": 1000", "\"customers\": 1000, \"customers\": 1000",
          "$.sbg"},
      new String[] {"\"converged\": true", "\"converged\": 1", "$.sbg"},
      new String[] {"\"sbg\"", "\"sbgx\"", "$.sbgx"});

  Faulty retention(SplittableRandom rnd, boolean withFault) throws IOException {
    Path cohort = dir.resolve("cohort.csv");
    int rows = 2 + rnd.nextInt(10);
    long[] counts = new long[rows];
    counts[0] = 100 + rnd.nextInt(1000);
    for (int i = 1; i < rows; i++) {
      counts[i] = counts[i - 1] - rnd.nextLong(counts[i - 1] / 4 + 1);
    }
    IntFunction<String> valid = i -> i + "," + counts[i];
    // faults that are wrong on their own line: not numbers, a period out of order, a negative
    // count, a count above the cohort size (which can follow no valid row)
    List<String> faults = List.of("x,5", "1,five", "77,5", "3,-1", "4," + (counts[0] + 1),
        "5,1.5", "6");
    if (rnd.nextBoolean()) {
      CsvFile f = csv(rnd, cohort, "period,active", rows, valid, withFault ? faults : null);
      return new Faulty("retention fit", new String[] {"retention", "fit", "--input",
          cohort.toString(), "--output", output().toString()}, f.mustName(), null, output(),
          f.text());
    }
    boolean inModel = withFault && rnd.nextBoolean();
    String model = RETENTION_MODEL;
    String mustName = "";
    if (inModel) {
      String[] fault = RETENTION_MODEL_FAULTS.get(rnd.nextInt(RETENTION_MODEL_FAULTS.size()));
      model = model.replace(fault[0], fault[1]);
      mustName = fault[2];
    }
    Path m = Files.writeString(dir.resolve("model.json"), model);
    CsvFile f = csv(rnd, cohort, "period,active", rows, valid,
        withFault && !inModel ? faults : null);
    return new Faulty("retention project", new String[] {"retention", "project", "--model",
        m.toString(), "--periods", "6", "--actual", cohort.toString()},
        inModel ? mustName : f.mustName(), null, null, inModel ? model : f.text());
  }

  /** A funnel history: every subject converts, then wins or is lost, on increasing days. */
  static String historyRow(int i, boolean full) {
    String subject = "s" + i / 2;
    String day = java.time.LocalDate.of(2024, 1, 1).plusDays(i).toString();
    String step = i % 2 == 0 ? "lead,prospecting,convert" : "prospecting,"
        + (i % 4 == 1 ? "won,win" : "lost,lose");
    return subject + "," + step + "," + day + (full ? ",log," + (1 + i % 2) : "");
  }

  static List<String> historyFaults(boolean full) {
    List<String> f = new ArrayList<>(List.of("s99,lead,prospecting,convert,yesterday",
        "s99,lead,prospecting,convert,2024-02-30", "s99,lead",
        "s99,lead,prospecting,convert,10000-01-01T00:00:00Z", "\"s99,lead,prospecting,convert,x"));
    if (full) {
      f.add("s99,lead,prospecting,convert,2024-01-01,log,x");
    }
    return f;
  }

  Faulty funnel(SplittableRandom rnd, boolean withFault) throws IOException {
    Path records = dir.resolve("records.csv");
    boolean full = rnd.nextBoolean();
    String header = full ? "subject_id,from,to,event,at,actor,version" : "subject_id,from,to,event,at";
    int rows = 1 + rnd.nextInt(16);
    boolean inDeals = withFault && rnd.nextBoolean();
    if (rnd.nextBoolean()) {
      CsvFile f = csv(rnd, records, header, rows, i -> historyRow(i, full),
          withFault ? historyFaults(full) : null);
      return new Faulty("funnel analyze", new String[] {"funnel", "analyze", "--records",
          records.toString(), "--cohorts", output().toString(), "--cohort-days", "7"},
          f.mustName(), records, output(), f.text());
    }
    CsvFile history = csv(rnd, records, header, rows, i -> historyRow(i, full),
        withFault && !inDeals ? historyFaults(full) : null);
    Path deals = dir.resolve("deals.csv");
    CsvFile open = csv(rnd, deals, "deal_id,stage,amount,days_in_stage", 1 + rnd.nextInt(6),
        i -> "x" + i + ",prospecting," + (100 + i * 37) + ".5," + (i % 9),
        inDeals ? List.of("x9,prospecting,abc,3", "x9,prospecting,-5,3", "x9,prospecting,100",
            "x9,prospecting,0x1p3,3", "x9,prospecting,100,NaN", "x9,,100,3",
            "x9,prospecting,1e400,3", "x9,prospecting,100,1d") : null);
    return new Faulty("forecast pipeline", new String[] {"forecast", "pipeline", "--records",
        records.toString(), "--deals", deals.toString(), "--periods", "2"},
        inDeals ? open.mustName() : history.mustName(), inDeals ? deals : records, null,
        inDeals ? open.text() : history.text());
  }

  static final List<String[]> MACHINE_FAULTS = List.of(
      new String[] {"\"target\": \"done\"", "\"target\": \"gone\"",
          "$.transitions[1]"},
      new String[] {"\"internal\": true", "\"internal\": \"yes\"", "$.transitions[3]"},
      new String[] {"{\"name\": \"working\"}", "{\"name\": \"working\", \"colour\": \"red\"}",
          "$.states[1]"},
      new String[] {"\"effects\": [\"notify\"]", "\"effects\": [\"notify\"], \"effects\": []",
          "$.transitions[1]"});

  /** A lifecycle definition with one fault, drawn or replayed (with a valid event log). */
  Faulty lifecycle(SplittableRandom rnd, boolean withFault) throws IOException {
    String definition = LifecycleCommandTest.TICKETS;
    String mustName = "";
    if (withFault) {
      String[] fault = MACHINE_FAULTS.get(rnd.nextInt(MACHINE_FAULTS.size()));
      definition = definition.replace(fault[0], fault[1]);
      mustName = fault[2];
    }
    Path def = Files.writeString(dir.resolve("machine.json"), definition);
    if (rnd.nextBoolean()) {
      return new Faulty("lifecycle diagram", new String[] {"lifecycle", "diagram",
          "--definition", def.toString(), "--format", rnd.nextBoolean() ? "mermaid" : "dot"},
          mustName, null, null, definition);
    }
    Path events = dir.resolve("events.csv");
    csv(rnd, events, "subject_id,event,at", 1 + rnd.nextInt(8),
        i -> "t" + i + ",start,2026-03-0" + (1 + i % 9), null);
    return new Faulty("lifecycle replay", new String[] {"lifecycle", "replay", "--definition",
        def.toString(), "--events", events.toString()}, mustName, null, null, definition);
  }

  static final List<String[]> TEAM_FAULTS = List.of(
      new String[] {"{\"id\": \"bob\"", "{\"id\": \"alice\"", "$.users[1]"},
      new String[] {"\"limit\": 10", "\"limit\": -10", "$.users[3].capacity"},
      new String[] {"\"period\": \"WEEK\"", "\"period\": \"FORTNIGHT\"",
          "$.users[3].capacity"},
      new String[] {"\"from\": \"2026-11-20T00:00:00Z\"", "\"from\": \"2026-11-31T00:00:00Z\"",
          "$.users[2].outOfOffice[0]"});

  static final List<String[]> RULES_FAULTS = List.of(
      new String[] {"{\"id\": \"de\", \"parent\": \"emea\"}",
          "{\"id\": \"de\", \"parent\": \"nowhere\"}", "$.territories[2]"},
      new String[] {"\"strategy\": \"ROUND_ROBIN\"", "\"strategy\": \"ROUND_AND_ROUND\"",
          "$.entries[1]"},
      new String[] {"\"sizeBands\": [\"ENTERPRISE\"]", "\"sizeBands\": [\"HUGE\"]",
          "$.entries[0]"},
      new String[] {"\"name\": \"web\"", "\"name\": \"web\", \"colour\": \"red\"",
          "$.entries[2]"});

  /** {@code assign} with one fault in the team or the rules document, and valid leads. */
  Faulty assign(SplittableRandom rnd, boolean withFault) throws IOException {
    String team = AssignCommandTest.TEAM;
    String rules = AssignCommandTest.RULES;
    boolean inTeam = rnd.nextBoolean();
    String mustName = "";
    if (withFault) {
      List<String[]> faults = inTeam ? TEAM_FAULTS : RULES_FAULTS;
      String[] fault = faults.get(rnd.nextInt(faults.size()));
      if (inTeam) {
        team = team.replace(fault[0], fault[1]);
      } else {
        rules = rules.replace(fault[0], fault[1]);
      }
      mustName = fault[2];
    }
    Path teamFile = Files.writeString(dir.resolve("team.json"), team);
    Path rulesFile = Files.writeString(dir.resolve("rules.json"), rules);
    csv(rnd, input(), "lead_id,territory,product_line,industry,size_band,source,score,value_tier",
        1 + rnd.nextInt(10), i -> "L" + i + ",de,,retail,small,web," + (i % 100) + ",", null);
    return new Faulty("assign", new String[] {"assign", "--rules", rulesFile.toString(), "--team",
        teamFile.toString(), "--leads", input().toString(), "--output", output().toString(),
        "--at", "2026-11-23T10:00:00Z"}, mustName, inTeam ? teamFile : rulesFile, output(),
        inTeam ? team : rules);
  }

  @Test
  void oneInjectedFaultInAnyInputOfTheOtherCommandsExits2NamesItAndLeavesTheOutputUntouched()
      throws IOException {
    List<Scenario> scenarios = List.of(this::access, this::clv, this::retention, this::funnel,
        this::lifecycle, this::assign);
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      Scenario scenario = scenarios.get(rnd.nextInt(scenarios.size()));
      try {
        // one time in ten, random inputs without a fault: the command must succeed on them
        // (so that a fault, not the generator, is what the other runs exit 2 for)
        boolean control = rnd.nextInt(10) == 0;
        Faulty c = scenario.make(rnd, !control);
        byte[] previous = new byte[rnd.nextInt(64)];
        rnd.nextBytes(previous);
        Path output = c.output();
        if (output != null) {
          Files.write(output, previous);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Crmkit.run(c.args(), new PrintWriter(out), new PrintWriter(err));
        String what = "seed " + seed + ", " + c.name() + (control ? " without a fault" : ", fault "
            + c.mustName()) + ":\n" + c.faultyText() + "\nerr: " + err;
        if (control) {
          assertThat(status).as(what).isZero();
          return;
        }
        assertThat(status).as(what).isEqualTo(2);
        assertThat(err.toString()).as(what).contains(c.mustName())
            .doesNotContain("Exception").doesNotContain("unexpected failure");
        Path file = c.file();
        if (file != null) {
          // a CSV fault's "line N" is named with its file on one line; a document's problems
          // follow a line that names the file, or name it on their own line
          String name = file.getFileName().toString();
          assertThat(err.toString().lines().filter(l -> l.contains(c.mustName())))
              .as(what + "\nthe line naming the fault also names " + name)
              .anyMatch(l -> l.contains(name) || c.mustName().startsWith("$"));
          assertThat(err.toString()).as(what).contains(name);
        }
        assertThat(out.toString()).as(what).isEmpty();
        if (output != null) {
          assertThat(Files.readAllBytes(output)).as(what).isEqualTo(previous);
        }
        try (Stream<Path> s = Files.list(dir)) {
          assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
              .as(what).isEmpty();
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }
}

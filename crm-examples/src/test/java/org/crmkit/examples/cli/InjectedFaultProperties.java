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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: for random valid inputs with one injected fault, every CSV-reading command exits 2,
 * names the faulty line, and leaves an existing output file byte-identical (and no temporary file
 * behind). The seed of a failing example is printed by QuickTheories and in the assertion text.
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
}

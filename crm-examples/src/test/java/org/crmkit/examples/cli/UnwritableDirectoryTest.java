package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output directory that refuses writes. The tests run as root, which writes into a mode-555
 * directory anyway, so a permission bit cannot stage this; Linux's {@code /sys} refuses to create
 * files even for root (and {@code Files.isWritable} still says yes there, so the refusal comes at
 * write time, the harder case). Skipped where {@code /sys} accepts or does not exist.
 */
class UnwritableDirectoryTest {
  static final Path REFUSING = Path.of("/sys");

  @TempDir Path dir;
  StringWriter err = new StringWriter();

  @BeforeAll
  static void sysRefusesNewFiles() {
    boolean refuses;
    try {
      Path p = Files.createTempFile(REFUSING, "crmkit-", ".tmp");
      Files.deleteIfExists(p);
      refuses = false;
    } catch (AccessDeniedException expected) {
      refuses = true;
    } catch (IOException | UnsupportedOperationException other) {
      refuses = false;
    }
    assumeTrue(refuses, "/sys accepts new files or is missing here");
  }

  int run(String... args) {
    err = new StringWriter();
    return Crmkit.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  @Test
  void anOutputInADirectoryThatRefusesWritesExits2NamingTheOutput() throws IOException {
    Path in = Files.writeString(dir.resolve("tx.csv"), BoundariesTest.TX);
    Path output = REFUSING.resolve("crmkit-scores.csv");
    assertThat(run("rfm", "--input", in.toString(), "--as-of", "1998-07-01", "--output",
        output.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: cannot write --output " + output + ": ")
        .doesNotContain("Exception").doesNotContain("java.");
    assertThat(Files.exists(output)).isFalse();
  }

  @Test
  void assignLeavesItsOutputUntouchedWhenTheStateDirectoryRefusesWrites() throws IOException {
    Path team = Files.writeString(dir.resolve("team.json"), AssignCommandTest.TEAM);
    Path rules = Files.writeString(dir.resolve("rules.json"), AssignCommandTest.RULES);
    Path leads = Files.writeString(dir.resolve("leads.csv"), AssignCommandTest.LEADS);
    Path output = Files.writeString(dir.resolve("assigned.csv"), "old output\n");
    Path state = REFUSING.resolve("crmkit-state.json");
    assertThat(run("assign", "--rules", rules.toString(), "--team", team.toString(), "--leads",
        leads.toString(), "--output", output.toString(), "--at", "2026-11-23T10:00:00Z",
        "--state", state.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot write --state " + state)
        .doesNotContain("Exception").doesNotContain("java.");
    assertThat(Files.readString(output)).isEqualTo("old output\n");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("assigned.csv", "leads.csv", "rules.json", "team.json");
    }
  }
}

package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyRollupCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String csv) throws IOException {
    Path input = dir.resolve("nodes.csv");
    Files.writeString(input, csv, StandardCharsets.UTF_8);
    return Crmkit.run(
        new String[] {"hierarchy", "rollup", "--input", input.toString(), "--output",
            dir.resolve("out.csv").toString()},
        new PrintWriter(out), new PrintWriter(err));
  }

  private String output() throws IOException {
    return Files.readString(dir.resolve("out.csv"), StandardCharsets.UTF_8);
  }

  private void assertNoOutputWritten() throws IOException {
    assertThat(dir.resolve("out.csv")).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nodes.csv");
    }
  }

  @Test
  void rollsUpExactDecimalsInInputOrder() throws IOException {
    int status = run("id,parent_id,value\n"
        + "berlin,de,0.1\n"
        + "de,emea,0.2\n"
        + "emea,,1.50\n"
        + "munich,de,2.50\n"
        + "apac,,-3\n");
    assertThat(status).isZero();
    assertThat(err.toString()).isEmpty();
    // de = 0.2 + 0.1 + 2.50 = 2.8; emea = 1.50 + 2.8 = 4.3; trailing zeros are dropped
    assertThat(output()).isEqualTo("id,depth,descendants,subtree_value\n"
        + "berlin,2,0,0.1\n"
        + "de,1,2,2.8\n"
        + "emea,0,3,4.3\n"
        + "munich,2,0,2.5\n"
        + "apac,0,0,-3\n");
  }

  @Test
  void readmeExample() throws IOException {
    assertThat(run("id,parent_id,value\nemea,,1.50\nde,emea,0.2\nberlin,de,2.6\n")).isZero();
    assertThat(output()).isEqualTo("id,depth,descendants,subtree_value\n"
        + "emea,0,2,4.3\nde,1,1,2.8\nberlin,2,0,2.6\n");
    assertThat(out.toString()).contains("rolled up 3 nodes");
  }

  @Test
  void acceptsQuotedIdsBlankLinesAndScientificValues() throws IOException {
    int status = run("\uFEFFid,parent_id,value\n"
        + "\"acme, inc\",,1e2\n"
        + "\n"
        + "sub,\"acme, inc\",.5\n"
        + "zero,sub,-0.0\n");
    assertThat(status).isZero();
    assertThat(output()).isEqualTo("id,depth,descendants,subtree_value\n"
        + "\"acme, inc\",0,2,100.5\n"
        + "sub,1,1,0.5\n"
        + "zero,2,0,0\n");
  }

  @Test
  void headerOnlyGivesHeaderOnly() throws IOException {
    assertThat(run("id,parent_id,value\n")).isZero();
    assertThat(output()).isEqualTo("id,depth,descendants,subtree_value\n");
  }

  @Test
  void replacesAnExistingOutputOnSuccess() throws IOException {
    Files.writeString(dir.resolve("out.csv"), "old");
    assertThat(run("id,parent_id,value\na,,1\n")).isZero();
    assertThat(output()).isEqualTo("id,depth,descendants,subtree_value\na,0,0,1\n");
  }

  @Test
  void cycleIsRejectedNamingItsNodesAndLines() throws IOException {
    int status = run("id,parent_id,value\nr,,1\na,b,1\nb,a,2\n");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString())
        .contains("line 3: cycle of 2 nodes")
        .contains("'a' (line 3) → 'b' (line 4) → 'a'");
    assertNoOutputWritten();
  }

  @Test
  void unknownParentIsRejected() throws IOException {
    assertThat(run("id,parent_id,value\nr,,1\na,ghost,1\n")).isEqualTo(2);
    assertThat(err.toString()).contains("line 3: unknown parent 'ghost' of node 'a'");
    assertNoOutputWritten();
  }

  @Test
  void duplicateIdIsRejectedNamingBothLines() throws IOException {
    assertThat(run("id,parent_id,value\nr,,1\nr,,2\n")).isEqualTo(2);
    assertThat(err.toString()).contains("line 3: duplicate id 'r'; it was first declared at line 2");
    assertNoOutputWritten();
  }

  @Test
  void malformedNumbersAreRejected() throws IOException {
    assertThat(run("id,parent_id,value\na,,abc\nb,,\nc,,NaN\nd,,1,5\ne,,0x10\n")).isEqualTo(2);
    assertThat(err.toString())
        .contains("line 2: value 'abc' of node 'a' is not a decimal number")
        .contains("line 3: value '' of node 'b' is not a decimal number")
        .contains("line 4: value 'NaN' of node 'c' is not a decimal number")
        .contains("line 5: expected 3 fields (id,parent_id,value), but found 4 (id 'd')")
        .contains("line 6: value '0x10' of node 'e' is not a decimal number");
    assertNoOutputWritten();
  }

  @Test
  void wrongHeaderIsRejected() throws IOException {
    assertThat(run("id,parent,value\na,,1\n")).isEqualTo(2);
    assertThat(err.toString())
        .contains("line 1: expected the header id,parent_id,value, but found id,parent,value");
    assertNoOutputWritten();
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    assertThat(run("")).isEqualTo(2);
    assertThat(err.toString()).contains("line 1: the file is empty");
    assertNoOutputWritten();
  }

  @Test
  void wrongFieldCountIsRejectedWithoutCascadingToChildren() throws IOException {
    assertThat(run("id,parent_id,value\nr,,1,9\nchild,r,2\n")).isEqualTo(2);
    assertThat(err.toString())
        .contains("invalid input")
        .contains("(1 problem)")
        .contains("line 2: expected 3 fields (id,parent_id,value), but found 4 (id 'r')")
        .doesNotContain("unknown parent");
    assertNoOutputWritten();
  }

  @Test
  void everyProblemIsListedInLineOrder() throws IOException {
    int status = run("id,parent_id,value\n"
        + "r,,x\n"            // 2: malformed number
        + "a,ghost,1\n"       // 3: unknown parent
        + "c,d,1\n"           // 4: cycle c → d
        + "d,c,1\n"           // 5
        + "r,,1\n"            // 6: duplicate
        + ",r,1\n"            // 7: empty id
        + "q,r,\"1\n");       // 8: unclosed quote
    assertThat(status).isEqualTo(2);
    String e = err.toString();
    assertThat(e).contains("(6 problems)");
    assertThat(e.indexOf("line 2: value 'x'")).isPositive()
        .isLessThan(e.indexOf("line 3: unknown parent 'ghost'"));
    assertThat(e.indexOf("line 3:")).isLessThan(e.indexOf("line 4: cycle"));
    assertThat(e.indexOf("line 4:")).isLessThan(e.indexOf("line 6: duplicate id 'r'"));
    assertThat(e.indexOf("line 6:")).isLessThan(e.indexOf("line 7: id is empty"));
    assertThat(e.indexOf("line 7:")).isLessThan(e.indexOf("line 8: a quoted field is not closed"));
    assertNoOutputWritten();
  }

  @Test
  void invalidInputLeavesAnExistingOutputUntouched() throws IOException {
    Files.writeString(dir.resolve("out.csv"), "keep me");
    assertThat(run("id,parent_id,value\na,a,1\n")).isEqualTo(2);
    assertThat(output()).isEqualTo("keep me");
  }

  @Test
  void missingInputFileIsInvalidInput() {
    int status = Crmkit.run(
        new String[] {"hierarchy", "rollup", "--input", dir.resolve("nope.csv").toString(),
            "--output", dir.resolve("out.csv").toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --input " + dir.resolve("nope.csv") + ": no such file or directory");
    assertThat(dir.resolve("out.csv")).doesNotExist();
  }

  @Test
  void deepChainDoesNotOverflow() throws IOException {
    StringBuilder csv = new StringBuilder("id,parent_id,value\nn0,,1\n");
    int n = 100_000;
    for (int i = 1; i < n; i++) {
      csv.append('n').append(i).append(",n").append(i - 1).append(",1\n");
    }
    assertThat(run(csv.toString())).isZero();
    String first = output().lines().skip(1).findFirst().orElseThrow();
    assertThat(first).isEqualTo("n0,0," + (n - 1) + "," + n);
  }
}

package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessCommandTest {
  @TempDir Path dir;
  Path policy;
  Path data;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void copyExamples() throws IOException {
    policy = copy("policy.json");
    data = copy("data.json");
  }

  private Path copy(String name) throws IOException {
    try (InputStream in = AccessCommandTest.class.getResourceAsStream("/access/" + name)) {
      Path p = dir.resolve(name);
      Files.write(p, in.readAllBytes());
      return p;
    }
  }

  int run(String... args) {
    return Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void checkPrintsAllowWithTheGrantPath() {
    int status = run("access", "check", "--policy", policy.toString(), "--data", data.toString(),
        "--user", "mia", "--action", "update", "--record", "c1");
    assertThat(status).isZero();
    assertThat(out.toString()).startsWith("ALLOW\n  basis: manager_hierarchy (grants[1])\n")
        .contains("owner 'bob' reports to 'mia' (bob > mia)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkPrintsDenyWithWhatWasMissing() {
    int status = run("access", "check", "--policy", policy.toString(), "--data", data.toString(),
        "--user", "bob", "--action", "update", "--record", "c2");
    assertThat(status).isZero();
    assertThat(out.toString()).startsWith("DENY\n  basis: no_grant\n")
        .contains("the record is owned by 'eve', not 'bob'");
    run("access", "check", "--policy", policy.toString(), "--data", data.toString(),
        "--user", "ceo", "--action", "export", "--record", "c3");
    assertThat(out.toString()).contains("DENY\n  basis: deny_rule (no-defense-export)");
  }

  @Test
  void matrixWritesEveryCombination() throws IOException {
    Path csv = dir.resolve("m.csv");
    int status = run("access", "matrix", "--policy", policy.toString(), "--data", data.toString(),
        "--output", csv.toString());
    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("user_id,record_id,action,decision");
    assertThat(lines).hasSize(1 + 5 * 4 * 7)
        .contains("bob,c1,read,ALLOW", "bob,c2,read,DENY", "eve,c1,read,ALLOW",
            "sam,c1,read,ALLOW", "sam,c2,read,ALLOW", "bob,c3,read,ALLOW", "ceo,c3,export,DENY",
            "sam,k1,update,ALLOW", "bob,k1,read,DENY");
    assertThat(out.toString()).contains("wrote 140 rows");
  }

  @Test
  void badInputIsExitStatusTwoWithTheProblemsAndNoOutputFile() throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(policy, "{\"format\": \"crmkit.policy/1\", \"roles\": [{\"id\": \"rep\"}],"
        + " \"grants\": [{\"role\": \"ghost\", \"objectType\": \"lead\", \"scope\": \"own\","
        + " \"actions\": [\"read\"]}]}");
    assertThat(run("access", "matrix", "--policy", policy.toString(), "--data", data.toString(),
        "--output", csv.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("$.grants[0].role: unknown role 'ghost'");
    assertThat(csv).doesNotExist();
    assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".crmkit")))
        .isEmpty();
  }

  @Test
  void unknownUserRecordActionOrFileAreInvalidInput() {
    String[] base = {"access", "check", "--policy", policy.toString(), "--data", data.toString()};
    assertThat(run(concat(base, "--user", "zoe", "--action", "read", "--record", "c1")))
        .isEqualTo(2);
    assertThat(run(concat(base, "--user", "bob", "--action", "read", "--record", "c99")))
        .isEqualTo(2);
    assertThat(run(concat(base, "--user", "bob", "--action", "fly", "--record", "c1")))
        .isEqualTo(2);
    assertThat(run("access", "check", "--policy", dir.resolve("missing.json").toString(), "--data",
        data.toString(), "--user", "bob", "--action", "read", "--record", "c1")).isEqualTo(2);
    assertThat(run("access", "check", "--policy", policy.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown user 'zoe'").contains("unknown record 'c99'")
        .contains("unknown action 'fly'").contains("cannot read --policy " + dir.resolve("missing.json") + ": no such file or directory");
  }

  @Test
  void malformedDataIsReportedWithJsonPaths() throws IOException {
    Files.writeString(data, "{\"format\": \"crmkit.access-data/1\", \"users\": [{\"id\": \"x\"}],"
        + " \"records\": [{\"id\": \"r\"}]}");
    assertThat(run("access", "check", "--policy", policy.toString(), "--data", data.toString(),
        "--user", "x", "--action", "read", "--record", "r")).isEqualTo(2);
    assertThat(err.toString()).contains("$.users[0].orgUnit: required string is missing")
        .contains("$.records[0].type: required string is missing");
  }

  @Test
  void policyProblemsAreReportedEvenWhenTheDataIsInvalidWithoutFalseUnknownReferences()
      throws IOException {
    // the data's one problem: a record in an unknown territory
    Files.writeString(data, Files.readString(data).replace("\"territory\": \"de\"",
        "\"territory\": \"mars\""));
    // the policy's one problem: a grant to an undeclared role; it also names org units (acme,
    // service, sales-north, sales-south) and a user (bob) that only the invalid data declares
    Files.writeString(policy, Files.readString(policy).replace(
        "{\"role\": \"agent\", \"objectType\": \"case\"",
        "{\"role\": \"ghost\", \"objectType\": \"case\""));
    Path csv = dir.resolve("m.csv");
    assertThat(run("access", "matrix", "--policy", policy.toString(), "--data", data.toString(),
        "--output", csv.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("--data " + data + ": invalid access data document (1 problem):",
            "$.records[0].territory: unknown territory 'mars'",
            "--policy " + policy + ": invalid policy document (1 problem):",
            "$.grants[3].role: unknown role 'ghost'",
            "references to org units and users were not checked")
        .doesNotContain("unknown org unit").doesNotContain("unknown user")
        .doesNotContain("Exception");
    assertThat(csv).doesNotExist();
  }

  @Test
  void aMalformedPolicyAndMalformedDataAreReportedTogether() throws IOException {
    Files.writeString(data, Files.readString(data).replace("\"active\": true",
        "\"active\": \"yes\""));
    Files.writeString(policy, Files.readString(policy).replace("\"scope\": \"org-unit\"",
        "\"scope\": \"galaxy\""));
    assertThat(run("access", "check", "--policy", policy.toString(), "--data", data.toString(),
        "--user", "bob", "--action", "read", "--record", "c1")).isEqualTo(2);
    assertThat(err.toString()).contains("$.users[4].active", "$.grants[3].scope")
        .doesNotContain("unknown org unit").doesNotContain("unknown user")
        .doesNotContain("unknown role");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit studio}: problems the user can fix exit with status 2 before anything is served. */
class StudioCommandTest {
  @TempDir Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(status).as("status; stdout: %s, stderr: %s", out, err).isEqualTo(2);
    assertThat(out.toString()).doesNotContain("crmkit studio: http");
    return err.toString();
  }

  @Test
  void aPolicyNeedsItsData() {
    assertThat(run("studio", "--policy", "p.json", "--port", "0"))
        .contains("--policy and --data go together");
  }

  @Test
  void anUnknownMachineIsNamedWithTheKnownOnes() {
    assertThat(run("studio", "--machine", "nope", "--port", "0", "--customers", "200"))
        .contains("unknown machine 'nope'").contains("sales-funnel");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("missing.json");
    assertThat(run("studio", "--definition", missing.toString(), "--port", "0", "--customers", "200"))
        .contains("cannot read the machine definition file '" + missing + "': no such file");
  }

  @Test
  void anInvalidPolicyReportsEveryProblemWithItsPath() throws Exception {
    Path policy = Files.writeString(dir.resolve("policy.json"),
        "{\"format\": \"crmkit.policy/1\", \"roles\": [{\"id\": \"rep\"}],"
            + " \"grants\": [{\"role\": \"rep\", \"objectType\": \"customer\", \"scope\": \"mine\","
            + " \"actions\": [\"read\"]}]}");
    Path data = Path.of("src/test/resources/access/data.json");
    assertThat(run("studio", "--policy", policy.toString(), "--data", data.toString(), "--port", "0",
        "--customers", "200")).contains("$.grants[0].scope");
  }

  @Test
  void aBadPortOrSizeIsRejected() {
    assertThat(run("studio", "--port", "70000")).contains("--port must be between 0 and 65535");
    assertThat(run("studio", "--customers", "5", "--port", "0")).contains("--customers must be at least 100");
  }
}

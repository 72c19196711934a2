package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  private String[] run(int expectedStatus, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(status).as("status; stderr: %s", err).isEqualTo(expectedStatus);
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void demoPrintsASummaryAndWritesASelfContainedReport() throws Exception {
    Path report = dir.resolve("report.html");
    String[] result = run(0, "demo", "--customers", "2000", "--report", report.toString(),
        "--jdbc-url", "jdbc:h2:mem:demo-test");
    assertThat(result[0])
        .contains("Sample company: generated sample company (seed 20261122)")
        .contains("Revenue by territory")
        .contains("Customer lifecycle").contains("replay of the stored history: valid")
        .contains("a concurrent writer with a stale version: version conflict on customer")
        .contains("Permissions").containsPattern("the database returns ([\\d,]+) customers, the in-memory check allows \\1")
        .contains("RFM segments and value tiers").contains("Champions")
        .contains("Customer lifetime value").doesNotContain("NaN").doesNotContain("Infinity")
        .contains("Lead assignment").contains("gives the same owners: true")
        .contains("HTML report: " + report.toAbsolutePath());
    assertThat(result[1]).contains("[done] Loading data").doesNotContain("Exception");
    String html = Files.readString(report);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("Revenue by country")
        .contains("Customers by current lifecycle stage").doesNotContain("Lifecycle funnel")
        .contains("Customers per R x F cell").contains("Permissions")
        // the charts' scripts are inlined: nothing is fetched from anywhere
        .contains("CrmCharts.render").contains("\"type\":\"machine\"")
        .doesNotContainPattern("(?i)<script[^>]+src=").doesNotContainPattern("(?i)(src|href)=\"https?:")
        .doesNotContain("stateDiagram-v2")
        // explanations in full, never cut mid-word
        .doesNotContain("...</td>").doesNotContain("\u2026</td>");
  }

  @Test
  void demoRunsOnCdnow() throws Exception {
    Path data = Path.of(System.getProperty("crmkit.data"), "cdnow");
    String[] result = run(0, "demo", "--cdnow", data.toString(), "--report",
        dir.resolve("r.html").toString(), "--jdbc-url", "jdbc:h2:mem:demo-cdnow");
    assertThat(result[0]).contains("CDNOW master log (23570 customers)").containsPattern("transactions +69,659");
  }

  @Test
  void badOptionsExitWithStatus2() {
    assertThat(run(2, "demo", "--customers", "5")[1]).contains("--customers must be at least 100, but was 5");
    assertThat(run(2, "demo", "--cdnow", dir.toString())[1]).contains("CDNOW_master.txt");
  }

  @Test
  void unknownCommandIsAUsageError() {
    run(2, "nope");
  }
}

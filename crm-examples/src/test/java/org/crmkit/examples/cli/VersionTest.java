package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void versionPrintsTheProjectVersionNotDevelopment() {
    StringWriter out = new StringWriter();
    int status = Crmkit.run(new String[] {"--version"}, new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertThat(status).isZero();
    // Surefire passes the POM's version; the jar's manifest carries the same one
    // (Implementation-Version, checked on the built jar by .ci/run)
    String expected = System.getProperty("crmkit.version");
    assertThat(expected).isNotBlank();
    assertThat(out.toString().strip()).isEqualTo("crmkit " + expected)
        .matches("crmkit \\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
  }
}

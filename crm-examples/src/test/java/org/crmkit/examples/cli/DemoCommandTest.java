package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void demoPrintsTheSampleCompanysHierarchies() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Crmkit.run(new String[] {"demo"}, new PrintWriter(out), new PrintWriter(err));
    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("Territories (13 nodes, height 3)")
        .contains("      berlin  [city]")
        .contains("Organisation");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageError() {
    StringWriter err = new StringWriter();
    int status = Crmkit.run(new String[] {"nope"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).isEqualTo(2);
  }
}

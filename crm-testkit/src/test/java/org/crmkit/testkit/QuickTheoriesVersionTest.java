package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** crm-bom pins the QuickTheories version the adapter is built with (the root pom's property). */
class QuickTheoriesVersionTest {

  @Test
  void theBomManagesTheVersionTheBuildUses() throws IOException {
    Path root = Path.of(System.getProperty("crmkit.data")).getParent();
    String parent = Files.readString(root.resolve("pom.xml"));
    String bom = Files.readString(root.resolve("crm-bom/pom.xml"));
    Matcher property = Pattern.compile("<quicktheories.version>([^<]+)</quicktheories.version>")
        .matcher(parent);
    assertThat(property.find()).isTrue();
    assertThat(bom).containsPattern("<artifactId>quicktheories</artifactId>\\s*<version>"
        + Pattern.quote(property.group(1)) + "</version>");
  }
}

package org.crmkit.example.spring;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application on the PostgreSQL server that {@code .ci/run} starts ({@code
 * CRMKIT_TEST_POSTGRES_URL}); skipped where none is configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresCrmExampleHttpTest extends CrmExampleHttpContract {
  static String url() {
    return System.getProperty("crmkit.test.postgres.url",
        System.getenv().getOrDefault("CRMKIT_TEST_POSTGRES_URL", ""));
  }

  /** Skips without a server; else starts from an empty database, as a fresh deployment would. */
  @BeforeAll
  static void needsPostgres() throws SQLException {
    assumeTrue(!url().isBlank(), "no PostgreSQL configured (CRMKIT_TEST_POSTGRES_URL)");
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      for (String table : new String[] {"crmkit_lifecycle_transition", "crmkit_lifecycle_state",
          "crmkit_assignment_state", "crmkit_model", "crmkit_rfm_score", "crmkit_schema_history",
          "crm_customer", "record_team_member"}) {
        s.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Matcher user = Pattern.compile("[?&]user=([^&]+)").matcher(url());
    registry.add("spring.datasource.url", PostgresCrmExampleHttpTest::url);
    registry.add("spring.datasource.username", () -> user.find() ? user.group(1) : "");
  }
}

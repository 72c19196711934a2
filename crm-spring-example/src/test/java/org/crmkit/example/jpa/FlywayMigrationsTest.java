package org.crmkit.example.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.Migrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * crm-jdbc's scripts applied by Flyway instead of the built-in applier: the file names are
 * Flyway's, the location is {@code classpath:META-INF/crmkit/db/{vendor}}.
 */
class FlywayMigrationsTest {
  @Test
  void flywayAppliesCrmkitsScripts() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:flyway-crmkit;DB_CLOSE_DELAY=-1");
    MigrateResult result = Flyway.configure().dataSource(ds)
        .locations("classpath:" + Migrations.Dialect.H2.location())
        .load().migrate();
    assertThat(result.migrationsExecuted).isEqualTo(1);
    assertThat(result.migrations).extracting(m -> m.version).containsExactly("1");
    LifecycleStore store = new LifecycleStore(ds);
    store.create("customer", new SubjectState("acme", "potential", 0));
    assertThat(store.find("customer", "acme")).isPresent();
    // Flyway's history is its own; the built-in applier has recorded nothing
    assertThat(Migrations.applied(ds)).isEmpty();
  }
}

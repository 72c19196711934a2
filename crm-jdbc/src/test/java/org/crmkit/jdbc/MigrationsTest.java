package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The migration scripts: Flyway names, one per dialect, split into statements. */
class MigrationsTest {
  @Test
  void scriptsExistForEveryDialectWithFlywayNames() {
    for (Migrations.Dialect d : Migrations.Dialect.values()) {
      for (String script : Migrations.SCRIPTS) {
        assertThat(script).matches("V[0-9]+__[a-z0-9_]+\\.sql");
        assertThat(Migrations.statements(Migrations.read(d.location() + "/" + script)))
            .hasSize(5).allSatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE crmkit_"));
      }
    }
    assertThat(Migrations.Dialect.POSTGRESQL.location()).isEqualTo("META-INF/crmkit/db/postgresql");
  }

  @Test
  void statementsAreSplitAtLineEndingSemicolonsAndCommentsDropped() {
    assertThat(Migrations.statements("-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y INT\n);\n"))
        .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y INT\n)");
    assertThat(Migrations.version("V12__more.sql")).isEqualTo(12);
  }
}

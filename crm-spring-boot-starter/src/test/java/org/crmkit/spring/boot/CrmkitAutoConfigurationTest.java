package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.UserId;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.Migrations;
import org.crmkit.json.CrmkitJackson3Module;
import org.crmkit.json.MachineJson;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.ObjectType;
import org.crmkit.segmentation.rules.SegmentRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.authentication.TestingAuthenticationToken;

/** The auto-configuration in an application context, without a web server. */
class CrmkitAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CrmkitAutoConfiguration.class));

  @Test
  void loadsTheConfiguredDefinitionsIntoBeans() {
    runner.withPropertyValues(
            "crmkit.organisation=classpath:crmkit/organisation.json",
            "crmkit.policy=classpath:crmkit/policy.json",
            "crmkit.machines.customer=customer-lifecycle",
            "crmkit.machines.deal=sales-funnel",
            "crmkit.segment-rules=repaired11")
        .run(context -> {
          assertThat(context).hasNotFailed();
          CrmkitDefinitions definitions = context.getBean(CrmkitDefinitions.class);
          assertThat(definitions.machine("customer").toMermaid())
              .isEqualTo(CustomerLifecycle.machine().toMermaid());
          assertThat(definitions.machine("deal").toMermaid()).isEqualTo(SalesFunnel.machine().toMermaid());
          assertThat(context).hasSingleBean(AccessPolicy.class).hasSingleBean(SegmentRules.class)
              .hasSingleBean(CrmkitJackson3Module.class);
          assertThat(context.getBean(AccessPolicy.class).organisation().users())
              .extracting(u -> u.id().value()).contains("bob", "eve");
          // no DataSource: no crm-jdbc stores
          assertThat(context).doesNotHaveBean(LifecycleStore.class);
        });
  }

  @Test
  void aBadDocumentFailsStartUpWithEveryProblemAndItsJsonPath(@TempDir Path dir) throws IOException {
    Path policy = dir.resolve("policy.json");
    Files.writeString(policy, "{\"format\": \"crmkit.policy/1\", \"roles\": 3}");
    Path machine = dir.resolve("machine.json");
    Files.writeString(machine, "{\"format\": \"crmkit.lifecycle/1\", \"states\": []}");
    runner.withPropertyValues(
            "crmkit.organisation=classpath:crmkit/organisation.json",
            "crmkit.policy=file:" + policy,
            "crmkit.machines.custom=file:" + machine,
            "crmkit.hierarchies.regions=classpath:crmkit/missing.json")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable cause = context.getStartupFailure();
          while (!(cause instanceof InvalidDefinitionException) && cause.getCause() != null) {
            cause = cause.getCause();
          }
          assertThat(cause).isInstanceOf(InvalidDefinitionException.class);
          List<Problem> problems = ((InvalidDefinitionException) cause).problems();
          assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("$.roles");
            assertThat(p.message()).startsWith("[crmkit.policy file:" + policy + "]");
          });
          assertThat(problems).anySatisfy(p -> assertThat(p.message())
              .startsWith("[crmkit.machines.custom file:" + machine + "]"));
          assertThat(problems).anySatisfy(p -> assertThat(p.message())
              .startsWith("[crmkit.hierarchies.regions classpath:crmkit/missing.json] cannot read"));
          // Spring Boot's start-up failure report lists them, one per line
          org.springframework.boot.diagnostics.FailureAnalysis analysis =
              new InvalidDefinitionFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription())
              .startsWith("Invalid crmkit definitions (" + problems.size() + " problems):")
              .contains("\n    $.roles: [crmkit.policy file:" + policy + "] expected an array");
        });
  }

  @Test
  void reloadSwapsValidDefinitionsAndKeepsTheOldOnesWhenTheNewAreInvalid(@TempDir Path dir)
      throws IOException {
    Path machine = dir.resolve("machine.json");
    Files.writeString(machine, MachineJson.write(CustomerLifecycle.machine()));
    runner.withPropertyValues("crmkit.machines.m=file:" + machine)
        // the application binds the guards its machine documents name
        .withBean(GuardRegistry.class, GuardRegistry::assumeSatisfied)
        .run(context -> {
          CrmkitDefinitions definitions = context.getBean(CrmkitDefinitions.class);
          assertThat(definitions.reloadIfChanged()).isFalse();   // nothing changed
          touch(machine, MachineJson.write(SalesFunnel.machine()), 1);
          assertThat(definitions.reloadIfChanged()).isTrue();
          assertThat(definitions.machine("m").toMermaid()).isEqualTo(SalesFunnel.machine().toMermaid());
          touch(machine, "{\"format\": \"crmkit.lifecycle/1\", \"states\": 7}", 2);
          assertThat(definitions.reloadIfChanged()).isFalse();   // invalid: not swapped
          assertThat(definitions.machine("m").toMermaid()).isEqualTo(SalesFunnel.machine().toMermaid());
        });
  }

  @Test
  void wiresCrmJdbcOverTheDataSourceAfterMigrating() {
    runner.withBean(javax.sql.DataSource.class, () -> {
          org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
          ds.setURL("jdbc:h2:mem:starter-jdbc;DB_CLOSE_DELAY=-1");
          return ds;
        })
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(LifecycleStore.class);
          assertThat(context.getBean(CrmkitSchema.class).applied()).containsExactly("V1__crmkit_schema.sql");
          assertThat(Migrations.applied(context.getBean(javax.sql.DataSource.class)))
              .containsExactly("V1__crmkit_schema.sql");
          LifecycleStore store = context.getBean(LifecycleStore.class);
          store.create("customer", new SubjectState("acme", "potential", 0));
          assertThat(store.find("customer", "acme")).isPresent();
        });
  }

  @Test
  void storesJoinTheApplicationsSpringTransactions() {
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:starter-tx;DB_CLOSE_DELAY=-1");
    runner.withBean(javax.sql.DataSource.class, () -> h2)
        .withBean(org.springframework.jdbc.support.JdbcTransactionManager.class,
            () -> new org.springframework.jdbc.support.JdbcTransactionManager(h2))
        .run(context -> {
          javax.sql.DataSource ds = context.getBean(javax.sql.DataSource.class);
          org.springframework.jdbc.core.simple.JdbcClient jdbc =
              org.springframework.jdbc.core.simple.JdbcClient.create(ds);
          jdbc.sql("CREATE TABLE app_note (id VARCHAR(16) PRIMARY KEY)").update();
          var tx = new org.springframework.transaction.support.TransactionTemplate(
              context.getBean(org.springframework.jdbc.support.JdbcTransactionManager.class));
          LifecycleStore store = context.getBean(LifecycleStore.class);
          // the application's write and the store's write roll back together
          org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO app_note (id) VALUES ('n1')").update();
            store.create("customer", new SubjectState("acme", "potential", 0));
            throw new IllegalStateException("the application fails after both writes");
          })).hasMessageContaining("the application fails");
          assertThat(store.find("customer", "acme")).isEmpty();
          assertThat(jdbc.sql("SELECT COUNT(*) FROM app_note").query(Long.class).single()).isZero();
          // ... and commit together
          tx.executeWithoutResult(status -> {
            jdbc.sql("INSERT INTO app_note (id) VALUES ('n2')").update();
            store.create("customer", new SubjectState("acme", "potential", 0));
          });
          assertThat(store.find("customer", "acme")).isPresent();
          assertThat(jdbc.sql("SELECT COUNT(*) FROM app_note").query(Long.class).single()).isEqualTo(1);
          // outside a transaction a store call commits on its own
          store.create("customer", new SubjectState("beta", "potential", 0));
          assertThat(store.find("customer", "beta")).isPresent();
        });
  }

  @Test
  void thePermissionEvaluatorChecksTheAccessPolicy() {
    AccessRecord bobs = AccessRecord.builder().id("c1").type(ObjectType.CUSTOMER)
        .owner(UserId.of("bob")).orgUnit(OrgUnitId.of("sales-north")).build();
    runner.withPropertyValues(
            "crmkit.organisation=classpath:crmkit/organisation.json",
            "crmkit.policy=classpath:crmkit/policy.json")
        .withUserConfiguration(Records.class)
        .run(context -> {
          PermissionEvaluator evaluator = context.getBean(PermissionEvaluator.class);
          assertThat(evaluator.hasPermission(new TestingAuthenticationToken("bob", "x"), "c1",
              "customer", "update")).isTrue();
          assertThat(evaluator.hasPermission(new TestingAuthenticationToken("eve", "x"), "c1",
              "customer", "update")).isFalse();
          assertThat(evaluator.hasPermission(new TestingAuthenticationToken("eve", "x"), bobs,
              "update")).isFalse();
          assertThat(evaluator.hasPermission(new TestingAuthenticationToken("bob", "x"), "nope",
              "customer", "read")).isFalse();
          assertThat(evaluator.hasPermission(new TestingAuthenticationToken("stranger", "x"), "c1",
              "customer", "read")).isFalse();
        });
  }

  @Test
  void worksWithoutSpringSecuritySpringWebAndJackson3() {
    runner.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
            "org.springframework.security", "org.springframework.web", "tools.jackson"))
        .withPropertyValues(
            "crmkit.organisation=classpath:crmkit/organisation.json",
            "crmkit.policy=classpath:crmkit/policy.json")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(AccessPolicy.class)
              .doesNotHaveBean("crmkitPermissionEvaluator")
              .doesNotHaveBean("crmkitJackson3Module")
              .doesNotHaveBean(CrmkitProblemDetails.class);
        });
  }

  @Test
  void ideMetadataDescribesTheProperties() throws IOException {
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(metadata).contains("\"crmkit.policy\"", "\"crmkit.machines\"",
          "\"crmkit.segment-rules\"", "\"crmkit.assignment.rules\"", "\"crmkit.jdbc.migrate\"",
          "\"crmkit.reload.interval\"", "Location of the access policy");
    }
  }

  private static void touch(Path file, String content, int seconds) throws IOException {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(seconds)));
  }

  @Configuration(proxyBeanMethods = false)
  static class Records {
    @Bean
    CrmkitRecords records() {
      return (type, id) -> id.equals("c1") ? Optional.of(AccessRecord.builder().id("c1").type(type)
          .owner(UserId.of("bob")).orgUnit(OrgUnitId.of("sales-north")).build()) : Optional.empty();
    }
  }
}

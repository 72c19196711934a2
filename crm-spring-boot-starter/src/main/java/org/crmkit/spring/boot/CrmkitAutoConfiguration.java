package org.crmkit.spring.boot;

import java.io.Serializable;
import javax.sql.DataSource;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.jdbc.AssignmentStateStore;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.Migrations;
import org.crmkit.jdbc.ModelStore;
import org.crmkit.jdbc.ScoreStore;
import org.crmkit.json.CrmkitJackson3Module;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.segmentation.rules.SegmentRules;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.core.Authentication;

/**
 * The crmkit auto-configuration: reads and validates the definitions of {@link CrmkitProperties}
 * at start-up (a bad document fails start-up with every problem and its JSON path) and exposes
 * {@link CrmkitDefinitions} and one bean per configured definition; registers the Jackson 3 values
 * module; maps crmkit's exceptions to problem details in servlet web applications; backs Spring
 * Security's {@code hasPermission} with the access policy; and wires crm-jdbc's stores (after
 * applying crmkit's migrations, unless {@code crmkit.jdbc.migrate=false}) over the application's
 * {@code DataSource}, joining the application's Spring-managed transactions (a store call inside
 * {@code @Transactional} commits or rolls back with the application's own {@code JdbcClient}
 * writes). Every bean backs off if the application defines its own.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(CrmkitProperties.class)
public class CrmkitAutoConfiguration {

  /** The compiled definitions; fails start-up if a document is invalid. */
  @Bean
  @ConditionalOnMissingBean
  public CrmkitDefinitions crmkitDefinitions(CrmkitProperties properties, ResourceLoader resources,
      ObjectProvider<GuardRegistry> guards) {
    return new CrmkitDefinitions(new DefinitionLoader(properties, resources,
        guards.getIfAvailable(() -> GuardRegistry.builder().build())));
  }

  /** The access policy read at start-up ({@code crmkit.policy}). */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("crmkit.policy")
  public AccessPolicy crmkitAccessPolicy(CrmkitDefinitions definitions) {
    return definitions.policy().orElseThrow();
  }

  /** The segment rules read at start-up ({@code crmkit.segment-rules}). */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("crmkit.segment-rules")
  public SegmentRules crmkitSegmentRules(CrmkitDefinitions definitions) {
    return definitions.segmentRules().orElseThrow();
  }

  /** The assignment rules read at start-up ({@code crmkit.assignment.rules}). */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty("crmkit.assignment.rules")
  public AssignmentRules crmkitAssignmentRules(CrmkitDefinitions definitions) {
    return definitions.assignmentRules().orElseThrow();
  }

  /** Users by principal name, from the organisation. */
  @Bean
  @ConditionalOnMissingBean
  public CrmkitUsers crmkitUsers(CrmkitDefinitions definitions) {
    return name -> definitions.organisation().flatMap(o -> o.users().stream()
        .filter(u -> u.id().value().equals(name)).findFirst());
  }

  /** Watches the {@code file:} documents and reloads ({@code crmkit.reload.enabled=true}). */
  @Bean
  @ConditionalOnProperty("crmkit.reload.enabled")
  public CrmkitReloader crmkitReloader(CrmkitDefinitions definitions, CrmkitProperties properties) {
    return new CrmkitReloader(definitions, properties.getReload().getInterval());
  }

  /** The Jackson 3 values module; Spring Boot registers every {@code JacksonModule} bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "tools.jackson.databind.JacksonModule")
  static class Jackson3 {
    @Bean
    @ConditionalOnMissingBean
    CrmkitJackson3Module crmkitJackson3Module() {
      return new CrmkitJackson3Module();
    }
  }

  /**
   * crm-jdbc over the application's data source; the stores join a Spring-managed transaction
   * when one is active (see {@link SpringTransactionDataSource}).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.jdbc.datasource.DataSourceUtils")
  @ConditionalOnBean(DataSource.class)
  @ConditionalOnProperty(name = "crmkit.jdbc.enabled", matchIfMissing = true)
  static class Jdbc {
    @Bean
    CrmkitSchema crmkitSchema(DataSource dataSource, CrmkitProperties properties) {
      return new CrmkitSchema(properties.getJdbc().isMigrate()
          ? Migrations.migrate(dataSource) : java.util.List.of());
    }

    @Bean
    @ConditionalOnMissingBean
    LifecycleStore crmkitLifecycleStore(DataSource dataSource, CrmkitSchema schema) {
      return new LifecycleStore(new SpringTransactionDataSource(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    AssignmentStateStore crmkitAssignmentStateStore(DataSource dataSource, CrmkitSchema schema) {
      return new AssignmentStateStore(new SpringTransactionDataSource(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    ModelStore crmkitModelStore(DataSource dataSource, CrmkitSchema schema) {
      return new ModelStore(new SpringTransactionDataSource(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    ScoreStore crmkitScoreStore(DataSource dataSource, CrmkitSchema schema) {
      return new ScoreStore(new SpringTransactionDataSource(dataSource));
    }
  }

  /** {@code hasPermission} backed by the access policy. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PermissionEvaluator.class)
  static class Security {
    @Bean
    @ConditionalOnMissingBean(PermissionEvaluator.class)
    CrmkitPermissionEvaluator crmkitPermissionEvaluator(CrmkitDefinitions definitions,
        CrmkitUsers users, ObjectProvider<CrmkitRecords> records) {
      return new CrmkitPermissionEvaluator(definitions, users, records.getIfAvailable());
    }

    /** Method security's expression handler with the evaluator (a static bean, as Spring Security asks). */
    @Bean
    @ConditionalOnMissingBean
    static MethodSecurityExpressionHandler crmkitMethodSecurityExpressionHandler(
        ObjectProvider<PermissionEvaluator> evaluator) {
      DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
      handler.setPermissionEvaluator(new PermissionEvaluator() {
        @Override
        public boolean hasPermission(Authentication a, Object target, Object permission) {
          return evaluator.getObject().hasPermission(a, target, permission);
        }

        @Override
        public boolean hasPermission(Authentication a, @Nullable Serializable id, String type,
            Object permission) {
          return evaluator.getObject().hasPermission(a, id, type, permission);
        }
      });
      return handler;
    }
  }

  /** Problem details for crmkit's exceptions. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  static class Web {
    @Bean
    @ConditionalOnMissingBean
    CrmkitProblemDetails crmkitProblemDetails() {
      return new CrmkitProblemDetails();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.access.AccessDeniedException")
    static class AccessDenied {
      @Bean
      @ConditionalOnMissingBean
      CrmkitAccessDeniedProblemDetails crmkitAccessDeniedProblemDetails() {
        return new CrmkitAccessDeniedProblemDetails();
      }
    }
  }
}

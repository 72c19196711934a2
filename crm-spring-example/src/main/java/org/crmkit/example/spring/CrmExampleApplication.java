package org.crmkit.example.spring;

import java.util.Optional;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.spring.boot.CrmkitRecords;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The example application: the starter does the crmkit wiring from {@code application.properties};
 * the application adds its security, its customer table and one {@link CrmkitRecords} bean that
 * tells the permission evaluator how to find a customer.
 *
 * <p>Run it with {@code ./mvnw -B -q -pl crm-spring-example -am package -DskipTests && java -jar
 * crm-spring-example/target/crm-spring-example.jar}, then e.g. {@code curl -u bob:secret
 * localhost:8080/api/customers}.
 */
@SpringBootApplication
@EnableMethodSecurity
public class CrmExampleApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(CrmExampleApplication.class, args);
  }

  /** How the permission evaluator finds a customer: a row of the application's own table. */
  @Bean
  CrmkitRecords crmkitRecords(JdbcClient jdbc) {
    return (type, id) -> jdbc.sql("SELECT id, owner_id, org_unit_id, territory_id, industry"
            + " FROM crm_customer WHERE id = ?")
        .param(id)
        .query((rs, n) -> {
          AccessRecord.Builder b = AccessRecord.builder().id(rs.getString("id")).type(type)
              .owner(UserId.of(rs.getString("owner_id")))
              .orgUnit(OrgUnitId.of(rs.getString("org_unit_id")));
          Optional.ofNullable(rs.getString("territory_id")).map(TerritoryId::of).ifPresent(b::territory);
          Optional.ofNullable(rs.getString("industry")).ifPresent(v -> b.putAttributes("industry", v));
          return (AccessRecord) b.build();
        })
        .optional();
  }

  /** HTTP Basic over the API; method security does the record-level checks. */
  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(c -> c.disable())
        .build();
  }

  /** The organisation's users, password "secret" (a real application uses its identity provider). */
  @Bean
  InMemoryUserDetailsManager users() {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    for (String name : new String[] {"ceo", "mia", "bob", "eve", "sam"}) {
      users.createUser(User.withUsername(name).password("{noop}secret").roles("USER").build());
    }
    return users;
  }
}

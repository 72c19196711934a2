package org.crmkit.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.examples.demo.SampleCompanyPolicy;
import javax.sql.DataSource;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.SqlFragment;
import org.crmkit.permissions.SqlMapping;
import org.crmkit.testkit.company.SampleCompany;
import org.crmkit.testkit.company.SampleCompanyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The permission predicate rendered as SQL selects, in a real database, exactly the customers
 * that the in-memory {@code check} allows: 100,000 generated customers, every kind of user of the
 * sample company, several actions. Run against each database by a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessPredicateSqlContract {
  static final int CUSTOMERS = 100_000;

  SampleCompany company;
  AccessPolicy policy;
  List<AccessRecord> records;
  CustomerTable table;

  abstract DataSource dataSource();

  @BeforeAll
  void storeTheCompany() throws SQLException {
    company = SampleCompanyGenerator.withSeed(7).customers(CUSTOMERS).meanTransactionsPerBuyer(1)
        .generate();
    policy = SampleCompanyPolicy.of(company);
    records = company.customers().stream().map(SampleCompanyPolicy::record).toList();
    table = new CustomerTable(dataSource());
    table.recreate();
    table.insert(company.customers());
  }

  @AfterAll
  void dropTheCompany() throws SQLException {
    if (table != null) {
      table.drop();
    }
  }

  @Test
  void sqlSelectsExactlyWhatCheckAllows() {
    List<UserId> users = List.of("u-rep-001", "u-rep-002", "u-rep-003", "u-mgr-emea", "u-mgr-apac",
        "u-sales-director", "u-agent-001", "u-mkt-001", "u-admin", "u-service-head")
        .stream().map(UserId::of).toList();
    int restricted = 0;
    int nonEmpty = 0;
    for (UserId id : users) {
      User user = company.user(id);
      for (Action action : List.of(Action.READ, Action.UPDATE, Action.ASSIGN, Action.EXPORT)) {
        Set<String> allowed = policy.filter(user, action, records).stream()
            .map(AccessRecord::id).collect(Collectors.toSet());
        // the filter itself agrees with check, record by record
        for (AccessRecord r : records.subList(0, 2_000)) {
          assertThat(allowed.contains(r.id())).isEqualTo(policy.check(user, action, r).allowed());
        }
        AccessPredicate predicate = policy.accessPredicate(user, action, ObjectType.CUSTOMER);
        SqlFragment where = predicate.toSql(SqlMapping.defaults());
        Set<String> selected = new HashSet<>();
        for (CustomerId c : table.query().list(predicate, CustomerTable::id, CUSTOMERS + 1, 0)) {
          selected.add(c.value());
        }
        assertThat(table.query().count(predicate)).isEqualTo(allowed.size());
        assertThat(selected).as("%s %s: %s", id, action, where.sql()).isEqualTo(allowed);
        restricted += allowed.size() < CUSTOMERS ? 1 : 0;
        nonEmpty += allowed.isEmpty() ? 0 : 1;
      }
    }
    // the comparison covers restricted, unrestricted and empty results
    assertThat(restricted).isGreaterThan(20);
    assertThat(nonEmpty).isGreaterThan(20);
    assertThat(nonEmpty).isLessThan(users.size() * 4);
  }
}

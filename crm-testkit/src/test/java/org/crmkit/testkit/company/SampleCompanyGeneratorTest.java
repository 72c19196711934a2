package org.crmkit.testkit.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.User;
import org.junit.jupiter.api.Test;

class SampleCompanyGeneratorTest {

  private final SampleCompany small =
      SampleCompanyGenerator.withSeed(42).customers(2_000).employees(60).generate();

  @Test
  void sameSeedSameCompany() {
    SampleCompany again = SampleCompanyGenerator.withSeed(42).customers(2_000).employees(60).generate();
    assertThat(again.customers()).isEqualTo(small.customers());
    assertThat(again.transactions()).isEqualTo(small.transactions());
    SampleCompany other = SampleCompanyGenerator.withSeed(43).customers(2_000).employees(60).generate();
    assertThat(other.transactions()).isNotEqualTo(small.transactions());
  }

  @Test
  void hasTheDocumentedShape() {
    assertThat(small.territoryHierarchy().roots()).extracting(Object::toString).containsExactly("global");
    assertThat(small.territoryHierarchy().children(small.territoryHierarchy().roots().get(0))).hasSize(3);
    assertThat(small.territoryHierarchy().leaves()).hasSize(40);
    assertThat(small.users()).hasSize(60);
    assertThat(small.customers()).hasSize(2_000);
    assertThat(small.productLineHierarchy().roots()).hasSize(5);
    assertThat(small.accountHierarchy().height()).isGreaterThanOrEqualTo(1);
    // every customer's owner is a sales rep covering the customer's region
    Map<String, User> users = new HashMap<>();
    small.users().forEach(u -> users.put(u.id().value(), u));
    small.customers().forEach(c -> {
      User owner = users.get(c.owner().orElseThrow().value());
      assertThat(owner.roles()).contains(SampleCompanyGenerator.SALES_REP);
      assertThat(c.orgUnit()).contains(owner.orgUnit());
    });
    assertThat(small.transactions()).allSatisfy(t ->
        assertThat(t.date()).isBetween(small.periodStart(), small.periodEnd()));
  }

  @Test
  void revenueIsSkewedTowardsAFewCustomers() {
    Map<CustomerId, Double> revenue = new HashMap<>();
    for (Transaction t : small.transactions()) {
      revenue.merge(t.customer(), t.amount(), Double::sum);
    }
    double[] sorted = revenue.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double total = Arrays.stream(sorted).sum();
    double top20 = 0;
    for (int i = sorted.length - sorted.length / 5; i < sorted.length; i++) {
      top20 += sorted[i];
    }
    assertThat(top20 / total).isGreaterThan(0.5);
  }

  @Test
  void rejectsSizesTooSmallToBeACompany() {
    assertThatThrownBy(() -> SampleCompanyGenerator.withSeed(1).customers(3))
        .isInstanceOf(CrmException.class).hasMessage("customers must be >= 10, but was 3");
    assertThatThrownBy(() -> SampleCompanyGenerator.withSeed(1).employees(5))
        .isInstanceOf(CrmException.class).hasMessage("employees must be >= 30, but was 5");
  }
}

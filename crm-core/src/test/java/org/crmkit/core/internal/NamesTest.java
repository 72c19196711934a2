package org.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void distanceCountsInsertionsDeletionsAndSubstitutions() {
    assertThat(Names.distance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Names.distance("custmer", "customer", 10)).isEqualTo(1);
    assertThat(Names.distance("", "abc", 10)).isEqualTo(3);
    assertThat(Names.distance("same", "same", 10)).isZero();
  }

  @Test
  void distanceStopsAtTheLimit() {
    assertThat(Names.distance("kitten", "sitting", 2)).isEqualTo(2);
    assertThat(Names.distance("a", "abcdef", 3)).isEqualTo(3);
  }

  @Test
  void nearestIgnoresCaseAndSuggestsOnlyWithinTwoEdits() {
    List<String> known = List.of("customer", "contact", "lead");
    assertThat(Names.nearest("Customer", known)).isEqualTo("customer");
    assertThat(Names.nearest("custmer", known)).isEqualTo("customer");
    assertThat(Names.nearest("laed", known)).isEqualTo("lead");
    assertThat(Names.nearest("opportunity", known)).isNull();
  }
}

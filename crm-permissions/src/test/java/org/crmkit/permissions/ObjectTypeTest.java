package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.Test;

class ObjectTypeTest {
  @Test
  void standardAndCustomTypesAreKnown() {
    assertThat(ObjectType.known("customer", List.of())).isEqualTo(ObjectType.CUSTOMER);
    assertThat(ObjectType.known("invoice", List.of(ObjectType.of("invoice"))))
        .isEqualTo(ObjectType.of("invoice"));
    assertThat(ObjectType.STANDARD).hasSize(9).startsWith(ObjectType.CUSTOMER)
        .endsWith(ObjectType.REPORT);
  }

  @Test
  void anUnknownTypeNamesTheNearestAndEveryKnownType() {
    assertThatThrownBy(() -> ObjectType.known("custmer", List.of()))
        .isInstanceOf(CrmException.class)
        .hasMessage("unknown object type 'custmer'; did you mean 'customer'? known: [campaign,"
            + " case, contact, contract, customer, lead, opportunity, quote, report]");
    assertThatThrownBy(() -> ObjectType.known("Invoice", List.of(ObjectType.of("invoice"))))
        .hasMessageStartingWith("unknown object type 'Invoice'; did you mean 'invoice'?");
    assertThatThrownBy(() -> ObjectType.known("widget", List.of()))
        .hasMessageStartingWith("unknown object type 'widget'; known: [");
  }
}

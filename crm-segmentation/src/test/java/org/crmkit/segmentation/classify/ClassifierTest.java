package org.crmkit.segmentation.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  static final TerritoryId WORLD = TerritoryId.of("world");
  static final TerritoryId EMEA = TerritoryId.of("emea");
  static final TerritoryId DE = TerritoryId.of("de");
  static final TerritoryId BERLIN = TerritoryId.of("berlin");
  static final TerritoryId FR = TerritoryId.of("fr");

  static Hierarchy<TerritoryId> territories() {
    return Hierarchy.<TerritoryId>builder().root(WORLD, "global").child(WORLD, EMEA, "region")
        .child(EMEA, DE, "country").child(DE, BERLIN, "city").child(EMEA, FR, "country").build();
  }

  static Customer customer(String id, String stage, String industry, TerritoryId t, SizeBand size) {
    return Customer.builder().id(CustomerId.of(id)).name(id).lifecycleStage(stage)
        .industry(industry).territory(t).sizeBand(size).putAttributes("needs", "support").build();
  }

  static final Map<String, CustomerType> STAGES = Map.of("lead", CustomerType.POTENTIAL,
      "active", CustomerType.EXISTING, "repeat", CustomerType.LOYAL, "lapsed", CustomerType.CHURNED);

  @Test
  void classifiesAlongEveryDimensionAndCrossTabulates() {
    Classifier c = Classifier.builder().customerType(STAGES).industry()
        .territoryLevel(territories(), "country").sizeBand().attribute("needs").build();
    Customer a = customer("a", "repeat", "retail", BERLIN, SizeBand.SMALL);
    Customer b = customer("b", "repeat", "retail", DE, SizeBand.SMALL);
    Customer d = customer("d", "lead", "retail", FR, SizeBand.LARGE);
    Customer e = Customer.builder().id(CustomerId.of("e")).name("e").build();
    assertThat(c.classify(a).toString())
        .isEqualTo("type=LOYAL|industry=retail|country=de|size=SMALL|needs=support");
    assertThat(c.classify(e).values()).containsOnly(Classifier.NONE);
    CrossTab tab = c.crossTab(List.of(a, b, d, e),
        Map.of(a.id(), 100.0, b.id(), 50.0, d.id(), 7.0));
    assertThat(tab.rows()).hasSize(3);
    CrossTab.Row loyal = tab.rows().stream()
        .filter(r -> r.key().get("type").equals("LOYAL")).findFirst().orElseThrow();
    assertThat(loyal.count()).isEqualTo(2);
    assertThat(loyal.revenue()).isEqualTo(150.0);
    assertThat(tab.totalCount()).isEqualTo(4);
    assertThat(tab.totalRevenue()).isEqualTo(157.0);
    assertThat(tab.margin("country")).extracting(r -> r.key().values().get(0) + ":" + r.count())
        .containsExactly("(none):1", "de:2", "fr:1");
  }

  @Test
  void unknownStagesTerritoriesAndDefinitionsAreClearErrors() {
    Classifier c = Classifier.builder().customerType(STAGES)
        .territoryLevel(territories(), "country").build();
    assertThatThrownBy(() -> c.classify(customer("x", "vip", "r", DE, SizeBand.MICRO)))
        .hasMessageContaining("lifecycle stage 'vip'").hasMessageContaining("known: [active, lapsed");
    assertThatThrownBy(() -> c.classify(customer("x", "lead", "r", TerritoryId.of("mars"), SizeBand.MICRO)))
        .hasMessageContaining("territory 'mars', which is not in the territory hierarchy");
    assertThatThrownBy(() -> Classifier.builder().industry().industry()
        .territoryLevel(territories(), "planet").customerType(Map.of()).build())
        .isInstanceOfSatisfying(InvalidDefinitionException.class,
            ex -> assertThat(ex.problems()).hasSize(3));
    assertThatThrownBy(() -> Classifier.builder().build())
        .hasMessageContaining("at least one dimension is required");
  }
}

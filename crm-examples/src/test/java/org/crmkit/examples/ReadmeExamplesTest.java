package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.crmkit.core.hierarchy.DoubleRollUp;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.core.model.TerritoryId;
import org.junit.jupiter.api.Test;

/**
 * The examples shown in README.md, kept here so that they compile and run. When you change one,
 * copy it to the README verbatim (the text between the "README" markers).
 */
class ReadmeExamplesTest {

  @Test
  void hierarchyExample() {
    // README: hierarchy
    TerritoryId global = TerritoryId.of("global"), emea = TerritoryId.of("emea");
    TerritoryId germany = TerritoryId.of("de"), berlin = TerritoryId.of("berlin");
    Hierarchy<TerritoryId> world = Hierarchy.<TerritoryId>builder()
        .levels(LevelSchema.territories())           // a city's parent must be a country, ...
        .root(global, "global")
        .child(global, emea, "region")
        .child(emea, germany, "country")
        .child(germany, berlin, "city")
        .build();                                    // reports every problem at once

    boolean inEmea = world.isAncestorOf(emea, berlin);            // true, O(1)
    Map<TerritoryId, Double> cityRevenue = Map.of(berlin, 1200.0);
    DoubleRollUp<TerritoryId> revenue =
        world.sum(t -> cityRevenue.getOrDefault(t, 0.0));         // every subtree, one pass
    double emeaRevenue = revenue.get(emea);                       // 1200.0
    // README: end

    assertThat(inEmea).isTrue();
    assertThat(emeaRevenue).isEqualTo(1200.0);
    assertThat(world.ancestors(berlin)).containsExactly(germany, emea, global);
  }
}

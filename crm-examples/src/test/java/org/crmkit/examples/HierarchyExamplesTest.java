package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.HierarchyDiff;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.json.HierarchyJson;
import org.junit.jupiter.api.Test;

/**
 * The hierarchy examples shown in README.md ("## Hierarchies"), kept here so that they compile and
 * run. When you change one, copy it to the README verbatim (the text between the markers).
 */
class HierarchyExamplesTest {

  @Test
  void datingChangesAndJson() {
    // README: hierarchies
    TerritoryId emea = TerritoryId.of("emea"), apac = TerritoryId.of("apac");
    TerritoryId istanbul = TerritoryId.of("istanbul");
    LocalDate handover = LocalDate.of(2025, 1, 1);              // validFrom inclusive, validTo exclusive
    DatedHierarchy<TerritoryId> owners = DatedHierarchy.<TerritoryId>builder()
        .root(emea).root(apac)
        .child(emea, istanbul, null, handover)                   // until 31 Dec 2024
        .child(apac, istanbul, handover, null)                   // from 1 Jan 2025
        .build();                                                // every time slice validated
    Hierarchy<TerritoryId> dec31 = owners.asOf(LocalDate.of(2024, 12, 31));
    Hierarchy<TerritoryId> jan1 = owners.asOf(handover);

    List<HierarchyDiff.Move<TerritoryId>> moved = Hierarchy.diff(dec31, jan1).moved();
    // [istanbul: emea → apac]
    Hierarchy<TerritoryId> back = jan1.withSubtreeMoved(istanbul, emea); // a new snapshot

    String json = HierarchyJson.write(jan1, TerritoryId::value);         // "crmkit.hierarchy/1"
    Hierarchy<TerritoryId> read = HierarchyJson.read(json, TerritoryId::of);
    // README: end

    assertThat(dec31.parent(istanbul)).contains(emea);
    assertThat(jan1.parent(istanbul)).contains(apac);
    assertThat(moved).containsExactly(HierarchyDiff.Move.of(istanbul, emea, apac));
    assertThat(back).isEqualTo(dec31);
    assertThat(read).isEqualTo(jan1);
    assertThat(json).contains("\"format\" : \"crmkit.hierarchy/1\"");
  }
}

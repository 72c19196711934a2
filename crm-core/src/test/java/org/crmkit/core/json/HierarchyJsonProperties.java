package org.crmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.hierarchy.DatedEdge;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.core.hierarchy.RandomForests;
import org.junit.jupiter.api.Test;

/** JSON round-trips are identities, for plain and dated hierarchies. */
class HierarchyJsonProperties {

  @Test
  void plainHierarchiesRoundTrip() {
    LevelSchema anything = LevelSchema.builder()
        .root("a").root("b").root("c")
        .level("a", "a", "b", "c").level("b", "a", "b", "c").level("c", "a", "b", "c")
        .build();
    qt().withExamples(500)
        .forAll(integers().between(0, 60), integers().between(0, RandomForests.SHAPES - 1),
            longs().all())
        .checkAssert((n, shape, seed) -> {
          List<RandomForests.Row> rows = RandomForests.forest(n, shape, seed);
          Hierarchy.Builder<String> b = Hierarchy.builder();
          if (seed % 3 == 0) {
            // a schema requires every node to have a level
            b.levels(anything).maxDepth(n);
            rows.forEach(r -> b.node(r.node(), r.parent(), r.level() == null ? "a" : r.level()));
          } else {
            rows.forEach(r -> b.node(r.node(), r.parent(), r.level()));
          }
          Hierarchy<String> h = b.build();
          String json = HierarchyJson.write(h, k -> k);
          Hierarchy<String> back = HierarchyJson.read(json, k -> k);
          assertThat(back).isEqualTo(h);
          assertThat(back.levelSchema()).isEqualTo(h.levelSchema());
          assertThat(back.maxDepth()).isEqualTo(h.maxDepth());
          assertThat(HierarchyJson.write(back, k -> k)).isEqualTo(json);
        });
  }

  @Test
  void datedHierarchiesRoundTrip() {
    qt().withExamples(500)
        .forAll(integers().between(0, 12), longs().all())
        .checkAssert((n, seed) -> {
          DatedHierarchy.Builder<String> b = DatedHierarchy.builder();
          for (DatedEdge<String> e : org.crmkit.core.hierarchy.DatedHierarchyPropertiesAccess.edges(n, seed)) {
            b.edge(e);
          }
          DatedHierarchy<String> dated;
          try {
            dated = b.build();
          } catch (InvalidDefinitionException invalid) {
            return; // only valid dated hierarchies can be written
          }
          String json = HierarchyJson.writeDated(dated, k -> k);
          DatedHierarchy<String> back = HierarchyJson.readDated(json, k -> k);
          assertThat(back).isEqualTo(dated);
          assertThat(HierarchyJson.writeDated(back, k -> k)).isEqualTo(json);
        });
  }
}

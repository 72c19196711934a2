package org.crmkit.json;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Random;
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
        .forAll(integers().between(0, 60), longs().all())
        .checkAssert((n, seed) -> {
          List<Row> rows = forest(n, seed);
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
          for (DatedEdge<String> e : datedEdges(n, seed)) {
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

  record Row(String node, String parent, String level) {}

  /** A random forest: node i's parent is an earlier node or none; levels a, b, c or none. */
  static List<Row> forest(int n, long seed) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    String[] levels = {"a", "b", "c", null};
    for (int i = 0; i < n; i++) {
      String parent = i == 0 || r.nextInt(4) == 0 ? null : "n" + r.nextInt(i);
      rows.add(new Row("n" + i, parent, levels[r.nextInt(levels.length)]));
    }
    return rows;
  }

  /** Random dated edges over 6 nodes and 4 dates (often invalid: overlaps, cycles). */
  static List<DatedEdge<String>> datedEdges(int n, long seed) {
    Random r = new Random(seed);
    LocalDate[] dates = {null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1),
        LocalDate.of(2025, 1, 1)};
    List<DatedEdge<String>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String node = "n" + r.nextInt(6);
      String parent = r.nextInt(3) == 0 ? null : "n" + r.nextInt(6);
      int from = r.nextInt(dates.length);
      int to = from == 0 ? r.nextInt(dates.length) : from + r.nextInt(dates.length - from);
      LocalDate end = to == 0 || to <= from ? null : dates[to];
      out.add(DatedEdge.of(node, parent, r.nextBoolean() ? "x" : null, dates[from], end));
    }
    return out;
  }
}

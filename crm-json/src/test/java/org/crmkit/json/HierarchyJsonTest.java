package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.core.model.TerritoryId;
import org.junit.jupiter.api.Test;

class HierarchyJsonTest {

  private static List<String> problems(Throwable e) {
    return ((InvalidDefinitionException) e).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void writesAndReadsTypedKeys() {
    Hierarchy<TerritoryId> world = Hierarchy.<TerritoryId>builder()
        .levels(LevelSchema.territories())
        .maxDepth(5)
        .root(TerritoryId.of("global"), "global")
        .child(TerritoryId.of("global"), TerritoryId.of("emea"), "region")
        .build();
    String json = HierarchyJson.write(world, TerritoryId::value);
    assertThat(json)
        .contains("\"format\" : \"crmkit.hierarchy/1\"")
        .contains("\"maxDepth\" : 5")
        .contains("\"parent\" : \"global\"");
    Hierarchy<TerritoryId> back = HierarchyJson.read(json, TerritoryId::of);
    assertThat(back).isEqualTo(world);
    assertThat(back.levelSchema()).contains(LevelSchema.territories());
    assertThat(back.maxDepth()).isEqualTo(5);
  }

  @Test
  void readsADocumentWrittenByHand() {
    String json = """
        {"format": "crmkit.hierarchy/1",
         "nodes": [{"id": "b", "parent": "a"}, {"id": "a"}, {"id": "c", "parent": "a"}]}
        """;
    Hierarchy<String> h = HierarchyJson.read(json, s -> s);
    assertThat(h.children("a")).containsExactly("b", "c");
  }

  @Test
  void reportsEveryShapeProblemWithItsPath() {
    String json = """
        {"format": "crmkit.hierarchy/1", "colour": "red", "maxDepth": -1,
         "nodes": [{"id": 7}, {"id": "x", "parent": ""}, 3, {"id": "y", "lvl": "a"},
                   {"id": "z", "validFrom": "2024-01-01"}]}
        """;
    assertThatThrownBy(() -> HierarchyJson.read(json, s -> s))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(problems(e)).containsExactly(
            "$.colour: unknown field 'colour'; known fields: [format, levelSchema, maxDepth, nodes]",
            "$.maxDepth: expected an integer >= 0, but found the number -1",
            "$.nodes[0].id: expected a non-blank string, but found the number 7",
            "$.nodes[1].parent: expected a non-blank string, but found the string \"\"",
            "$.nodes[2]: expected an object, but found the number 3",
            "$.nodes[3].lvl: unknown field 'lvl'; known fields: [id, parent, level, validFrom, validTo]",
            "$.nodes[4].validFrom: a plain hierarchy has no dates; read a document with validFrom"
                + " through readDated"));
  }

  @Test
  void reportsStructuralProblemsAtTheNodesPath() {
    String json = """
        {"format": "crmkit.hierarchy/1",
         "nodes": [{"id": "a", "parent": "b"}, {"id": "b", "parent": "a"}, {"id": "c", "parent": "z"}]}
        """;
    assertThatThrownBy(() -> HierarchyJson.read(json, s -> s))
        .satisfies(e -> assertThat(problems(e)).containsExactly(
            "$.nodes[0]: cycle of 2 nodes, each the parent of the one before: 'a' ($.nodes[0]) →"
                + " 'b' ($.nodes[1]) → 'a'",
            "$.nodes[2]: unknown parent 'z' of node 'c': no node has that id"));
  }

  @Test
  void reportsKeysTheReaderRejects() {
    String json = """
        {"format": "crmkit.hierarchy/1", "nodes": [{"id": "ok"}, {"id": "bad!", "parent": "ok"}]}
        """;
    assertThatThrownBy(() -> HierarchyJson.read(json, s -> {
          if (s.contains("!")) {
            throw new CrmException("ids are letters only");
          }
          return s;
        }))
        .hasMessageContaining("$.nodes[1].id: \"bad!\" is not a valid key: ids are letters only");
  }

  @Test
  void rejectsWrongFormatAndBadJson() {
    assertThatThrownBy(() -> HierarchyJson.read("{\"format\": \"crmkit.policy/1\"}", s -> s))
        .hasMessageContaining("$.format: unsupported format \"crmkit.policy/1\"");
    assertThatThrownBy(() -> HierarchyJson.read("{\"format\": ", s -> s))
        .hasMessageContaining("$: not valid JSON at line 1");
    assertThatThrownBy(() -> HierarchyJson.read("{\"format\": \"crmkit.hierarchy/1\"}", s -> s))
        .hasMessageContaining("$.nodes: required array is missing");
  }

  @Test
  void readsAndReportsLevelSchemas() {
    String json = """
        {"format": "crmkit.hierarchy/1",
         "levelSchema": [{"level": "global", "root": true}, {"level": "region", "parents": ["planet"]},
                         {"level": "city"}],
         "nodes": []}
        """;
    assertThatThrownBy(() -> HierarchyJson.read(json, s -> s))
        .satisfies(e -> assertThat(problems(e)).containsExactly(
            "$.levelSchema[2]: level 'city' needs \"root\": true or at least one parent level"));
    String json2 = json.replace(",\n                 {\"level\": \"city\"}", "");
    assertThatThrownBy(() -> HierarchyJson.read(json2, s -> s))
        .hasMessageContaining("$.levelSchema[1]: unknown parent level 'planet'");
  }

  @Test
  void datedDocumentsRoundTrip() {
    DatedHierarchy<String> owners = DatedHierarchy.<String>builder()
        .root("EMEA").root("APAC")
        .child("EMEA", "ISTANBUL", null, LocalDate.of(2025, 1, 1))
        .child("APAC", "ISTANBUL", LocalDate.of(2025, 1, 1), null)
        .build();
    String json = HierarchyJson.writeDated(owners, s -> s);
    assertThat(json).contains("\"validTo\" : \"2025-01-01\"");
    assertThat(HierarchyJson.readDated(json, s -> s)).isEqualTo(owners);
    assertThat(HierarchyJson.writeDated(HierarchyJson.readDated(json, s -> s), s -> s))
        .isEqualTo(json);
  }

  @Test
  void datedProblemsCarryJsonPaths() {
    String json = """
        {"format": "crmkit.hierarchy/1",
         "nodes": [{"id": "r"}, {"id": "a", "parent": "r", "validFrom": "2024-13-01"},
                   {"id": "b", "parent": "r", "validFrom": "2025-01-01", "validTo": "2024-01-01"}]}
        """;
    assertThatThrownBy(() -> HierarchyJson.readDated(json, s -> s))
        .hasMessageContaining("$.nodes[1].validFrom: expected an ISO date (yyyy-MM-dd), but found"
            + " \"2024-13-01\"");
    String overlapping = """
        {"format": "crmkit.hierarchy/1",
         "nodes": [{"id": "r"}, {"id": "a", "parent": "r"}, {"id": "a", "validFrom": "2025-01-01"}]}
        """;
    assertThatThrownBy(() -> HierarchyJson.readDated(overlapping, s -> s))
        .hasMessageContaining("$.nodes[2]: overlapping edges for node 'a': $.nodes[2]");
  }

  @Test
  void writingRefusesKeysThatCannotBeReadBack() {
    Hierarchy<String> h = Hierarchy.<String>builder().root("a").root("A").build();
    assertThatThrownBy(() -> HierarchyJson.write(h, String::toLowerCase))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("returned 'a' for both 'a' and 'A'");
    assertThatThrownBy(() -> HierarchyJson.write(h, s -> " "))
        .hasMessageContaining("must return a non-blank string");
  }
}

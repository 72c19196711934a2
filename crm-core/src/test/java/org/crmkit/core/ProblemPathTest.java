package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemPathTest {

  @Test
  void pathsAreBuiltFromFieldsAndIndexesAndPrintLikeJsonPaths() {
    ProblemPath p = ProblemPath.of("$").field("grants").index(3).field("scope");
    assertThat(p).hasToString("$.grants[3].scope");
    assertThat(ProblemPath.parse("$.grants[3].scope")).isEqualTo(p);
    assertThat(ProblemPath.of("nodes").index(2).prefixedBy(ProblemPath.of("$")))
        .hasToString("$.nodes[2]");
    assertThat(ProblemPath.of()).hasToString("").matches(ProblemPath::isEmpty);
    assertThat(p.startsWith("$")).isTrue();
    assertThat(p.startsWith("grants")).isFalse();
    assertThatThrownBy(() -> p.index(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsingNeverFailsAndPrintsBackTheSameText() {
    for (String text : List.of("roles[3].inherits", "a..b", ".x", "x[", "x[a]", "[2]",
        "attributes.some key", "levels.region", "x[99999999999]", "", "$")) {
      assertThat(ProblemPath.parse(text)).as(text).hasToString(text);
    }
    assertThat(new Problem("roles[1].parent", "m").location())
        .isEqualTo(ProblemPath.of("roles").index(1).field("parent"));
  }

  @Test
  void renumberingMapsADeclarationToItsDocumentPosition() {
    ProblemPath to = ProblemPath.of("$", "territories");
    assertThat(ProblemPath.parse("nodes[1].parent").renumbered("nodes", to, i -> i + 5))
        .hasToString("$.territories[6].parent");
    assertThat(ProblemPath.parse("nodes").renumbered("nodes", to, i -> i))
        .hasToString("$.territories");
    assertThat(ProblemPath.parse("roles[1]").renumbered("nodes", to, i -> i))
        .hasToString("roles[1]");
  }

  @Test
  void exceptionsArePrefixedRenumberedAndRelocatedAsAWhole() {
    InvalidDefinitionException e = new InvalidDefinitionException("hierarchy", List.of(
        new Problem("nodes[1]", "cycle: 'a' (nodes[1]) → 'b' (nodes[0]) → 'a'"),
        new Problem("nodes", "too deep")));
    InvalidDefinitionException r =
        e.renumbered("document", "nodes", ProblemPath.of("$", "orgUnits"), i -> i * 2);
    assertThat(r.problems()).extracting(Problem::toString).containsExactly(
        "$.orgUnits[2]: cycle: 'a' ($.orgUnits[2]) → 'b' ($.orgUnits[0]) → 'a'",
        "$.orgUnits: too deep");
    assertThat(r.what()).isEqualTo("document");
    assertThat(e.prefixed("policy document", ProblemPath.of("$")).problems())
        .extracting(Problem::path).containsExactly("$.nodes[1]", "$.nodes");
    assertThat(e.relocated("x", p -> ProblemPath.of("here")).getMessage())
        .isEqualTo("invalid x (2 problems):\n  - here: cycle: 'a' (nodes[1]) → 'b' (nodes[0]) → 'a'"
            + "\n  - here: too deep");
  }
}

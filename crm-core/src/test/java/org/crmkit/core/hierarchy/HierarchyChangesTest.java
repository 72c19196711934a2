package org.crmkit.core.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class HierarchyChangesTest {

  private final Hierarchy<String> world =
      Hierarchy.<String>builder()
          .root("GLOBAL")
          .child("GLOBAL", "EMEA")
          .child("GLOBAL", "APAC")
          .child("EMEA", "GERMANY")
          .child("GERMANY", "BERLIN")
          .child("EMEA", "FRANCE")
          .child("APAC", "CHINA")
          .build();

  @Test
  void addingARootOrAChildGivesANewSnapshot() {
    Hierarchy<String> more = world.withRoot("MARS").withChild("GERMANY", "MUNICH");
    assertThat(more.roots()).containsExactly("GLOBAL", "MARS");
    assertThat(more.children("GERMANY")).containsExactly("BERLIN", "MUNICH");
    assertThat(more.isAncestorOf("EMEA", "MUNICH")).isTrue();
    assertThat(world.contains("MUNICH")).isFalse();
    assertThat(world.size()).isEqualTo(7);
  }

  @Test
  void addingAnExistingNodeOrUnderAMissingParentIsAnError() {
    assertThatThrownBy(() -> world.withChild("APAC", "BERLIN"))
        .isInstanceOf(CrmException.class)
        .hasMessage("cannot add 'BERLIN': it is already in the hierarchy under 'GERMANY'");
    assertThatThrownBy(() -> world.withRoot("GLOBAL"))
        .hasMessage("cannot add 'GLOBAL': it is already in the hierarchy as a root");
    assertThatThrownBy(() -> world.withChild("MOON", "X"))
        .hasMessage("cannot add 'X' under 'MOON': the parent is not in the hierarchy");
  }

  @Test
  void removingASubtreeRemovesEveryDescendant() {
    Hierarchy<String> less = world.withoutSubtree("EMEA");
    assertThat(less.nodes()).containsExactly("GLOBAL", "APAC", "CHINA");
    assertThat(world.withoutSubtree("GLOBAL").size()).isZero();
    assertThatThrownBy(() -> world.withoutSubtree("MOON"))
        .hasMessage("unknown node 'MOON': it is not in this hierarchy");
  }

  @Test
  void movingASubtreeKeepsItsShapeAndBecomesTheLastChild() {
    Hierarchy<String> moved = world.withSubtreeMoved("GERMANY", "APAC");
    assertThat(moved.children("APAC")).containsExactly("CHINA", "GERMANY");
    assertThat(moved.ancestors("BERLIN")).containsExactly("GERMANY", "APAC", "GLOBAL");
    assertThat(moved.children("EMEA")).containsExactly("FRANCE");
    assertThat(moved.depth("BERLIN")).isEqualTo(3);
    Hierarchy<String> asRoot = world.withSubtreeAsRoot("GERMANY");
    assertThat(asRoot.roots()).containsExactly("GLOBAL", "GERMANY");
    assertThat(asRoot.depth("BERLIN")).isEqualTo(1);
  }

  @Test
  void movingUnderItsOwnDescendantIsAClearError() {
    assertThatThrownBy(() -> world.withSubtreeMoved("EMEA", "BERLIN"))
        .isInstanceOf(CrmException.class)
        .hasMessage("cannot move 'EMEA' under 'BERLIN': 'BERLIN' is a descendant of 'EMEA', so"
            + " the move would make a cycle");
    assertThatThrownBy(() -> world.withSubtreeMoved("EMEA", "EMEA"))
        .hasMessage("cannot move 'EMEA' under 'EMEA': a node cannot be its own parent");
  }

  @Test
  void changesAreCheckedAgainstTheLevelSchemaAndMaximumDepth() {
    Hierarchy<String> geo = Hierarchy.<String>builder()
        .levels(LevelSchema.territories())
        .maxDepth(3)
        .root("GLOBAL", "global")
        .child("GLOBAL", "EMEA", "region")
        .child("EMEA", "GERMANY", "country")
        .child("GERMANY", "BERLIN", "city")
        .build();
    assertThatThrownBy(() -> geo.withSubtreeMoved("BERLIN", "EMEA"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("'BERLIN' (city) cannot sit under 'EMEA' (region)");
    assertThatThrownBy(() -> geo.withChild("BERLIN", "MITTE", "city"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("over the maximum depth 3");
    assertThat(geo.withChild("GERMANY", "MUNICH", "city").levelSchema())
        .contains(LevelSchema.territories());
  }

  @Test
  void diffListsMovedAddedAndRemovedNodes() {
    Hierarchy<String> after = world
        .withSubtreeMoved("GERMANY", "APAC")
        .withoutSubtree("FRANCE")
        .withChild("CHINA", "BEIJING")
        .withSubtreeAsRoot("EMEA");
    HierarchyDiff<String> diff = Hierarchy.diff(world, after);
    assertThat(diff.added()).containsExactly("BEIJING");
    assertThat(diff.removed()).containsExactly("FRANCE");
    assertThat(diff.moved()).containsExactly(
        HierarchyDiff.Move.of("GERMANY", "EMEA", "APAC"),
        HierarchyDiff.Move.of("EMEA", "GLOBAL", null));
    assertThat(diff.moved().get(0).toString()).isEqualTo("GERMANY: EMEA → APAC");
    assertThat(diff.moved().get(1).newParent()).isEmpty();
    assertThat(diff.isEmpty()).isFalse();
    assertThat(Hierarchy.diff(world, world).isEmpty()).isTrue();
  }

  @Test
  void diffListsNodesWhoseLevelChanged() {
    Hierarchy<String> before = Hierarchy.<String>builder()
        .root("GLOBAL", "global").child("GLOBAL", "EMEA", "region").child("EMEA", "UK", "country")
        .child("UK", "LONDON").build();
    Hierarchy<String> after = Hierarchy.<String>builder()
        .root("GLOBAL", "global").child("GLOBAL", "EMEA", "area").child("EMEA", "UK", "country")
        .child("UK", "LONDON", "city").build();
    HierarchyDiff<String> diff = Hierarchy.diff(before, after);
    assertThat(diff.relevelled()).containsExactly(
        HierarchyDiff.LevelChange.of("EMEA", "region", "area"),
        HierarchyDiff.LevelChange.of("LONDON", null, "city"));
    assertThat(diff.relevelled().get(0).toString()).isEqualTo("EMEA: region → area");
    assertThat(diff.relevelled().get(1).oldLevel()).isEmpty();
    assertThat(diff.relevelled().get(1)).hasToString("LONDON: (none) → city");
    assertThat(diff.moved()).isEmpty();
    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff).hasToString("HierarchyDiff{added=[], removed=[], moved=[], relevelled=["
        + "EMEA: region → area, LONDON: (none) → city]}");
    assertThat(Hierarchy.diff(after, after).relevelled()).isEmpty();
    assertThatThrownBy(() -> HierarchyDiff.LevelChange.of(null, "a", "b"))
        .isInstanceOf(CrmException.class).hasMessageContaining("node");
  }

  @Test
  void toBuilderAllowsABatchOfChanges() {
    Hierarchy<String> batch = world.toBuilder().child("CHINA", "SHANGHAI").root("MARS").build();
    assertThat(Hierarchy.diff(world, batch).added()).containsExactly("SHANGHAI", "MARS");
    assertThat(world.toBuilder().build()).isEqualTo(world);
  }

  @Test
  void positionalQueriesMatchKeyedOnes() {
    int emea = world.indexOf("EMEA");
    int berlin = world.indexOf("BERLIN");
    assertThat(world.isAncestorAt(emea, berlin)).isTrue();
    assertThat(world.isAncestorAt(berlin, emea)).isFalse();
    assertThat(world.subtreeSizeAt(emea)).isEqualTo(world.subtreeSize("EMEA"));
    assertThatThrownBy(() -> world.isAncestorAt(0, 7))
        .hasMessage("position must be in [0, 7), but was 7");
  }
}

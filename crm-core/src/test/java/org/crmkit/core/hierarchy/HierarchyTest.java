package org.crmkit.core.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class HierarchyTest {

  private final Hierarchy<String> world =
      Hierarchy.<String>builder()
          .root("GLOBAL")
          .child("GLOBAL", "EMEA")
          .child("GLOBAL", "APAC")
          .child("EMEA", "GERMANY")
          .child("GERMANY", "BERLIN")
          .child("GERMANY", "MUNICH")
          .child("APAC", "CHINA")
          .build();

  @Test
  void answersStructuralQueries() {
    assertThat(world.size()).isEqualTo(7);
    assertThat(world.roots()).containsExactly("GLOBAL");
    assertThat(world.parent("BERLIN")).contains("GERMANY");
    assertThat(world.parent("GLOBAL")).isEmpty();
    assertThat(world.children("GLOBAL")).containsExactly("EMEA", "APAC");
    assertThat(world.ancestors("BERLIN")).containsExactly("GERMANY", "EMEA", "GLOBAL");
    assertThat(world.descendants("EMEA")).containsExactly("GERMANY", "BERLIN", "MUNICH");
    assertThat(world.depth("BERLIN")).isEqualTo(3);
    assertThat(world.subtreeSize("EMEA")).isEqualTo(4);
    assertThat(world.leaves()).containsExactly("BERLIN", "MUNICH", "CHINA");
    assertThat(world.height()).isEqualTo(3);
  }

  @Test
  void ancestryIsStrictAndSubtreeIsReflexive() {
    assertThat(world.isAncestorOf("EMEA", "BERLIN")).isTrue();
    assertThat(world.isAncestorOf("BERLIN", "EMEA")).isFalse();
    assertThat(world.isAncestorOf("EMEA", "EMEA")).isFalse();
    assertThat(world.isAncestorOf("APAC", "BERLIN")).isFalse();
    assertThat(world.isInSubtree("EMEA", "EMEA")).isTrue();
    assertThat(world.isInSubtree("EMEA", "MUNICH")).isTrue();
  }

  @Test
  void lowestCommonAncestor() {
    assertThat(world.lowestCommonAncestor("BERLIN", "MUNICH")).contains("GERMANY");
    assertThat(world.lowestCommonAncestor("BERLIN", "CHINA")).contains("GLOBAL");
    assertThat(world.lowestCommonAncestor("GERMANY", "BERLIN")).contains("GERMANY");
    Hierarchy<String> forest = Hierarchy.<String>builder().root("a").root("b").build();
    assertThat(forest.lowestCommonAncestor("a", "b")).isEmpty();
  }

  @Test
  void rollsUpEverySubtree() {
    DoubleRollUp<String> revenue = world.sum(city -> city.equals("BERLIN") ? 10 : city.equals("MUNICH") ? 5 : city.equals("CHINA") ? 7 : 0);
    assertThat(revenue.get("GERMANY")).isEqualTo(15.0);
    assertThat(revenue.get("EMEA")).isEqualTo(15.0);
    assertThat(revenue.get("GLOBAL")).isEqualTo(22.0);
    assertThat(world.count(n -> n.length() > 4).get("GLOBAL")).isEqualTo(5.0);
    assertThat(world.max(n -> n.length()).get("EMEA")).isEqualTo(7.0);
    assertThat(world.min(n -> n.length()).get("GLOBAL")).isEqualTo(4.0);
    assertThat(revenue.getAt(world.indexOf("EMEA"))).isEqualTo(15.0);
    assertThatThrownBy(() -> revenue.getAt(world.size()))
        .isInstanceOf(CrmException.class).hasMessage("position must be in [0, 7), but was 7");
  }

  @Test
  void sumsAColumnKeptByPreorderPosition() {
    double[] revenue = new double[world.size()];
    revenue[world.indexOf("BERLIN")] = 10;
    revenue[world.indexOf("MUNICH")] = 5;
    revenue[world.indexOf("CHINA")] = 7;
    DoubleRollUp<String> byPosition = world.sumByPosition(revenue);
    assertThat(byPosition.get("GERMANY")).isEqualTo(15.0);
    assertThat(byPosition.get("GLOBAL")).isEqualTo(22.0);
    assertThat(byPosition.get("CHINA")).isEqualTo(7.0);
    assertThat(revenue[world.indexOf("GLOBAL")]).as("the column is not modified").isZero();
    assertThatThrownBy(() -> world.sumByPosition(new double[3]))
        .isInstanceOf(CrmException.class)
        .hasMessage("values must have one entry per node (7), but had 3");
  }

  @Test
  void negativeZeroSumsToNegativeZeroAndNaNPropagates() {
    DoubleRollUp<String> zeros = world.sum(n -> -0.0);
    assertThat(Double.doubleToRawLongBits(zeros.get("GLOBAL")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(world.sum(n -> n.equals("BERLIN") ? Double.NaN : 1).get("EMEA")).isNaN();
    assertThat(world.sum(n -> n.equals("BERLIN") ? Double.NaN : 1).get("CHINA")).isEqualTo(1.0);
    assertThat(world.min(n -> n.equals("MUNICH") ? Double.NaN : 1).get("GLOBAL")).isNaN();
    assertThat(world.max(n -> n.equals("GERMANY") ? -0.0 : Double.NEGATIVE_INFINITY)
        .get("EMEA")).isEqualTo(-0.0);
  }

  @Test
  void objectRollUpKeepsPreorderForNonCommutativeCombiners() {
    RollUp<String, String> concat = world.rollUpValues(n -> n.substring(0, 1), String::concat);
    assertThat(concat.get("GLOBAL")).isEqualTo("GEGBMAC");
    assertThat(concat.get("EMEA")).isEqualTo("EGBM");
  }

  @Test
  void preorderPositionsDescribeSubtreeIntervals() {
    int emea = world.indexOf("EMEA");
    assertThat(world.nodes().subList(emea, emea + world.subtreeSize("EMEA")))
        .containsExactly("EMEA", "GERMANY", "BERLIN", "MUNICH");
    assertThat(world.indexOf("nowhere")).isEqualTo(-1);
    assertThat(world.parentIndex(world.indexOf("BERLIN"))).isEqualTo(world.indexOf("GERMANY"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Hierarchy.Builder<String> b =
        Hierarchy.<String>builder()
            .root("r")
            .child("r", "a")
            .child("r", "a")
            .child("ghost", "b")
            .child("d", "c")
            .child("c", "d");
    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(
            e -> {
              List<String> messages =
                  ((InvalidDefinitionException) e).problems().stream().map(Object::toString).toList();
              assertThat(messages).hasSize(3);
              assertThat(messages.get(0)).contains("nodes[2]", "duplicate id 'a'", "nodes[1]");
              assertThat(messages.get(1)).contains("nodes[3]", "unknown parent 'ghost'");
              assertThat(messages.get(2)).contains("cycle of 2 nodes", "'c'", "'d'");
            });
  }

  @Test
  void selfParentIsACycle() {
    assertThatThrownBy(() -> Hierarchy.<String>builder().child("x", "x").build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("cycle of 1 node");
  }

  @Test
  void checksLevelsAgainstTheSchema() {
    Hierarchy.Builder<String> b =
        Hierarchy.<String>builder()
            .levels(LevelSchema.territories())
            .root("GLOBAL", "global")
            .child("GLOBAL", "EMEA", "region")
            .child("EMEA", "BERLIN", "city")
            .child("EMEA", "X", "planet");
    assertThatThrownBy(b::build)
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("'BERLIN' (city) cannot sit under 'EMEA' (region)")
        .hasMessageContaining("unknown level 'planet'");
  }

  @Test
  void rejectsDepthOverTheMaximum() {
    assertThatThrownBy(
            () -> Hierarchy.<Integer>builder().maxDepth(1).root(0).child(0, 1).child(1, 2).build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("node '2' is at depth 2, over the maximum depth 1");
  }

  @Test
  void deepChainsDoNotOverflowTheStack() {
    Hierarchy.Builder<Integer> b = Hierarchy.<Integer>builder().root(0);
    int n = 100_000;
    for (int i = 1; i < n; i++) {
      b.child(i - 1, i);
    }
    Hierarchy<Integer> chain = b.build();
    assertThat(chain.depth(n - 1)).isEqualTo(n - 1);
    assertThat(chain.isAncestorOf(0, n - 1)).isTrue();
    assertThat(chain.ancestors(n - 1)).hasSize(n - 1);
    assertThat(chain.sum(i -> 1).get(0)).isEqualTo(n);
  }

  @Test
  void unknownNodesAreClearErrors() {
    assertThatThrownBy(() -> world.depth("MARS"))
        .isInstanceOf(CrmException.class)
        .hasMessage("unknown node 'MARS': it is not in this hierarchy");
  }
}

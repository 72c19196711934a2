package org.crmkit.examples.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.testkit.Choices;
import org.crmkit.testkit.QuickTheoriesGens;
import org.junit.jupiter.api.Test;

/** Invariants of the state-diagram layout shared by the studio and the demo report. */
class ReportChartsProperties {

  /** A valid machine: a chain s0 → … → s(n-1) (final), plus random transitions between the others. */
  static Machine randomMachine(Choices r) {
    int n = r.size(2, 13);
    Machine.Builder b = Machine.builder("random").initial("s0");
    for (int i = 0; i < n - 1; i++) {
      b.state("s" + i);
    }
    b.finalState("s" + (n - 1));
    int event = 0;
    for (int i = 0; i < n - 1; i++) {
      b.transition("s" + i, "e" + event++, "s" + (i + 1));
    }
    int extra = r.size(0, 2 * n - 1);
    for (int k = 0; k < extra; k++) {
      int from = r.intBetween(0, n - 2);
      b.transition("s" + from, "e" + event++, "s" + r.intBetween(0, n - 1));
    }
    return b.build();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyStateIsOneNodeAtItsBreadthFirstLayerAndEveryEdgeJoinsNodes() {
    qt().withExamples(300)
        .forAll(QuickTheoriesGens.of(ReportChartsProperties::randomMachine))
        .checkAssert(m -> {
          Map<String, Object> g = ReportCharts.machineGraph(m);
          List<Map<String, Object>> nodes = (List<Map<String, Object>>) g.get("nodes");
          List<Map<String, Object>> edges = (List<Map<String, Object>>) g.get("edges");
          assertThat(nodes).hasSize(m.states().size());
          Map<String, double[]> at = new HashMap<>();
          Set<String> positions = new HashSet<>();
          for (Map<String, Object> n : nodes) {
            double x = ((Number) n.get("x")).doubleValue();
            double y = ((Number) n.get("y")).doubleValue();
            at.put((String) n.get("name"), new double[] {x, y});
            assertThat(positions.add(x + "," + y)).as("two states at %s,%s", x, y).isTrue();
          }
          assertThat(at.get(m.initialState())[0]).isZero();
          assertThat(edges).hasSize(m.transitions().size());
          for (Map<String, Object> e : edges) {
            double[] s = at.get((String) e.get("source"));
            double[] t = at.get((String) e.get("target"));
            assertThat(s).isNotNull();
            assertThat(t).isNotNull();
            // breadth-first layers: a transition leads at most one layer further
            assertThat(t[0]).isLessThanOrEqualTo(s[0] + 220);
          }
        });
  }
}

package org.crmkit.examples.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.Transition;

/**
 * The charts that crmkit studio draws, for a self-contained HTML document such as the demo report:
 * the script bundle to inline (Apache ECharts and crmkit's chart functions), the JSON to inline
 * beside it, and a lifecycle machine as a laid-out graph. Stateless and thread-safe.
 *
 * <pre>{@code
 * String head = "<script>" + ReportCharts.scripts() + "</script>";
 * String data = ReportCharts.json(ReportCharts.machineGraph(machine));   // for CrmCharts.machine
 * }</pre>
 */
public final class ReportCharts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LAYER_GAP = 220;
  private static final int ROW_GAP = 90;

  private ReportCharts() {}

  /**
   * The scripts to inline in a {@code <script>} element: Apache ECharts (minified, from its
   * webjar) followed by {@code CrmCharts}, the chart functions the studio pages use (bar, heat
   * map, line, Pareto, machine graph, tree), which render every category label, tooltips and
   * numbers with thousands separators.
   *
   * @throws IllegalStateException if the ECharts webjar is missing from the class path
   */
  public static String scripts() {
    return scriptSafe(Assets.echarts()) + "\n" + scriptSafe(Assets.web("charts.js"));
  }

  /**
   * A value as JSON that can be placed inside an HTML {@code <script>} element ({@code </} is
   * escaped).
   *
   * @throws IllegalArgumentException if the value cannot be written as JSON
   */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON", e);
    }
  }

  /**
   * A lifecycle machine as a graph for {@code CrmCharts.machine}: states as nodes laid out in
   * layers by their distance from the initial state, in declaration order within a layer
   * (unreachable states in a last layer),
   * transitions as labelled edges (an internal transition is a loop). Keys: {@code name}, {@code
   * initial}, {@code start} (the state a new subject is in: the initial state, or the state a
   * composite initial state enters), {@code nodes} (name, x, y, final, initial, parent, onEntry, onExit, attributes) and
   * {@code edges} (index, source, target, event, guards, effects, priority, internal, timer).
   * O(states + transitions).
   */
  public static Map<String, Object> machineGraph(Machine machine) {
    Map<String, Integer> layer = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    layer.put(machine.initialState(), 0);
    queue.add(machine.initialState());
    while (!queue.isEmpty()) {
      String s = queue.poll();
      for (Transition t : machine.transitions()) {
        if (t.source().equals(s) && !layer.containsKey(t.target())) {
          layer.put(t.target(), layer.get(s) + 1);
          queue.add(t.target());
        }
      }
      // a composite state's transitions apply to its children; its children follow it
      for (State st : machine.states()) {
        if (st.parent().map(s::equals).orElse(false) && !layer.containsKey(st.name())) {
          layer.put(st.name(), layer.get(s) + 1);
          queue.add(st.name());
        }
      }
    }
    int last = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    List<List<String>> layers = new ArrayList<>();
    for (int l = 0; l <= last; l++) {
      layers.add(new ArrayList<>());
    }
    for (State st : machine.states()) {
      layers.get(layer.getOrDefault(st.name(), last)).add(st.name());
    }
    Map<String, double[]> position = new LinkedHashMap<>();
    for (int l = 0; l < layers.size(); l++) {
      List<String> names = layers.get(l);
      for (int row = 0; row < names.size(); row++) {
        position.put(names.get(row), new double[] {l * LAYER_GAP, (row - (names.size() - 1) / 2.0) * ROW_GAP});
      }
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (State st : machine.states()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("name", st.name());
      n.put("x", position.get(st.name())[0]);
      n.put("y", position.get(st.name())[1]);
      n.put("initial", st.name().equals(machine.initialState()));
      n.put("final", st.isFinal());
      n.put("parent", st.parent().orElse(null));
      n.put("composite", machine.states().stream()
          .anyMatch(c -> c.parent().map(st.name()::equals).orElse(false)));
      n.put("onEntry", st.onEntry());
      n.put("onExit", st.onExit());
      n.put("attributes", st.attributes());
      nodes.add(n);
    }
    List<Map<String, Object>> edges = new ArrayList<>();
    int i = 0;
    for (Transition t : machine.transitions()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", i++);
      e.put("source", t.source());
      e.put("target", t.target());
      e.put("event", t.event());
      e.put("guards", t.guards());
      e.put("effects", t.effects());
      e.put("priority", t.priority());
      e.put("internal", t.internal());
      e.put("timer", t.timer().map(x -> "after " + x.after() + " since " + x.clock()).orElse(null));
      edges.add(e);
    }
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("name", machine.name());
    g.put("initial", machine.initialState());
    g.put("start", machine.start("subject").state());
    g.put("nodes", nodes);
    g.put("edges", edges);
    g.put("events", machine.events());
    return g;
  }

  /** Script text that cannot end its {@code <script>} element early. */
  private static String scriptSafe(String script) {
    return script.replaceAll("(?i)</script", "<\\\\/script");
  }
}

package org.crmkit.core.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Renders a {@link Machine} as Mermaid {@code stateDiagram-v2} or Graphviz DOT. */
final class Diagrams {
  private Diagrams() {}

  static String mermaid(Machine m) {
    String[] ids = mermaidIds(m);
    StringBuilder out = new StringBuilder("stateDiagram-v2\n");
    int n = m.stateNames.length;
    writeMermaidChildren(m, ids, -1, 1, out);
    out.append("    [*] --> ").append(ids[m.stateIndex.get(m.initial)]).append('\n');
    for (Transition t : m.transitions) {
      out.append("    ").append(ids[m.stateIndex.get(t.source())]).append(" --> ")
          .append(ids[m.stateIndex.get(t.target())]).append(" : ")
          .append(mermaidText(label(t).replace(";", ","))).append('\n');
    }
    for (int i = 0; i < n; i++) {
      if (m.isFinal[i]) {
        out.append("    ").append(ids[i]).append(" --> [*]\n");
      }
    }
    return out.toString();
  }

  private static void writeMermaidChildren(
      Machine m, String[] ids, int parent, int depth, StringBuilder out) {
    String indent = "    ".repeat(depth);
    for (int i = 0; i < m.stateNames.length; i++) {
      if (m.parent[i] != parent) {
        continue;
      }
      if (!ids[i].equals(m.stateNames[i])) {
        out.append(indent).append("state \"").append(mermaidText(m.stateNames[i]))
            .append("\" as ").append(ids[i]).append('\n');
      } else if (m.leaf[i]) {
        out.append(indent).append(ids[i]).append('\n');
      }
      if (!m.leaf[i]) {
        out.append(indent).append("state ").append(ids[i]).append(" {\n");
        writeMermaidChildren(m, ids, i, depth + 1, out);
        out.append(indent).append("}\n");
      }
    }
  }

  private static String[] mermaidIds(Machine m) {
    int n = m.stateNames.length;
    String[] ids = new String[n];
    Set<String> used = new HashSet<>();
    for (int i = 0; i < n; i++) {
      String base = m.stateNames[i].replaceAll("[^A-Za-z0-9_]", "_");
      if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
        base = "s_" + base;
      }
      String id = base;
      for (int k = 2; !used.add(id); k++) {
        id = base + "_" + k;
      }
      ids[i] = id;
    }
    return ids;
  }

  static String label(Transition t) {
    StringBuilder l = new StringBuilder(t.event());
    t.timer().ifPresent(
        timer -> l.append(" after ").append(Durations.format(timer.after())).append(" since ")
            .append(timer.clock()));
    if (!t.guards().isEmpty()) {
      l.append(" [").append(String.join(", ", t.guards())).append(']');
    }
    if (!t.effects().isEmpty()) {
      l.append(" / ").append(String.join(", ", t.effects()));
    }
    if (t.internal()) {
      l.append(" (internal)");
    }
    if (t.priority() != 0) {
      l.append(" (priority ").append(t.priority()).append(')');
    }
    return l.toString();
  }

  static String dot(Machine m) {
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(quote(m.name)).append(" {\n");
    out.append("  rankdir=LR;\n  compound=true;\n");
    out.append("  node [shape=box, style=rounded];\n");
    out.append("  \"__initial\" [shape=point, label=\"\"];\n");
    writeDotChildren(m, -1, 1, out);
    out.append("  \"__initial\" -> ").append(quote(leafOf(m, m.initial))).append(";\n");
    for (Transition t : m.transitions) {
      int s = m.stateIndex.get(t.source());
      int d = m.stateIndex.get(t.target());
      List<String> attrs = new ArrayList<>();
      attrs.add("label=" + quote(label(t)));
      if (!m.leaf[s]) {
        attrs.add("ltail=" + quote("cluster_" + t.source()));
      }
      if (!m.leaf[d] && !t.internal()) {
        attrs.add("lhead=" + quote("cluster_" + t.target()));
      }
      if (t.internal()) {
        attrs.add("style=dashed");
      }
      out.append("  ").append(quote(m.stateNames[m.initialLeaf[s]])).append(" -> ")
          .append(quote(m.stateNames[m.initialLeaf[d]])).append(" [")
          .append(String.join(", ", attrs)).append("];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static String leafOf(Machine m, String state) {
    return m.stateNames[m.initialLeaf[m.stateIndex.get(state)]];
  }

  private static void writeDotChildren(Machine m, int parent, int depth, StringBuilder out) {
    String indent = "  ".repeat(depth);
    for (int i = 0; i < m.stateNames.length; i++) {
      if (m.parent[i] != parent) {
        continue;
      }
      if (m.leaf[i]) {
        out.append(indent).append(quote(m.stateNames[i]));
        if (m.isFinal[i]) {
          out.append(" [peripheries=2]");
        }
        out.append(";\n");
      } else {
        out.append(indent).append("subgraph ").append(quote("cluster_" + m.stateNames[i]))
            .append(" {\n");
        out.append(indent).append("  label=").append(quote(m.stateNames[i])).append(";\n");
        writeDotChildren(m, i, depth + 1, out);
        out.append(indent).append("}\n");
      }
    }
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r\n", "\\n")
        .replace("\n", "\\n").replace("\r", "\\n") + "\"";
  }

  /**
   * Text inside a Mermaid state description or transition label: {@code #}, quotes, line breaks
   * and other control characters become Mermaid entity codes ({@code #35;}, {@code #quot;},
   * {@code #10;}), so that a name can never end the label or start a new diagram line.
   */
  static String mermaidText(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#') {
        out.append("#35;");
      } else if (c == '"') {
        out.append("#quot;");
      } else if (c < 0x20 || c == 0x7F) {
        out.append('#').append((int) c).append(';');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}

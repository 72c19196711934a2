package org.crmkit.core.hierarchy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.crmkit.core.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Validates declared (node, parent, level) rows and compiles them into preorder arrays. Iterative
 * throughout: no recursion, so a chain of any depth compiles. O(n) time and memory.
 */
final class HierarchyCompiler {
  /** At most this many depth violations are listed one by one; the rest are counted. */
  private static final int MAX_DEPTH_PROBLEMS = 20;

  private HierarchyCompiler() {}

  private record Found(int declaration, Problem problem) {}

  static <K> Hierarchy<K> compile(
      Object[] nodes, Object[] parents, String @Nullable [] levels, @Nullable LevelSchema schema,
      int maxDepth) {
    int n = nodes.length;
    List<Found> problems = new ArrayList<>();
    KeyIndex index = KeyIndex.over(nodes);
    boolean[] excluded = new boolean[n];
    for (int i = 0; i < n; i++) {
      int first = index.putIfAbsent(i);
      if (first >= 0) {
        excluded[i] = true;
        problems.add(new Found(i, Problem.of(path(i),
            "duplicate id '%s'; it was first declared at %s", nodes[i], path(first))));
      }
    }
    int[] parentDecl = new int[n];
    for (int i = 0; i < n; i++) {
      Object p = parents[i];
      if (p == null) {
        parentDecl[i] = -1;
        continue;
      }
      int at = index.indexOf(p);
      parentDecl[i] = at;
      if (at < 0 && !excluded[i]) {
        excluded[i] = true;
        problems.add(new Found(i, Problem.of(path(i),
            "unknown parent '%s' of node '%s': no node has that id", p, nodes[i])));
      }
    }

    // children in CSR form, declaration order preserved
    int[] childStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      if (!excluded[i] && parentDecl[i] >= 0) {
        childStart[parentDecl[i] + 1]++;
      }
    }
    for (int i = 0; i < n; i++) {
      childStart[i + 1] += childStart[i];
    }
    int[] fill = childStart.clone();
    int[] childList = new int[childStart[n]];
    for (int i = 0; i < n; i++) {
      if (!excluded[i] && parentDecl[i] >= 0) {
        childList[fill[parentDecl[i]]++] = i;
      }
    }

    // iterative preorder DFS from the roots
    int[] pre = new int[n];
    java.util.Arrays.fill(pre, -1);
    int[] order = new int[n];
    int[] depthDecl = new int[n];
    int[] stack = new int[Math.max(1, n)];
    int visited = 0;
    for (int r = 0; r < n; r++) {
      if (excluded[r] || parentDecl[r] >= 0) {
        continue;
      }
      int sp = 0;
      stack[sp++] = r;
      depthDecl[r] = 0;
      while (sp > 0) {
        int v = stack[--sp];
        pre[v] = visited;
        order[visited++] = v;
        for (int c = childStart[v + 1] - 1; c >= childStart[v]; c--) {
          int child = childList[c];
          depthDecl[child] = depthDecl[v] + 1;
          stack[sp++] = child;
        }
      }
    }

    findCycles(nodes, parentDecl, excluded, pre, problems);
    checkDepth(nodes, depthDecl, pre, maxDepth, problems);
    if (schema != null && levels != null) {
      checkLevels(nodes, levels, parentDecl, excluded, schema, problems);
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(Found::declaration));
      Hierarchy.throwIfAny(problems.stream().map(Found::problem).collect(Collectors.toList()));
    }

    Object[] keys = new Object[n];
    int[] parent = new int[n];
    int[] depth = new int[n];
    int[] size = new int[n];
    String[] lv = levels == null ? null : new String[n];
    for (int pos = 0; pos < n; pos++) {
      int d = order[pos];
      keys[pos] = nodes[d];
      parent[pos] = parentDecl[d] < 0 ? -1 : pre[parentDecl[d]];
      depth[pos] = depthDecl[d];
      size[pos] = 1;
      if (lv != null && levels != null) {
        lv[pos] = levels[d];
      }
    }
    for (int pos = n - 1; pos > 0; pos--) {
      if (parent[pos] >= 0) {
        size[parent[pos]] += size[pos];
      }
    }
    return Hierarchy.compiled(
        keys, parent, size, depth, lv, index.remap(pre, keys), schema, maxDepth);
  }

  static String path(int declaration) {
    return "nodes[" + declaration + "]";
  }

  /** Reports each cycle once, naming its nodes in parent order. */
  private static void findCycles(
      Object[] nodes, int[] parentDecl, boolean[] excluded, int[] pre, List<Found> problems) {
    int n = nodes.length;
    // 0 = not yet walked, 1 = on the current walk, 2 = finished
    byte[] state = new byte[n];
    List<Integer> walk = new ArrayList<>();
    for (int start = 0; start < n; start++) {
      if (excluded[start] || pre[start] >= 0 || state[start] != 0) {
        continue;
      }
      walk.clear();
      int v = start;
      while (v >= 0 && !excluded[v] && pre[v] < 0 && state[v] == 0) {
        state[v] = 1;
        walk.add(v);
        v = parentDecl[v];
      }
      if (v >= 0 && state[v] == 1) {
        int from = walk.indexOf(v);
        List<Integer> cycle = walk.subList(from, walk.size());
        int first = cycle.stream().min(Integer::compare).orElseThrow();
        // the cycle as child → parent → … → child, starting from its first-declared node
        int rotate = cycle.indexOf(first);
        StringBuilder text = new StringBuilder();
        // a cycle of more than 50 nodes shows its first and last five: the message stays short
        // (its length is in the message) however many nodes the cycle has
        int shown = 5;
        boolean longCycle = cycle.size() > 50;
        for (int k = 0; k <= cycle.size(); k++) {
          if (longCycle && k >= shown && k < cycle.size() - shown) {
            if (k == shown) {
              text.append(" → … (").append(cycle.size() - 2 * shown).append(" more nodes) …");
            }
            continue;
          }
          int node = cycle.get((rotate + k) % cycle.size());
          if (k > 0) {
            text.append(" → ");
          }
          text.append('\'').append(nodes[node]).append('\'');
          if (k < cycle.size()) {
            text.append(" (").append(path(node)).append(')');
          }
        }
        problems.add(new Found(first, Problem.of(path(first),
            "cycle of %d node%s, each the parent of the one before: %s",
            cycle.size(), cycle.size() == 1 ? "" : "s", text)));
      }
      for (int w : walk) {
        state[w] = 2;
      }
    }
  }

  private static void checkDepth(
      Object[] nodes, int[] depthDecl, int[] pre, int maxDepth, List<Found> problems) {
    if (maxDepth == Hierarchy.DEFAULT_MAX_DEPTH) {
      return;
    }
    int over = 0;
    for (int i = 0; i < nodes.length; i++) {
      if (pre[i] >= 0 && depthDecl[i] == maxDepth + 1) {
        if (over++ < MAX_DEPTH_PROBLEMS) {
          problems.add(new Found(i, Problem.of(path(i),
              "node '%s' is at depth %d, over the maximum depth %d (it and its subtree)",
              nodes[i], depthDecl[i], maxDepth)));
        }
      }
    }
    if (over > MAX_DEPTH_PROBLEMS) {
      problems.add(new Found(Integer.MAX_VALUE, Problem.of("nodes",
          "%d more subtrees start below the maximum depth %d", over - MAX_DEPTH_PROBLEMS,
          maxDepth)));
    }
  }

  private static void checkLevels(
      Object[] nodes, String[] levels, int[] parentDecl, boolean[] excluded, LevelSchema schema,
      List<Found> problems) {
    for (int i = 0; i < nodes.length; i++) {
      if (excluded[i]) {
        continue;
      }
      String level = levels[i];
      if (level == null) {
        problems.add(new Found(i, Problem.of(path(i),
            "node '%s' has no level; the schema requires one of %s", nodes[i], schema.levels())));
        continue;
      }
      if (!schema.levels().contains(level)) {
        problems.add(new Found(i, Problem.of(path(i),
            "node '%s' has unknown level '%s'; known: %s", nodes[i], level, schema.levels())));
        continue;
      }
      int p = parentDecl[i];
      if (p < 0) {
        if (!schema.allowsRoot(level)) {
          problems.add(new Found(i, Problem.of(path(i),
              "node '%s' is a root, but level '%s' needs a parent of level %s",
              nodes[i], level, schema.allowedParents(level))));
        }
        continue;
      }
      String parentLevel = levels[p];
      if (parentLevel != null && schema.levels().contains(parentLevel)
          && !schema.allowsParent(level, parentLevel)) {
        problems.add(new Found(i, Problem.of(path(i),
            "node '%s' (%s) cannot sit under '%s' (%s): a %s's parent must be of level %s",
            nodes[i], level, nodes[p], parentLevel, level,
            schema.allowedParents(level).isEmpty() ? "none (a root level)"
                : schema.allowedParents(level))));
      }
    }
  }
}

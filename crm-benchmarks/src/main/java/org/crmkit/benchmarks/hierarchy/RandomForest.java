package org.crmkit.benchmarks.hierarchy;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.hierarchy.Hierarchy;

/**
 * The forest every hierarchy benchmark uses: nodes are the boxed integers {@code 0..n-1}; node
 * {@code i}'s parent is uniform in {@code [0, i)}, except that about one node in 1,000 is a root
 * (a random recursive forest: about n/1000 trees, average depth about ln(n/1000) + 1, typical
 * height 20-30). Rows are declared in a random order, so children often precede their parents.
 * Seeded: the same n gives the same forest.
 *
 * <p>The key objects lie in memory in key order, the order they are allocated in: the
 * constructor ends with a full collection ({@link System#gc()}), which compacts without
 * reordering and moves them out of the young generation, before any young collection can copy
 * them. Without it, the young collections during a benchmark's setup copy the keys in the order
 * of whichever array referencing them they scan first (the Guava post-order, crmkit's preorder,
 * the shuffled declaration order), which varied between forks and made one variant's iteration
 * order the memory order, so that its key reads were sequential while the others' were random.
 * {@code -Dcrmkit.bench.settleKeys=false} leaves that to chance, to see the effect.
 */
final class RandomForest {
  final int n;
  /** Declaration order: node[k] has parent parent[k] ({@code null} for a root). */
  final Integer[] node;
  final Integer[] parent;
  /** The value of node {@code i} for roll-ups. */
  final double[] value;
  final List<Integer> roots = new ArrayList<>();

  RandomForest(int n, long seed) {
    this.n = n;
    Random random = new Random(seed);
    Integer[] keys = new Integer[n];
    for (int i = 0; i < n; i++) {
      keys[i] = i; // one Integer instance per node, shared by every structure
    }
    int[] parentOf = new int[n];
    for (int i = 0; i < n; i++) {
      parentOf[i] = i == 0 || random.nextInt(1000) == 0 ? -1 : random.nextInt(i);
      if (parentOf[i] < 0) {
        roots.add(keys[i]);
      }
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    node = new Integer[n];
    parent = new Integer[n];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      node[k] = keys[i];
      parent[k] = parentOf[i] < 0 ? null : keys[parentOf[i]];
    }
    value = new double[n];
    for (int i = 0; i < n; i++) {
      value[i] = random.nextInt(10_000) / 100.0;
    }
    if (!"false".equals(System.getProperty("crmkit.bench.settleKeys"))) {
      System.gc();
    }
  }

  Hierarchy<Integer> crmkit() {
    Hierarchy.Builder<Integer> b = Hierarchy.builder();
    for (int k = 0; k < n; k++) {
      b.node(node[k], parent[k], null);
    }
    return b.build();
  }

  /** The same forest as a Guava graph with edges parent → child. */
  ImmutableGraph<Integer> guava() {
    ImmutableGraph.Builder<Integer> b =
        GraphBuilder.directed().expectedNodeCount(n).<Integer>immutable();
    for (int k = 0; k < n; k++) {
      b.addNode(node[k]);
      if (parent[k] != null) {
        b.putEdge(parent[k], node[k]);
      }
    }
    return b.build();
  }

  /** The naive form: a map from each node to its parent ({@code null} for a root). */
  Map<Integer, Integer> naive() {
    Map<Integer, Integer> parents = new HashMap<>(n * 2);
    for (int k = 0; k < n; k++) {
      parents.put(node[k], parent[k]);
    }
    return parents;
  }

  /**
   * Query pairs for ancestry: half are (a true ancestor, node), half (random node, random node);
   * returned as two parallel arrays of the shared key instances.
   */
  Integer[][] ancestryQueries(int count, long seed) {
    Random random = new Random(seed);
    Map<Integer, Integer> parents = naive();
    Integer[] a = new Integer[count];
    Integer[] b = new Integer[count];
    Integer[] keys = new Integer[n];
    for (int k = 0; k < n; k++) {
      keys[node[k]] = node[k];
    }
    for (int q = 0; q < count; q++) {
      Integer x = keys[random.nextInt(n)];
      b[q] = x;
      if (q % 2 == 0) {
        List<Integer> up = new ArrayList<>();
        for (Integer p = parents.get(x); p != null; p = parents.get(p)) {
          up.add(p);
        }
        a[q] = up.isEmpty() ? keys[random.nextInt(n)] : up.get(random.nextInt(up.size()));
      } else {
        a[q] = keys[random.nextInt(n)];
      }
    }
    return new Integer[][] {a, b};
  }
}

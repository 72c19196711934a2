package org.crmkit.benchmarks.hierarchy;

import com.google.common.graph.ImmutableGraph;
import java.util.Map;
import org.crmkit.core.hierarchy.Hierarchy;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the retained size per node of the 1,000,000-node random forest in crmkit's {@link
 * Hierarchy}, Guava's {@link ImmutableGraph} and a naive {@code HashMap} of parents, measured
 * with JOL's {@link GraphLayout}. The key objects themselves (one {@code Integer} per node, shared
 * by all three) are subtracted: what is counted is every array, table, entry and wrapper the
 * structure holds, i.e. its cost on top of the keys the application already has. Target: crmkit
 * under 100 bytes per node.
 *
 * <p>Run: {@code java -cp crm-benchmarks/target/benchmarks.jar
 * org.crmkit.benchmarks.hierarchy.HierarchyFootprint [nodes]}
 */
public final class HierarchyFootprint {
  private HierarchyFootprint() {}

  /** Prints the three footprints; the optional argument is the node count. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    RandomForest forest = new RandomForest(n, 42);
    GraphLayout keys = GraphLayout.parseInstance((Object[]) forest.node);
    long keyBytes = keys.totalSize();
    Hierarchy<Integer> h = forest.crmkit();
    ImmutableGraph<Integer> g = forest.guava();
    Map<Integer, Integer> naive = forest.naive();
    System.out.printf("nodes: %,d; key objects (excluded below): %,d bytes%n", n, keyBytes);
    report("crmkit Hierarchy", GraphLayout.parseInstance(h).subtract(keys).totalSize(), n);
    report("Guava ImmutableGraph", GraphLayout.parseInstance(g).subtract(keys).totalSize(), n);
    report("naive HashMap parents", GraphLayout.parseInstance(naive).subtract(keys).totalSize(), n);
  }

  private static void report(String what, long bytes, int n) {
    System.out.printf("%-24s %,14d bytes  %7.1f bytes/node%n", what, bytes, (double) bytes / n);
  }
}

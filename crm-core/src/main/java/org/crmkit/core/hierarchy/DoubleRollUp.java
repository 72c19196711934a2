package org.crmkit.core.hierarchy;

/**
 * The result of a numeric roll-up: for every node, its value combined with all its descendants'.
 * Immutable and thread-safe; {@link #get} is O(1).
 *
 * @param <K> the node type
 */
public final class DoubleRollUp<K> {
  private final Hierarchy<K> hierarchy;
  private final double[] values;

  DoubleRollUp(Hierarchy<K> hierarchy, double[] values) {
    this.hierarchy = hierarchy;
    this.values = values;
  }

  /**
   * The rolled-up value of {@code node}'s subtree.
   *
   * @throws org.crmkit.core.CrmException if {@code node} is not in the hierarchy
   */
  public double get(K node) {
    return values[hierarchy.require(node)];
  }

  /**
   * The rolled-up value of the node at a preorder position (see {@link Hierarchy#indexOf}).
   *
   * @throws org.crmkit.core.CrmException if {@code position} is not in {@code [0, size())}
   */
  public double getAt(int position) {
    hierarchy.checkPosition(position);
    return values[position];
  }

  /** The hierarchy this roll-up was computed over. */
  public Hierarchy<K> hierarchy() {
    return hierarchy;
  }
}

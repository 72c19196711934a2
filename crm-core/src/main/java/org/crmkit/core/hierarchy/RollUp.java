package org.crmkit.core.hierarchy;

/**
 * The result of a roll-up of arbitrary values: for every node, its value combined with all its
 * descendants'. Immutable if the values are; {@link #get} is O(1).
 *
 * @param <K> the node type
 * @param <V> the value type
 */
public final class RollUp<K, V> {
  private final Hierarchy<K> hierarchy;
  private final Object[] values;

  RollUp(Hierarchy<K> hierarchy, Object[] values) {
    this.hierarchy = hierarchy;
    this.values = values;
  }

  /**
   * The rolled-up value of {@code node}'s subtree.
   *
   * @throws org.crmkit.core.CrmException if {@code node} is not in the hierarchy
   */
  @SuppressWarnings("unchecked")
  public V get(K node) {
    return (V) values[hierarchy.require(node)];
  }

  /** The hierarchy this roll-up was computed over. */
  public Hierarchy<K> hierarchy() {
    return hierarchy;
  }
}

package org.crmkit.core.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An immutable forest of nodes of type {@code K}: account groups, territories, product lines,
 * organisation units, role chains. Built once with {@link #builder()}, validated as a whole, and
 * compiled into preorder arrays.
 *
 * <p>Instances are immutable and thread-safe. Lookups by key are O(1) (hash index); {@link
 * #isAncestorOf} is O(1) (preorder interval labelling); {@link #ancestors} and {@link
 * #lowestCommonAncestor} are O(depth); roll-ups over every subtree take one O(n) pass. No operation
 * recurses, so chains of any depth are safe. Keys must have consistent {@code equals}/{@code
 * hashCode} and must not change.
 *
 * <p><b>Preorder positions.</b> Every node has a position {@link #indexOf(Object)} in depth-first
 * preorder (roots and children in declaration order). The subtree of the node at position {@code
 * i} occupies exactly the positions {@code [i, i + subtreeSize)}: engines that compile their own
 * indexes may rely on this contract.
 *
 * <pre>{@code
 * Hierarchy<String> world = Hierarchy.<String>builder()
 *     .root("GLOBAL").child("GLOBAL", "EMEA").child("EMEA", "GERMANY").child("GERMANY", "BERLIN")
 *     .build();
 * world.isAncestorOf("EMEA", "BERLIN");   // true
 * world.ancestors("BERLIN");              // [GERMANY, EMEA, GLOBAL]
 * }</pre>
 *
 * @param <K> the node type (a typed id such as {@code TerritoryId})
 */
public final class Hierarchy<K> {

  /** The default maximum depth accepted by {@link Builder#build()}; see {@link Builder#maxDepth}. */
  public static final int DEFAULT_MAX_DEPTH = Integer.MAX_VALUE;

  private final Object[] keys; // preorder
  private final int[] parent; // preorder position of the parent, -1 for roots
  private final int[] size; // subtree size including the node
  private final int[] depth;
  private final String @Nullable [] levels; // null when no node has a level
  private final KeyIndex index;
  private final int rootCount;
  private final @Nullable LevelSchema schema;
  private final int maxDepth;

  private Hierarchy(
      Object[] keys, int[] parent, int[] size, int[] depth, String @Nullable [] levels,
      KeyIndex index, @Nullable LevelSchema schema, int maxDepth) {
    this.keys = keys;
    this.parent = parent;
    this.size = size;
    this.depth = depth;
    this.levels = levels;
    this.index = index;
    this.schema = schema;
    this.maxDepth = maxDepth;
    int roots = 0;
    for (int p : parent) {
      if (p < 0) {
        roots++;
      }
    }
    this.rootCount = roots;
  }

  /** A new builder for a hierarchy of {@code K}. */
  public static <K> Builder<K> builder() {
    return new Builder<>();
  }

  /** The number of nodes. */
  public int size() {
    return keys.length;
  }

  /** Whether {@code node} is in this hierarchy. */
  public boolean contains(K node) {
    return index.indexOf(node) >= 0;
  }

  /**
   * The preorder position of {@code node}, or -1 if absent. See the class documentation for the
   * subtree-interval contract.
   */
  public int indexOf(K node) {
    return index.indexOf(node);
  }

  /**
   * The node at a preorder position.
   *
   * @throws CrmException if {@code position} is not in {@code [0, size())}
   */
  @SuppressWarnings("unchecked")
  public K nodeAt(int position) {
    checkPosition(position);
    return (K) keys[position];
  }

  /**
   * The preorder position of the parent of the node at {@code position}, or -1 for a root.
   *
   * @throws CrmException if {@code position} is not in {@code [0, size())}
   */
  public int parentIndex(int position) {
    checkPosition(position);
    return parent[position];
  }

  /** All nodes in preorder; unmodifiable view, O(1). */
  @SuppressWarnings("unchecked")
  public List<K> nodes() {
    return (List<K>) Collections.unmodifiableList(Arrays.asList(keys));
  }

  /** The roots in declaration order; unmodifiable. O(roots). */
  public List<K> roots() {
    List<K> roots = new ArrayList<>(rootCount);
    for (int i = 0; i < keys.length; i += size[i]) {
      roots.add(at(i));
    }
    return Collections.unmodifiableList(roots);
  }

  /**
   * The parent of {@code node}; empty for a root.
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public Optional<K> parent(K node) {
    int p = parent[require(node)];
    return p < 0 ? Optional.empty() : Optional.of(at(p));
  }

  /**
   * The children of {@code node} in declaration order; unmodifiable. O(children).
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public List<K> children(K node) {
    int i = require(node);
    List<K> children = new ArrayList<>();
    for (int c = i + 1, end = i + size[i]; c < end; c += size[c]) {
      children.add(at(c));
    }
    return Collections.unmodifiableList(children);
  }

  /**
   * The path from {@code node}'s parent up to its root, nearest first; empty for a root;
   * unmodifiable. O(depth).
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public List<K> ancestors(K node) {
    int i = require(node);
    List<K> path = new ArrayList<>(depth[i]);
    for (int p = parent[i]; p >= 0; p = parent[p]) {
      path.add(at(p));
    }
    return Collections.unmodifiableList(path);
  }

  /**
   * All nodes below {@code node} (not the node itself) in preorder; unmodifiable view, O(1).
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public List<K> descendants(K node) {
    int i = require(node);
    return nodes().subList(i + 1, i + size[i]);
  }

  /**
   * The depth of {@code node}: 0 for a root, 1 for its children, and so on.
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public int depth(K node) {
    return depth[require(node)];
  }

  /** The greatest depth of any node; -1 for an empty hierarchy. O(n). */
  public int height() {
    int h = -1;
    for (int d : depth) {
      h = Math.max(h, d);
    }
    return h;
  }

  /**
   * The number of nodes in the subtree of {@code node}, the node itself included.
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public int subtreeSize(K node) {
    return size[require(node)];
  }

  /**
   * Whether {@code ancestor} is a proper ancestor of {@code node} (a node is not its own
   * ancestor). O(1): two hash lookups and an interval test.
   *
   * @throws CrmException if either node is not in this hierarchy
   */
  public boolean isAncestorOf(K ancestor, K node) {
    int a = require(ancestor);
    int n = require(node);
    return a < n && n < a + size[a];
  }

  /**
   * Whether {@code node} is {@code subtreeRoot} or one of its descendants ("the unit and
   * everything below it"). O(1).
   *
   * @throws CrmException if either node is not in this hierarchy
   */
  public boolean isInSubtree(K subtreeRoot, K node) {
    int a = require(subtreeRoot);
    int n = require(node);
    return a <= n && n < a + size[a];
  }

  /**
   * The lowest common ancestor of two nodes (a node counts as its own ancestor here, so the LCA
   * of a node and its descendant is the node); empty if they are in different trees. O(depth).
   *
   * @throws CrmException if either node is not in this hierarchy
   */
  public Optional<K> lowestCommonAncestor(K first, K second) {
    int a = require(first);
    int b = require(second);
    while (depth[a] > depth[b]) {
      a = parent[a];
    }
    while (depth[b] > depth[a]) {
      b = parent[b];
    }
    while (a != b) {
      a = parent[a];
      b = parent[b];
      if (a < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(at(a));
  }

  /** The nodes without children, in preorder; unmodifiable. O(n). */
  public List<K> leaves() {
    List<K> leaves = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      if (size[i] == 1) {
        leaves.add(at(i));
      }
    }
    return Collections.unmodifiableList(leaves);
  }

  /**
   * The level of {@code node}, if it was given one.
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public Optional<String> level(K node) {
    int i = require(node);
    return levels == null ? Optional.empty() : Optional.ofNullable(levels[i]);
  }

  /**
   * Aggregates a value over every subtree in one O(n) pass: the result for a node is {@code
   * value(node) ⊕ value(d1) ⊕ value(d2) ⊕ …} over its subtree in preorder. The combiner must be
   * associative; it need not be commutative. {@code value} is called once per node.
   *
   * <pre>{@code
   * DoubleRollUp<CustomerId> groupRevenue = accounts.rollUp(revenue::get, Double::sum);
   * groupRevenue.get(parentCompany);
   * }</pre>
   */
  public DoubleRollUp<K> rollUp(ToDoubleFunction<? super K> value, DoubleBinaryOperator combiner) {
    Checks.present("value", value);
    Checks.present("combiner", combiner);
    int n = keys.length;
    double[] acc = new double[n];
    for (int i = 0; i < n; i++) {
      acc[i] = value.applyAsDouble(at(i));
    }
    for (int i = n - 1; i >= 0; i--) {
      int end = i + size[i];
      if (end - i > 1) {
        double a = acc[i];
        for (int c = i + 1; c < end; c += size[c]) {
          a = combiner.applyAsDouble(a, acc[c]);
        }
        acc[i] = a;
      }
    }
    return new DoubleRollUp<>(this, acc);
  }

  /**
   * The sum of {@code value} over every subtree, in one O(n) backward pass over the preorder
   * arrays: at each node, from the last in preorder to the first, its value is added to the total
   * its descendants have already added into its slot, and the node's total is added into its
   * parent's slot (a child always follows its parent in preorder). So every node is visited once,
   * with no per-node object but the key handed to {@code value}, and nothing boxed. {@code value}
   * is called once per node, in reverse preorder. The additions run children-first in reverse
   * preorder, so where the sums are not exact in binary floating point the last bit may differ
   * from a left-to-right sum; {@link #rollUp(ToDoubleFunction, DoubleBinaryOperator)} with {@code
   * Double::sum} keeps the preorder order. A subtree of only {@code -0.0} sums to {@code -0.0}.
   *
   * <pre>{@code
   * DoubleRollUp<CustomerId> groupRevenue = accounts.sum(revenue::get);
   * }</pre>
   *
   * @throws CrmException if {@code value} is null
   */
  public DoubleRollUp<K> sum(ToDoubleFunction<? super K> value) {
    Checks.present("value", value);
    Object[] k = keys;
    int[] up = parent;
    double[] acc = new double[k.length];
    for (int i = acc.length - 1; i >= 0; i--) {
      @SuppressWarnings("unchecked")
      K key = (K) k[i];
      double v = value.applyAsDouble(key);
      double total = v + acc[i];
      if (Double.doubleToRawLongBits(v) == NEGATIVE_ZERO) {
        total = negativeZeroAware(acc, i, total);
      }
      acc[i] = total;
      int p = up[i];
      if (p >= 0) {
        acc[p] += total;
      }
    }
    return new DoubleRollUp<>(this, acc);
  }

  private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

  /**
   * The exact total of a node whose own value is {@code -0.0}. The accumulators start at {@code
   * 0.0} rather than {@code -0.0} (the additive identity), which changes a sum only while every
   * term so far is {@code -0.0}: then the exact sum is {@code -0.0} and the computed one {@code
   * 0.0}. So {@code value + children} is exact unless the value is {@code -0.0} and the children's
   * totals are all {@code -0.0} (or there are none), where the exact total is {@code -0.0}; this
   * checks that case by reading the children's totals, already final. Rare, so the pass needs no
   * initialising sweep.
   */
  private double negativeZeroAware(double[] acc, int i, double total) {
    if (Double.doubleToRawLongBits(total) != 0L) {
      return total;
    }
    int end = i + size[i];
    for (int c = i + 1; c < end; c += size[c]) {
      if (Double.doubleToRawLongBits(acc[c]) != NEGATIVE_ZERO) {
        return total;
      }
    }
    return -0.0;
  }

  /**
   * The sum over every subtree of values given by preorder position: {@code values[i]} is the
   * value of the node at position {@code i} (see {@link #indexOf}). For hosts that keep their
   * figures in a column aligned with the hierarchy: one backward pass over that column and the
   * parent positions, no key is touched, and {@code values} is not modified. Equal, bit for bit,
   * to {@code sum(k -> values[indexOf(k)])}.
   *
   * <pre>{@code
   * double[] revenue = new double[accounts.size()];
   * revenue[accounts.indexOf(acme)] = 120.0;
   * DoubleRollUp<CustomerId> groupRevenue = accounts.sumByPosition(revenue);
   * }</pre>
   *
   * @throws CrmException if {@code values} is null or its length is not {@link #size()}
   */
  public DoubleRollUp<K> sumByPosition(double[] values) {
    Checks.present("values", values);
    if (values.length != keys.length) {
      throw new CrmException("values must have one entry per node (" + keys.length
          + "), but had " + values.length);
    }
    int[] up = parent;
    double[] acc = new double[values.length];
    for (int i = acc.length - 1; i >= 0; i--) {
      double v = values[i];
      double total = v + acc[i];
      if (Double.doubleToRawLongBits(v) == NEGATIVE_ZERO) {
        total = negativeZeroAware(acc, i, total);
      }
      acc[i] = total;
      int p = up[i];
      if (p >= 0) {
        acc[p] += total;
      }
    }
    return new DoubleRollUp<>(this, acc);
  }

  /**
   * The minimum of {@code value} over every subtree ({@link Math#min} semantics: a {@code NaN}
   * anywhere in a subtree gives {@code NaN}, {@code -0.0} is below {@code 0.0}); one O(n)
   * backward pass like {@link #sum}, {@code value} called once per node in reverse preorder.
   *
   * @throws CrmException if {@code value} is null
   */
  public DoubleRollUp<K> min(ToDoubleFunction<? super K> value) {
    Checks.present("value", value);
    Object[] k = keys;
    int[] up = parent;
    double[] acc = new double[k.length];
    Arrays.fill(acc, Double.POSITIVE_INFINITY); // Math.min(+inf, x) == x for every x
    for (int i = acc.length - 1; i >= 0; i--) {
      @SuppressWarnings("unchecked")
      K key = (K) k[i];
      double total = Math.min(value.applyAsDouble(key), acc[i]);
      acc[i] = total;
      int p = up[i];
      if (p >= 0) {
        acc[p] = Math.min(acc[p], total);
      }
    }
    return new DoubleRollUp<>(this, acc);
  }

  /**
   * The maximum of {@code value} over every subtree ({@link Math#max} semantics: a {@code NaN}
   * anywhere in a subtree gives {@code NaN}, {@code 0.0} is above {@code -0.0}); one O(n)
   * backward pass like {@link #sum}, {@code value} called once per node in reverse preorder.
   *
   * @throws CrmException if {@code value} is null
   */
  public DoubleRollUp<K> max(ToDoubleFunction<? super K> value) {
    Checks.present("value", value);
    Object[] k = keys;
    int[] up = parent;
    double[] acc = new double[k.length];
    Arrays.fill(acc, Double.NEGATIVE_INFINITY); // Math.max(-inf, x) == x for every x
    for (int i = acc.length - 1; i >= 0; i--) {
      @SuppressWarnings("unchecked")
      K key = (K) k[i];
      double total = Math.max(value.applyAsDouble(key), acc[i]);
      acc[i] = total;
      int p = up[i];
      if (p >= 0) {
        acc[p] = Math.max(acc[p], total);
      }
    }
    return new DoubleRollUp<>(this, acc);
  }

  /**
   * The number of nodes satisfying {@code predicate} in every subtree (exact below 2^53); one
   * O(n) pass, {@code predicate} called once per node in reverse preorder.
   *
   * @throws CrmException if {@code predicate} is null
   */
  public DoubleRollUp<K> count(Predicate<? super K> predicate) {
    Checks.present("predicate", predicate);
    return sum(k -> predicate.test(k) ? 1.0 : 0.0);
  }

  /**
   * Aggregates an arbitrary value over every subtree in one O(n) pass, in preorder, with an
   * associative (not necessarily commutative) combiner; see {@link #rollUp(ToDoubleFunction,
   * DoubleBinaryOperator)}.
   *
   * @throws CrmException if {@code value} or {@code combiner} returns null
   */
  public <V> RollUp<K, V> rollUpValues(
      Function<? super K, ? extends V> value, BinaryOperator<V> combiner) {
    Checks.present("value", value);
    Checks.present("combiner", combiner);
    int n = keys.length;
    Object[] acc = new Object[n];
    for (int i = 0; i < n; i++) {
      acc[i] = nonNullResult("value", value.apply(at(i)), i);
    }
    for (int i = n - 1; i >= 0; i--) {
      int end = i + size[i];
      if (end - i > 1) {
        @SuppressWarnings("unchecked")
        V a = (V) acc[i];
        for (int c = i + 1; c < end; c += size[c]) {
          @SuppressWarnings("unchecked")
          V child = (V) acc[c];
          a = nonNullResult("combiner", combiner.apply(a, child), i);
        }
        acc[i] = a;
      }
    }
    return new RollUp<>(this, acc);
  }

  private <V> V nonNullResult(String what, @Nullable V v, int position) {
    if (v == null) {
      throw new CrmException(what + " must not return null, but did for node '" + keys[position] + "'");
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private K at(int i) {
    return (K) keys[i];
  }

  int require(Object node) {
    Checks.present("node", node);
    int i = index.indexOf(node);
    if (i < 0) {
      throw new CrmException("unknown node '" + node + "': it is not in this hierarchy");
    }
    return i;
  }

  void checkPosition(int position) {
    if (position < 0 || position >= keys.length) {
      throw new CrmException(
          "position must be in [0, " + keys.length + "), but was " + position);
    }
  }

  int sizeAt(int position) {
    return size[position];
  }

  /** The level schema the hierarchy was checked against, if one was given. */
  public Optional<LevelSchema> levelSchema() {
    return Optional.ofNullable(schema);
  }

  /** The maximum depth the hierarchy was checked against ({@link #DEFAULT_MAX_DEPTH} if none). */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * The number of nodes in the subtree of the node at a preorder position, the node included; the
   * subtree occupies the positions {@code [position, position + subtreeSizeAt(position))}. O(1).
   *
   * @throws CrmException if {@code position} is not in {@code [0, size())}
   */
  public int subtreeSizeAt(int position) {
    checkPosition(position);
    return size[position];
  }

  /**
   * Whether the node at {@code ancestorPosition} is a proper ancestor of the node at {@code
   * nodePosition}: {@link #isAncestorOf} without the two key lookups, for engines that keep
   * preorder positions. O(1), no allocation.
   *
   * @throws CrmException if either position is not in {@code [0, size())}
   */
  public boolean isAncestorAt(int ancestorPosition, int nodePosition) {
    checkPosition(ancestorPosition);
    checkPosition(nodePosition);
    return ancestorPosition < nodePosition
        && nodePosition < ancestorPosition + size[ancestorPosition];
  }

  // ---------------------------------------------------------------- changes: new snapshots

  /**
   * A builder pre-filled with every node of this hierarchy in preorder, with its parent and level,
   * and with this hierarchy's level schema and maximum depth: for a batch of changes in one O(n)
   * rebuild.
   */
  public Builder<K> toBuilder() {
    Builder<K> b = new Builder<>();
    if (schema != null) {
      b.levels(schema);
    }
    b.maxDepth(maxDepth);
    for (int i = 0; i < keys.length; i++) {
      b.add(at(i), parent[i] < 0 ? null : at(parent[i]), levels == null ? null : levels[i]);
    }
    return b;
  }

  /**
   * A new snapshot with {@code node} added as the last root. This hierarchy is unchanged. O(n).
   *
   * @throws CrmException if {@code node} is already in this hierarchy
   * @throws InvalidDefinitionException if the level schema requires a level for {@code node}
   */
  public Hierarchy<K> withRoot(K node) {
    return withNode(node, null, null);
  }

  /**
   * A new snapshot with {@code node} added, with a level, as the last root. O(n).
   *
   * @throws CrmException if {@code node} is already in this hierarchy or {@code level} is blank
   * @throws InvalidDefinitionException if the level schema does not allow {@code level} as a root
   */
  public Hierarchy<K> withRoot(K node, String level) {
    return withNode(node, null, Checks.nonBlank("level", level));
  }

  /**
   * A new snapshot with {@code child} added as the last child of {@code parent}. O(n).
   *
   * @throws CrmException if {@code child} is already in this hierarchy or {@code parent} is not
   * @throws InvalidDefinitionException if the level schema or the maximum depth is violated
   */
  public Hierarchy<K> withChild(K parent, K child) {
    return withNode(child, Checks.present("parent", parent), null);
  }

  /**
   * A new snapshot with {@code child}, with a level, added as the last child of {@code parent}.
   * O(n).
   *
   * @throws CrmException if {@code child} is already in this hierarchy, {@code parent} is not, or
   *     {@code level} is blank
   * @throws InvalidDefinitionException if the level schema or the maximum depth is violated
   */
  public Hierarchy<K> withChild(K parent, K child, String level) {
    return withNode(child, Checks.present("parent", parent), Checks.nonBlank("level", level));
  }

  private Hierarchy<K> withNode(K node, @Nullable K parentNode, @Nullable String level) {
    Checks.present("node", node);
    int existing = index.indexOf(node);
    if (existing >= 0) {
      throw new CrmException("cannot add '" + node + "': it is already in the hierarchy"
          + (parent[existing] < 0 ? " as a root" : " under '" + keys[parent[existing]] + "'"));
    }
    if (parentNode != null && index.indexOf(parentNode) < 0) {
      throw new CrmException("cannot add '" + node + "' under '" + parentNode
          + "': the parent is not in the hierarchy");
    }
    return toBuilder().add(node, parentNode, level).build();
  }

  /**
   * A new snapshot without {@code node} and all its descendants. O(n).
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   */
  public Hierarchy<K> withoutSubtree(K node) {
    int s = require(node);
    int end = s + size[s];
    Builder<K> b = emptyLike();
    for (int i = 0; i < keys.length; i++) {
      if (i == s) {
        i = end - 1;
        continue;
      }
      b.add(at(i), parent[i] < 0 ? null : at(parent[i]), levels == null ? null : levels[i]);
    }
    return b.build();
  }

  /**
   * A new snapshot in which {@code node}, with its whole subtree, becomes the last child of {@code
   * newParent}. O(n).
   *
   * @throws CrmException if either node is not in this hierarchy, or if {@code newParent} is
   *     {@code node} itself or one of its descendants (the move would create a cycle)
   * @throws InvalidDefinitionException if the level schema or the maximum depth is violated
   */
  public Hierarchy<K> withSubtreeMoved(K node, K newParent) {
    int s = require(node);
    int p = require(newParent);
    if (s <= p && p < s + size[s]) {
      throw new CrmException("cannot move '" + node + "' under '" + newParent + "': "
          + (s == p ? "a node cannot be its own parent"
              : "'" + newParent + "' is a descendant of '" + node + "', so the move would make a"
                  + " cycle"));
    }
    return moved(s, newParent);
  }

  /**
   * A new snapshot in which {@code node}, with its whole subtree, becomes the last root. O(n).
   *
   * @throws CrmException if {@code node} is not in this hierarchy
   * @throws InvalidDefinitionException if the level schema does not allow the node's level as a
   *     root
   */
  public Hierarchy<K> withSubtreeAsRoot(K node) {
    return moved(require(node), null);
  }

  private Hierarchy<K> moved(int s, @Nullable K newParent) {
    int end = s + size[s];
    Builder<K> b = emptyLike();
    for (int i = 0; i < keys.length; i++) {
      if (i == s) {
        i = end - 1;
        continue;
      }
      b.add(at(i), parent[i] < 0 ? null : at(parent[i]), levels == null ? null : levels[i]);
    }
    for (int i = s; i < end; i++) {
      K p = i == s ? newParent : at(parent[i]);
      b.add(at(i), p, levels == null ? null : levels[i]);
    }
    return b.build();
  }

  private Builder<K> emptyLike() {
    Builder<K> b = new Builder<>();
    if (schema != null) {
      b.levels(schema);
    }
    return b.maxDepth(maxDepth);
  }

  /**
   * What changed between two snapshots: nodes added, removed, moved to another parent, and
   * relevelled. O(n) in the size of both.
   *
   * <pre>{@code
   * Hierarchy<String> after = before.withSubtreeMoved("BERLIN", "FRANCE");
   * Hierarchy.diff(before, after).moved();   // [BERLIN: GERMANY → FRANCE]
   * }</pre>
   */
  public static <K> HierarchyDiff<K> diff(Hierarchy<K> before, Hierarchy<K> after) {
    Checks.present("before", before);
    Checks.present("after", after);
    return HierarchyDiff.between(before, after);
  }

  @Nullable String levelAt(int position) {
    return levels == null ? null : levels[position];
  }

  @Nullable K parentOrNull(int position) {
    int p = parent[position];
    return p < 0 ? null : at(p);
  }

  /** Two hierarchies are equal when they have the same nodes, parents, child order and levels. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Hierarchy)) {
      return false;
    }
    Hierarchy<?> h = (Hierarchy<?>) o;
    return Arrays.equals(keys, h.keys)
        && Arrays.equals(parent, h.parent)
        && Arrays.equals(levels == null ? new String[keys.length] : levels,
            h.levels == null ? new String[h.keys.length] : h.levels);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keys) * 31 + Arrays.hashCode(parent);
  }

  /** A short description: node and root counts and height; never the whole tree. */
  @Override
  public String toString() {
    return "Hierarchy{nodes=" + keys.length + ", roots=" + rootCount + ", height=" + height() + "}";
  }

  /**
   * Collects the nodes of a hierarchy; {@link #build()} validates everything at once and reports
   * every problem. Nodes may be declared in any order (children before their parents). Not
   * thread-safe; reusable: {@code build()} does not reset it.
   */
  public static final class Builder<K> {
    private Object[] nodes = new Object[16];
    private Object[] parents = new Object[16]; // null for roots
    private String[] nodeLevels = new String[16];
    private boolean anyLevel;
    private int count;
    private @Nullable LevelSchema schema;
    private int maxDepth = DEFAULT_MAX_DEPTH;

    private Builder() {}

    /** Declares a root node. */
    public Builder<K> root(K node) {
      return add(node, null, null);
    }

    /** Declares a root node with a level. */
    public Builder<K> root(K node, String level) {
      return add(node, null, Checks.nonBlank("level", level));
    }

    /** Declares {@code child} as a child of {@code parent}; {@code parent} must be declared too. */
    public Builder<K> child(K parent, K child) {
      return add(child, Checks.present("parent", parent), null);
    }

    /** Declares {@code child}, with a level, as a child of {@code parent}. */
    public Builder<K> child(K parent, K child, String level) {
      return add(child, Checks.present("parent", parent), Checks.nonBlank("level", level));
    }

    /**
     * Declares a node whose parent may be absent ({@code null} means root), as read from a table
     * of (id, parent id) rows; {@code level} may be null.
     */
    public Builder<K> node(K node, @Nullable K parent, @Nullable String level) {
      return add(node, parent, level);
    }

    /** Checks every node's level against {@code schema} at {@link #build()}. */
    public Builder<K> levels(LevelSchema schema) {
      this.schema = Checks.present("schema", schema);
      return this;
    }

    /**
     * Rejects hierarchies deeper than {@code maxDepth} (roots have depth 0).
     *
     * @throws CrmException if {@code maxDepth} is negative
     */
    public Builder<K> maxDepth(int maxDepth) {
      if (maxDepth < 0) {
        throw new CrmException("maxDepth must be >= 0, but was " + maxDepth);
      }
      this.maxDepth = maxDepth;
      return this;
    }

    Builder<K> add(K node, @Nullable K parent, @Nullable String level) {
      Checks.present("node", node);
      if (count == nodes.length) {
        int cap = count * 2;
        nodes = Arrays.copyOf(nodes, cap);
        parents = Arrays.copyOf(parents, cap);
        nodeLevels = Arrays.copyOf(nodeLevels, cap);
      }
      nodes[count] = node;
      parents[count] = parent;
      nodeLevels[count] = level;
      anyLevel |= level != null;
      count++;
      return this;
    }

    /**
     * Validates and compiles the hierarchy. O(n) time; the builder is left unchanged.
     *
     * <p>Problem paths are {@code nodes[i]}, where {@code i} is the declaration number (from 0).
     *
     * @throws InvalidDefinitionException listing every duplicate id, unknown parent, cycle (with
     *     the nodes on it), level-schema violation and node deeper than {@link #maxDepth}
     */
    public Hierarchy<K> build() {
      return HierarchyCompiler.compile(
          Arrays.copyOf(nodes, count), Arrays.copyOf(parents, count),
          anyLevel || schema != null ? Arrays.copyOf(nodeLevels, count) : null, schema, maxDepth);
    }
  }

  /** Creates a hierarchy from compiled preorder arrays; used by the compiler only. */
  static <K> Hierarchy<K> compiled(
      Object[] keys, int[] parent, int[] size, int[] depth, String @Nullable [] levels,
      KeyIndex index, @Nullable LevelSchema schema, int maxDepth) {
    return new Hierarchy<>(keys, parent, size, depth, levels, index, schema, maxDepth);
  }

  static void throwIfAny(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException("hierarchy", problems);
    }
  }
}

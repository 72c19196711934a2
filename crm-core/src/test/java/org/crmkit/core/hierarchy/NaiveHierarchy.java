package org.crmkit.core.hierarchy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A deliberately naive reference hierarchy: a map from each node to its parent, and nothing else.
 * Every query walks parent pointers; no index, no preorder arrays. Only for small, valid forests.
 */
public final class NaiveHierarchy<K> {
  private final Map<K, K> parent = new LinkedHashMap<>(); // declaration order; null = root
  private final Map<K, String> levels = new HashMap<>();

  /** Declares a node (null parent = root) in declaration order. */
  public NaiveHierarchy<K> node(K node, K parentOrNull, String levelOrNull) {
    parent.put(node, parentOrNull);
    if (levelOrNull != null) {
      levels.put(node, levelOrNull);
    }
    return this;
  }

  public Set<K> nodes() {
    return parent.keySet();
  }

  public Optional<K> parent(K node) {
    return Optional.ofNullable(parent.get(node));
  }

  public Optional<String> level(K node) {
    return Optional.ofNullable(levels.get(node));
  }

  public List<K> ancestors(K node) {
    List<K> path = new ArrayList<>();
    for (K p = parent.get(node); p != null; p = parent.get(p)) {
      path.add(p);
    }
    return path;
  }

  public int depth(K node) {
    return ancestors(node).size();
  }

  public boolean isAncestorOf(K ancestor, K node) {
    return ancestors(node).contains(ancestor);
  }

  public List<K> roots() {
    List<K> roots = new ArrayList<>();
    parent.forEach((k, p) -> {
      if (p == null) {
        roots.add(k);
      }
    });
    return roots;
  }

  /** Children in declaration order. */
  public List<K> children(K node) {
    List<K> children = new ArrayList<>();
    parent.forEach((k, p) -> {
      if (node.equals(p)) {
        children.add(k);
      }
    });
    return children;
  }

  public Set<K> descendants(K node) {
    Set<K> out = new HashSet<>();
    for (K k : parent.keySet()) {
      if (isAncestorOf(node, k)) {
        out.add(k);
      }
    }
    return out;
  }

  public Set<K> leaves() {
    Set<K> out = new HashSet<>(parent.keySet());
    out.removeAll(parent.values());
    return out;
  }

  /** The LCA with a node counting as its own ancestor; empty in different trees. */
  public Optional<K> lowestCommonAncestor(K a, K b) {
    List<K> pathA = new ArrayList<>();
    pathA.add(a);
    pathA.addAll(ancestors(a));
    Set<K> pathB = new HashSet<>(ancestors(b));
    pathB.add(b);
    for (K x : pathA) {
      if (pathB.contains(x)) {
        return Optional.of(x);
      }
    }
    return Optional.empty();
  }

  /** Depth-first preorder, roots and children in declaration order (recursive: small inputs). */
  public List<K> preorder() {
    List<K> out = new ArrayList<>();
    for (K r : roots()) {
      visit(r, out);
    }
    return out;
  }

  private void visit(K node, List<K> out) {
    out.add(node);
    for (K c : children(node)) {
      visit(c, out);
    }
  }

  /** Sum over every subtree by adding each node's value to itself and every ancestor. */
  public Map<K, Double> sums(Function<K, Double> value) {
    Map<K, Double> out = new HashMap<>();
    for (K k : parent.keySet()) {
      double v = value.apply(k);
      out.merge(k, v, Double::sum);
      for (K a : ancestors(k)) {
        out.merge(a, v, Double::sum);
      }
    }
    return out;
  }

  /** Fold of {@code value} over each subtree's nodes in preorder. */
  public <V> V fold(K node, Function<K, V> value, BinaryOperator<V> combiner) {
    List<K> order = preorder();
    V acc = null;
    for (K k : order) {
      if (k.equals(node) || isAncestorOf(node, k)) {
        acc = acc == null ? value.apply(k) : combiner.apply(acc, value.apply(k));
      }
    }
    return acc;
  }
}

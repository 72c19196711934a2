package org.crmkit.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.hierarchy.DatedEdge;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.json.Shape.Field;
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of hierarchy node arrays ({@code [{"id": "emea", "parent":
 * "global", "level": "region"}]}), used by every document that holds a hierarchy. The builder's
 * problems ({@code nodes[k]}) are renumbered to the document's array and index.
 */
final class Nodes {
  static final Shape NODE = new Shape("hierarchy node");
  static final Field ID = NODE.required("id");
  static final Field PARENT = NODE.optional("parent");
  static final Field LEVEL = NODE.optional("level");
  static final Field VALID_FROM = NODE.optional("validFrom");
  static final Field VALID_TO = NODE.optional("validTo");

  private Nodes() {}

  /** The edges of the array {@code field}; {@code declared} receives each edge's index. */
  static <K> List<DatedEdge<K>> edges(In parent, Field field, Function<String, ? extends K> key,
      boolean dated, List<Integer> declared) {
    List<DatedEdge<K>> out = new ArrayList<>();
    for (In n : parent.objects(field, NODE)) {
      int before = n.problems.count();
      K id = n.parsed(ID, "a valid key", key);
      K up = n.parsed(PARENT, "a valid key", key);
      String level = n.text(LEVEL);
      LocalDate from = dated ? n.date(VALID_FROM) : undated(n, VALID_FROM);
      LocalDate to = dated ? n.date(VALID_TO) : undated(n, VALID_TO);
      if (id != null && n.problems.count() == before) {
        out.add(DatedEdge.of(id, up, level, from, to));
        declared.add(n.index);
      }
    }
    return out;
  }

  private static @Nullable LocalDate undated(In n, Field f) {
    if (n.has(f)) {
      n.problems.add(n.at(f), "a plain hierarchy has no dates; read a document with %s through"
          + " readDated", f.name());
    }
    return null;
  }

  /** The hierarchy of the array {@code field}, or null (with its problems) if it is invalid. */
  static <K> @Nullable Hierarchy<K> hierarchy(In parent, Field field,
      Function<String, ? extends K> key, @Nullable LevelSchema schema, @Nullable Integer maxDepth) {
    return hierarchy(parent, field, key, schema, maxDepth, new HashSet<>());
  }

  /**
   * As {@link #hierarchy(In, Field, Function, LevelSchema, Integer)}; {@code ids} receives every
   * declared id, so that references can be checked even when the hierarchy is invalid.
   */
  static <K> @Nullable Hierarchy<K> hierarchy(In parent, Field field,
      Function<String, ? extends K> key, @Nullable LevelSchema schema, @Nullable Integer maxDepth,
      Set<K> ids) {
    List<Integer> declared = new ArrayList<>();
    int before = parent.problems.count();
    List<DatedEdge<K>> edges = edges(parent, field, key, false, declared);
    edges.forEach(e -> ids.add(e.node()));
    if (parent.problems.count() > before) {
      return null;
    }
    Hierarchy.Builder<K> b = Hierarchy.builder();
    if (schema != null) {
      b.levels(schema);
    }
    if (maxDepth != null) {
      b.maxDepth(maxDepth);
    }
    edges.forEach(e -> b.node(e.node(), e.parent().orElse(null), e.level().orElse(null)));
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      parent.problems.addAll(
          e.renumbered(parent.problems.what(), "nodes", parent.at(field), declared::get),
          ProblemPath.of());
      return null;
    }
  }

  /** The dated hierarchy of the array {@code field}, or null (with its problems). */
  static <K> @Nullable DatedHierarchy<K> dated(In parent, Field field,
      Function<String, ? extends K> key, @Nullable LevelSchema schema, @Nullable Integer maxDepth) {
    List<Integer> declared = new ArrayList<>();
    int before = parent.problems.count();
    List<DatedEdge<K>> edges = edges(parent, field, key, true, declared);
    if (parent.problems.count() > before) {
      return null;
    }
    DatedHierarchy.Builder<K> b = DatedHierarchy.builder();
    if (schema != null) {
      b.levels(schema);
    }
    if (maxDepth != null) {
      b.maxDepth(maxDepth);
    }
    edges.forEach(b::edge);
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      parent.problems.addAll(
          e.renumbered(parent.problems.what(), "edges", parent.at(field), declared::get),
          ProblemPath.of());
      return null;
    }
  }

  /** Writes {@code h} in preorder as the array {@code field} (written even when empty). */
  static <K> void write(Out out, Field field, Hierarchy<K> h, Function<? super K, String> key) {
    out.array(field);
    Map<String, K> seen = new HashMap<>();
    for (K node : h.nodes()) {
      Out n = out.element(field).put(ID, id(key, node, seen));
      h.parent(node).ifPresent(p -> n.put(PARENT, id(key, p, seen)));
      h.level(node).ifPresent(l -> n.put(LEVEL, l));
    }
  }

  /** Writes the edges of {@code h} in declaration order as the array {@code field}. */
  static <K> void writeDated(Out out, Field field, DatedHierarchy<K> h,
      Function<? super K, String> key) {
    out.array(field);
    Map<String, K> seen = new HashMap<>();
    for (DatedEdge<K> e : h.edges()) {
      Out n = out.element(field).put(ID, id(key, e.node(), seen));
      e.parent().ifPresent(p -> n.put(PARENT, id(key, p, seen)));
      n.put(LEVEL, e.level().orElse(null)).put(VALID_FROM, e.validFrom().orElse(null))
          .put(VALID_TO, e.validTo().orElse(null));
    }
  }

  private static <K> String id(Function<? super K, String> key, K node, Map<String, K> seen) {
    String id;
    try {
      id = key.apply(node);
    } catch (RuntimeException e) {
      throw new CrmException("the key writer failed for node '" + node + "': " + e.getMessage(), e);
    }
    if (id == null || id.isBlank()) {
      throw new CrmException("the key writer must return a non-blank string, but returned "
          + (id == null ? "null" : "'" + id + "'") + " for node '" + node + "'");
    }
    K other = seen.putIfAbsent(id, node);
    if (other != null && !other.equals(node)) {
      throw new CrmException("the key writer returned '" + id + "' for both '" + other + "' and '"
          + node + "'; ids must be distinct to read the document back");
    }
    return id;
  }
}

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
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of hierarchy node arrays ({@code [{"id": "emea", "parent":
 * "global", "level": "region"}]}), used by every document that holds a hierarchy. The builder's
 * problems ({@code nodes[k]}) are renumbered to the document's array and index.
 */
final class Nodes {
  static final Shape NODE = new Shape("hierarchy node", "id", "parent?", "level?", "validFrom?",
      "validTo?");

  private Nodes() {}

  /** The edges of the array {@code field}; {@code declared} receives each edge's index. */
  static <K> List<DatedEdge<K>> edges(In parent, String field, Function<String, ? extends K> key,
      boolean dated, List<Integer> declared) {
    List<DatedEdge<K>> out = new ArrayList<>();
    for (In n : parent.objects(field, NODE)) {
      int before = n.problems.count();
      K id = n.parsed("id", "a valid key", key);
      K up = n.parsed("parent", "a valid key", key);
      String level = n.text("level");
      LocalDate from = dated ? n.date("validFrom") : undated(n, "validFrom");
      LocalDate to = dated ? n.date("validTo") : undated(n, "validTo");
      if (id != null && n.problems.count() == before) {
        out.add(DatedEdge.of(id, up, level, from, to));
        declared.add(n.index);
      }
    }
    return out;
  }

  private static @Nullable LocalDate undated(In n, String f) {
    if (n.has(f)) {
      n.problems.add(n.at(f), "a plain hierarchy has no dates; read a document with %s through"
          + " readDated", f);
    }
    return null;
  }

  /**
   * The hierarchy of the array {@code field}, or null (with its problems) if it is invalid; {@code
   * ids} receives every declared id, so that references can be checked even when it is invalid.
   */
  static <K> @Nullable Hierarchy<K> hierarchy(In parent, String field,
      Function<String, ? extends K> key, @Nullable LevelSchema schema, @Nullable Integer maxDepth,
      Set<K> ids) {
    return Nodes.<K, Hierarchy<K>>build(parent, field, key, false, ids, edges -> {
      Hierarchy.Builder<K> b = Hierarchy.<K>builder()
          .maxDepth(maxDepth == null ? Hierarchy.DEFAULT_MAX_DEPTH : maxDepth);
      if (schema != null) {
        b.levels(schema);
      }
      edges.forEach(e -> b.node(e.node(), e.parent().orElse(null), e.level().orElse(null)));
      return b.build();
    });
  }

  /** The dated hierarchy of the array {@code field}, or null (with its problems). */
  static <K> @Nullable DatedHierarchy<K> dated(In parent, String field,
      Function<String, ? extends K> key, @Nullable LevelSchema schema, @Nullable Integer maxDepth) {
    return Nodes.<K, DatedHierarchy<K>>build(parent, field, key, true, new HashSet<>(), edges -> {
      DatedHierarchy.Builder<K> b = DatedHierarchy.<K>builder()
          .maxDepth(maxDepth == null ? Hierarchy.DEFAULT_MAX_DEPTH : maxDepth);
      if (schema != null) {
        b.levels(schema);
      }
      edges.forEach(b::edge);
      return b.build();
    });
  }

  /**
   * Reads the edges of the array {@code field} and, if they have no problem, builds them; the
   * builder's problems ({@code nodes[k]} or {@code edges[k]}) go to the document's elements.
   */
  private static <K, H> @Nullable H build(In parent, String field,
      Function<String, ? extends K> key, boolean dated, Set<K> ids,
      Function<List<DatedEdge<K>>, H> build) {
    List<Integer> declared = new ArrayList<>();
    int before = parent.problems.count();
    List<DatedEdge<K>> edges = edges(parent, field, key, dated, declared);
    edges.forEach(e -> ids.add(e.node()));
    if (parent.problems.count() > before) {
      return null;
    }
    try {
      return build.apply(edges);
    } catch (InvalidDefinitionException e) {
      parent.problems.addAll(e.renumbered(parent.problems.what(), dated ? "edges" : "nodes",
          parent.at(field), declared::get), ProblemPath.of());
      return null;
    }
  }

  /** Writes {@code h} in preorder as the array {@code field} (written even when empty). */
  static <K> Out write(Out out, String field, Hierarchy<K> h, Function<? super K, String> key) {
    out.array(field);
    Map<String, K> seen = new HashMap<>();
    for (K node : h.nodes()) {
      Out n = out.element(field).put("id", id(key, node, seen));
      h.parent(node).ifPresent(p -> n.put("parent", id(key, p, seen)));
      h.level(node).ifPresent(l -> n.put("level", l));
    }
    return out;
  }

  /** Writes the edges of {@code h} in declaration order as the array {@code field}. */
  static <K> Out writeDated(Out out, String field, DatedHierarchy<K> h,
      Function<? super K, String> key) {
    out.array(field);
    Map<String, K> seen = new HashMap<>();
    for (DatedEdge<K> e : h.edges()) {
      Out n = out.element(field).put("id", id(key, e.node(), seen));
      e.parent().ifPresent(p -> n.put("parent", id(key, p, seen)));
      n.put("level", e.level().orElse(null)).put("validFrom", e.validFrom().orElse(null))
          .put("validTo", e.validTo().orElse(null));
    }
    return out;
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

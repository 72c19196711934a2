package org.crmkit.json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes hierarchies as versioned JSON documents ({@value #FORMAT}). Keys are mapped to
 * and from JSON strings by functions the caller supplies (for example {@code TerritoryId::of} and
 * {@code TerritoryId::value}). Stateless and thread-safe.
 *
 * <pre>{@code
 * {
 *   "format": "crmkit.hierarchy/1",
 *   "levelSchema": [ {"level": "global", "root": true}, {"level": "region", "parents": ["global"]} ],
 *   "maxDepth": 10,
 *   "nodes": [
 *     {"id": "GLOBAL", "level": "global"},
 *     {"id": "EMEA", "parent": "GLOBAL", "level": "region", "validFrom": "2024-01-01", "validTo": "2025-01-01"}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code levelSchema}, {@code maxDepth}, {@code parent} (absent for a root), {@code level},
 * {@code validFrom} (inclusive) and {@code validTo} (exclusive) are optional; dates are ISO
 * {@code yyyy-MM-dd}. A plain {@link Hierarchy} is written in preorder and has no dates; a {@link
 * DatedHierarchy} may list a node several times, once per dated edge. Writing then reading gives
 * back an equal hierarchy.
 */
public final class HierarchyJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.hierarchy/1";

  static final Shape ROOT = Shape.document("hierarchy document", "levelSchema?", "maxDepth?",
      "nodes");
  static final Shape LEVEL = new Shape("level", "level", "root?", "parents?");

  private HierarchyJson() {}

  /**
   * The plain hierarchy document from and to any source, keys mapped by {@code keyReader} and
   * {@code keyWriter} ({@link #read(String, Function)} and {@link #write(Hierarchy, Function)} say
   * what is reported and thrown).
   */
  public static <K> JsonDocument<Hierarchy<K>> document(Function<String, ? extends K> keyReader,
      Function<? super K, String> keyWriter) {
    return new JsonDocument<>(FORMAT, ROOT, root -> Nodes.<K>hierarchy(root, "nodes", keyReader,
        schema(root), root.integer("maxDepth", 0), new HashSet<>()), h -> tree(h, keyWriter));
  }

  /**
   * The document with dates from and to any source ({@link #readDated(String, Function)} and
   * {@link #writeDated(DatedHierarchy, Function)} say what is reported and thrown).
   */
  public static <K> JsonDocument<DatedHierarchy<K>> datedDocument(
      Function<String, ? extends K> keyReader, Function<? super K, String> keyWriter) {
    return new JsonDocument<>(FORMAT, ROOT, root -> Nodes.<K>dated(root, "nodes", keyReader,
        schema(root), root.integer("maxDepth", 0)), h -> datedTree(h, keyWriter));
  }

  /**
   * Writes {@code hierarchy} as a pretty-printed document, nodes in preorder.
   *
   * @throws CrmException if {@code keyWriter} fails or returns null or a blank string, or the same
   *     string for two nodes (the document could not be read back)
   */
  public static <K> String write(Hierarchy<K> hierarchy, Function<? super K, String> keyWriter) {
    return tree(hierarchy, keyWriter).text();
  }

  /**
   * Writes {@code hierarchy} as a pretty-printed document, one entry per edge in declaration
   * order.
   *
   * @throws CrmException as {@link #write(Hierarchy, Function)}
   */
  public static <K> String writeDated(
      DatedHierarchy<K> hierarchy, Function<? super K, String> keyWriter) {
    return datedTree(hierarchy, keyWriter).text();
  }

  /**
   * Reads a document without dates into a {@link Hierarchy}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path ({@code
   *     $.nodes[3].parent}): malformed JSON, wrong format, unknown fields, wrong types, ids that
   *     {@code keyReader} rejects, dates (use {@link #readDated}), and every problem the
   *     hierarchy's own validation finds (duplicates, unknown parents, cycles, levels, depth)
   */
  public static <K> Hierarchy<K> read(String json, Function<String, ? extends K> keyReader) {
    return HierarchyJson.<K>document(keyReader, String::valueOf).read(json);
  }

  /**
   * Reads a document, with or without dates, into a {@link DatedHierarchy}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path, including those
   *     of {@link DatedHierarchy.Builder#build()} (empty or overlapping intervals, and the
   *     problems of every time slice)
   */
  public static <K> DatedHierarchy<K> readDated(
      String json, Function<String, ? extends K> keyReader) {
    return HierarchyJson.<K>datedDocument(keyReader, String::valueOf).read(json);
  }

  private static @Nullable LevelSchema schema(In root) {
    if (!root.has("levelSchema")) {
      return null;
    }
    int before = root.problems.count();
    LevelSchema.Builder b = LevelSchema.builder();
    List<String> declared = new ArrayList<>();
    for (In e : root.objects("levelSchema", LEVEL)) {
      String level = e.text("level");
      declared.add(level == null ? "" : level);
      boolean isRoot = e.bool("root", false);
      List<String> parents = e.strings("parents", false);
      if (level != null && !isRoot && parents.isEmpty()) {
        e.problems.add(e.path, "level '%s' needs \"root\": true or at least one parent level",
            level);
      } else if (level != null) {
        if (isRoot) {
          b.root(level);
        }
        if (!parents.isEmpty()) {
          b.level(level, parents.toArray(new String[0]));
        }
      }
    }
    if (root.problems.count() > before) {
      return null;
    }
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      // LevelSchema reports levels.<name>; the document declares that level at levelSchema[i]
      root.problems.addAll(e.relocated(ROOT.name(), p -> {
        for (int i = 0; i < declared.size(); i++) {
          if (p.equals(ProblemPath.of("levels", declared.get(i)))) {
            return root.at("levelSchema").index(i);
          }
        }
        return root.at("levelSchema");
      }), ProblemPath.of());
      return null;
    }
  }

  private static <K> Out tree(Hierarchy<K> h, Function<? super K, String> keyWriter) {
    return Nodes.write(header(h.levelSchema().orElse(null), h.maxDepth()), "nodes", h, keyWriter);
  }

  private static <K> Out datedTree(DatedHierarchy<K> h, Function<? super K, String> keyWriter) {
    return Nodes.writeDated(header(h.levelSchema().orElse(null), h.maxDepth()), "nodes", h,
        keyWriter);
  }

  private static Out header(@Nullable LevelSchema schema, int maxDepth) {
    Out root = Out.document(FORMAT);
    if (schema != null) {
      root.array("levelSchema");
      for (String level : schema.levels()) {
        root.element("levelSchema").put("level", level)
            .flag("root", schema.allowsRoot(level))
            .strings("parents", new ArrayList<>(schema.allowedParents(level)));
      }
    }
    if (maxDepth != Hierarchy.DEFAULT_MAX_DEPTH) {
      root.put("maxDepth", maxDepth);
    }
    return root;
  }
}

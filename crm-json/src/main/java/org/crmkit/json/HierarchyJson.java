package org.crmkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.json.Shape.Field;
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

  static final Shape ROOT = Documents.shape("hierarchy document");
  static final Field LEVEL_SCHEMA = ROOT.optional("levelSchema");
  static final Field MAX_DEPTH = ROOT.optional("maxDepth");
  static final Field NODES = ROOT.required("nodes");
  static final Shape LEVEL = new Shape("level");
  static final Field LEVEL_NAME = LEVEL.required("level");
  static final Field LEVEL_ROOT = LEVEL.optional("root");
  static final Field LEVEL_PARENTS = LEVEL.optional("parents");
  private static final String WHAT = "hierarchy document";

  private HierarchyJson() {}

  /**
   * Writes {@code hierarchy} as a pretty-printed document, nodes in preorder.
   *
   * @throws CrmException if {@code keyWriter} fails or returns null or a blank string, or the same
   *     string for two nodes (the document could not be read back)
   */
  public static <K> String write(Hierarchy<K> hierarchy, Function<? super K, String> keyWriter) {
    Out root = header(hierarchy.levelSchema().orElse(null), hierarchy.maxDepth());
    Nodes.write(root, NODES, hierarchy, keyWriter);
    return root.text();
  }

  /**
   * Writes {@code hierarchy} as a pretty-printed document, one entry per edge in declaration
   * order.
   *
   * @throws CrmException as {@link #write(Hierarchy, Function)}
   */
  public static <K> String writeDated(
      DatedHierarchy<K> hierarchy, Function<? super K, String> keyWriter) {
    Out root = header(hierarchy.levelSchema().orElse(null), hierarchy.maxDepth());
    Nodes.writeDated(root, NODES, hierarchy, keyWriter);
    return root.text();
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
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    LevelSchema schema = schema(root);
    Integer maxDepth = root.integer(MAX_DEPTH, 0);
    Hierarchy<K> h = Nodes.hierarchy(root, NODES, keyReader, schema, maxDepth);
    root.problems.throwIfAny();
    return java.util.Objects.requireNonNull(h);
  }

  /**
   * Reads a document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, Function)}
   */
  public static <K> Hierarchy<K> read(InputStream in, Function<String, ? extends K> keyReader)
      throws IOException {
    return read(JsonText.read(in), keyReader);
  }

  /**
   * Reads a document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, Function)}
   */
  public static <K> Hierarchy<K> read(Reader in, Function<String, ? extends K> keyReader)
      throws IOException {
    return read(JsonText.read(in), keyReader);
  }

  /**
   * Reads a document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, Function)}
   */
  public static <K> Hierarchy<K> read(Path file, Function<String, ? extends K> keyReader)
      throws IOException {
    return read(JsonText.read(file), keyReader);
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
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    LevelSchema schema = schema(root);
    Integer maxDepth = root.integer(MAX_DEPTH, 0);
    DatedHierarchy<K> h = Nodes.dated(root, NODES, keyReader, schema, maxDepth);
    root.problems.throwIfAny();
    return java.util.Objects.requireNonNull(h);
  }

  /**
   * Reads a dated document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #readDated(String, Function)}
   */
  public static <K> DatedHierarchy<K> readDated(Path file, Function<String, ? extends K> keyReader)
      throws IOException {
    return readDated(JsonText.read(file), keyReader);
  }

  /**
   * Reads a dated document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #readDated(String, Function)}
   */
  public static <K> DatedHierarchy<K> readDated(InputStream in,
      Function<String, ? extends K> keyReader) throws IOException {
    return readDated(JsonText.read(in), keyReader);
  }

  /**
   * Reads a dated document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #readDated(String, Function)}
   */
  public static <K> DatedHierarchy<K> readDated(Reader in, Function<String, ? extends K> keyReader)
      throws IOException {
    return readDated(JsonText.read(in), keyReader);
  }

  private static @Nullable LevelSchema schema(In root) {
    if (!root.has(LEVEL_SCHEMA)) {
      return null;
    }
    int before = root.problems.count();
    LevelSchema.Builder b = LevelSchema.builder();
    List<String> declared = new ArrayList<>();
    for (In e : root.objects(LEVEL_SCHEMA, LEVEL)) {
      String level = e.text(LEVEL_NAME);
      declared.add(level == null ? "" : level);
      boolean isRoot = e.bool(LEVEL_ROOT, false);
      List<String> parents = e.strings(LEVEL_PARENTS, false);
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
      root.problems.addAll(e.relocated(WHAT, p -> {
        for (int i = 0; i < declared.size(); i++) {
          if (p.equals(ProblemPath.of("levels", declared.get(i)))) {
            return root.at(LEVEL_SCHEMA).index(i);
          }
        }
        return root.at(LEVEL_SCHEMA);
      }), ProblemPath.of());
      return null;
    }
  }

  private static Out header(@Nullable LevelSchema schema, int maxDepth) {
    Out root = Out.document(FORMAT);
    if (schema != null) {
      root.array(LEVEL_SCHEMA);
      for (String level : schema.levels()) {
        root.element(LEVEL_SCHEMA).put(LEVEL_NAME, level)
            .flag(LEVEL_ROOT, schema.allowsRoot(level))
            .strings(LEVEL_PARENTS, new ArrayList<>(schema.allowedParents(level)));
      }
    }
    if (maxDepth != Hierarchy.DEFAULT_MAX_DEPTH) {
      root.number(MAX_DEPTH, maxDepth);
    }
    return root;
  }
}

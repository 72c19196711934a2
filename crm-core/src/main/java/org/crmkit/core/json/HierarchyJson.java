package org.crmkit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.DatedEdge;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.JsonReading;
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
 * DatedHierarchy} may list a node several times, once per dated edge. Reading then writing (or
 * writing then reading) gives back an equal hierarchy.
 */
public final class HierarchyJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.hierarchy/1";

  private static final List<String> ROOT_FIELDS = List.of("format", "levelSchema", "maxDepth", "nodes");
  private static final List<String> NODE_FIELDS =
      List.of("id", "parent", "level", "validFrom", "validTo");
  private static final List<String> LEVEL_FIELDS = List.of("level", "root", "parents");
  private static final Pattern DECLARATION = Pattern.compile("(?:nodes|edges)\\[(\\d+)]");

  private HierarchyJson() {}

  /**
   * Writes {@code hierarchy} as a pretty-printed document, nodes in preorder.
   *
   * @throws CrmException if {@code keyWriter} returns null or a blank string, or the same string
   *     for two nodes (the document could not be read back)
   */
  public static <K> String write(Hierarchy<K> hierarchy, Function<? super K, String> keyWriter) {
    Checks.present("hierarchy", hierarchy);
    Checks.present("keyWriter", keyWriter);
    ObjectNode root = header(hierarchy.levelSchema().orElse(null), hierarchy.maxDepth());
    ArrayNode nodes = root.putArray("nodes");
    Map<String, K> seen = new HashMap<>();
    for (K node : hierarchy.nodes()) {
      ObjectNode n = nodes.addObject();
      n.put("id", id(keyWriter, node, seen));
      Optional<K> parent = hierarchy.parent(node);
      if (parent.isPresent()) {
        n.put("parent", keyWriter.apply(parent.get()));
      }
      hierarchy.level(node).ifPresent(l -> n.put("level", l));
    }
    return text(root);
  }

  /**
   * Writes {@code hierarchy} as a pretty-printed document, one entry per edge in declaration
   * order.
   *
   * @throws CrmException if {@code keyWriter} returns null or a blank string, or the same string
   *     for two different nodes
   */
  public static <K> String writeDated(
      DatedHierarchy<K> hierarchy, Function<? super K, String> keyWriter) {
    Checks.present("hierarchy", hierarchy);
    Checks.present("keyWriter", keyWriter);
    ObjectNode root = header(hierarchy.levelSchema().orElse(null), hierarchy.maxDepth());
    ArrayNode nodes = root.putArray("nodes");
    Map<String, K> seen = new HashMap<>();
    for (DatedEdge<K> e : hierarchy.edges()) {
      ObjectNode n = nodes.addObject();
      n.put("id", id(keyWriter, e.node(), seen));
      e.parent().ifPresent(p -> n.put("parent", id(keyWriter, p, seen)));
      e.level().ifPresent(l -> n.put("level", l));
      e.validFrom().ifPresent(d -> n.put("validFrom", d.toString()));
      e.validTo().ifPresent(d -> n.put("validTo", d.toString()));
    }
    return text(root);
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
    Document<K> doc = parse(json, keyReader, false);
    Hierarchy.Builder<K> b = Hierarchy.builder();
    if (doc.schema != null) {
      b.levels(doc.schema);
    }
    if (doc.maxDepth != null) {
      b.maxDepth(doc.maxDepth);
    }
    for (DatedEdge<K> e : doc.edges) {
      b.node(e.node(), e.parent().orElse(null), e.level().orElse(null));
    }
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      throw relocated(e);
    }
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
    Document<K> doc = parse(json, keyReader, true);
    DatedHierarchy.Builder<K> b = DatedHierarchy.builder();
    if (doc.schema != null) {
      b.levels(doc.schema);
    }
    if (doc.maxDepth != null) {
      b.maxDepth(doc.maxDepth);
    }
    doc.edges.forEach(b::edge);
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      throw relocated(e);
    }
  }

  private static final class Document<K> {
    @Nullable LevelSchema schema;
    @Nullable Integer maxDepth;
    final List<DatedEdge<K>> edges = new ArrayList<>();
  }

  private static <K> Document<K> parse(
      String json, Function<String, ? extends K> keyReader, boolean dated) {
    Checks.present("json", json);
    Checks.present("keyReader", keyReader);
    JsonNode root = JsonReading.parse(json, "hierarchy document");
    JsonReading r = new JsonReading();
    Document<K> doc = new Document<>();
    if (!r.checkFormat(root, FORMAT)) {
      r.throwIfAny("hierarchy document");
    }
    r.unknownFields(root, "$", ROOT_FIELDS);
    doc.schema = readSchema(root, r);
    if (root.has("maxDepth") && !root.get("maxDepth").isNull()) {
      Integer max = r.integer(root, "maxDepth", "$");
      if (max != null && max < 0) {
        r.problem("$.maxDepth", "expected an integer >= 0, but found %d", max);
      } else {
        doc.maxDepth = max;
      }
    }
    List<JsonNode> nodes = r.array(root, "nodes", "$", true);
    for (int i = 0; i < nodes.size(); i++) {
      String path = "$.nodes[" + i + "]";
      JsonNode n = nodes.get(i);
      if (!r.requireObject(n, path)) {
        continue;
      }
      r.unknownFields(n, path, NODE_FIELDS);
      String id = r.text(n, "id", path);
      Optional<String> parent = r.optionalText(n, "parent", path);
      Optional<String> level = r.optionalText(n, "level", path);
      LocalDate from = date(n, "validFrom", path, r, dated);
      LocalDate to = date(n, "validTo", path, r, dated);
      K key = id == null ? null : key(keyReader, id, path + ".id", r);
      K parentKey = parent.map(p -> key(keyReader, p, path + ".parent", r)).orElse(null);
      if (key != null && (parent.isEmpty() || parentKey != null)) {
        doc.edges.add(DatedEdge.of(key, parentKey, level.orElse(null), from, to));
      }
    }
    r.throwIfAny("hierarchy document");
    return doc;
  }

  private static @Nullable LevelSchema readSchema(JsonNode root, JsonReading r) {
    if (!root.has("levelSchema") || root.get("levelSchema").isNull()) {
      return null;
    }
    List<JsonNode> entries = r.array(root, "levelSchema", "$", false);
    LevelSchema.Builder b = LevelSchema.builder();
    boolean ok = true;
    for (int i = 0; i < entries.size(); i++) {
      String path = "$.levelSchema[" + i + "]";
      JsonNode e = entries.get(i);
      if (!r.requireObject(e, path)) {
        ok = false;
        continue;
      }
      r.unknownFields(e, path, LEVEL_FIELDS);
      String level = r.text(e, "level", path);
      boolean isRoot = r.bool(e, "root", path, false);
      List<String> parents = new ArrayList<>();
      for (JsonNode p : r.array(e, "parents", path, false)) {
        if (p.isTextual() && !p.asText().isBlank()) {
          parents.add(p.asText());
        } else {
          r.problem(path + ".parents", "expected non-blank level names, but found %s",
              JsonReading.describe(p));
          ok = false;
        }
      }
      if (level == null) {
        ok = false;
        continue;
      }
      if (!isRoot && parents.isEmpty()) {
        r.problem(path, "level '%s' needs \"root\": true or at least one parent level", level);
        ok = false;
        continue;
      }
      if (isRoot) {
        b.root(level);
      }
      if (!parents.isEmpty()) {
        b.level(level, parents.toArray(new String[0]));
      }
    }
    if (!ok) {
      return null;
    }
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      for (Problem p : e.problems()) {
        r.problem("$.levelSchema", "%s", p.message());
      }
      return null;
    }
  }

  private static @Nullable LocalDate date(
      JsonNode n, String field, String path, JsonReading r, boolean dated) {
    Optional<String> text = r.optionalText(n, field, path);
    if (text.isEmpty()) {
      return null;
    }
    if (!dated) {
      r.problem(path + "." + field,
          "a plain hierarchy has no dates; read a document with %s through readDated", field);
      return null;
    }
    try {
      return LocalDate.parse(text.get());
    } catch (DateTimeParseException e) {
      r.problem(path + "." + field, "expected an ISO date (yyyy-MM-dd), but found \"%s\"",
          text.get());
      return null;
    }
  }

  private static <K> @Nullable K key(
      Function<String, ? extends K> keyReader, String id, String path, JsonReading r) {
    K key;
    try {
      key = keyReader.apply(id);
    } catch (RuntimeException e) {
      r.problem(path, "the id \"%s\" is not a valid key: %s", id, e.getMessage());
      return null;
    }
    if (key == null) {
      r.problem(path, "the id \"%s\" is not a valid key: the key reader returned null", id);
    }
    return key;
  }

  private static InvalidDefinitionException relocated(InvalidDefinitionException e) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : e.problems()) {
      String path = p.path().equals("nodes") ? "$.nodes" : relocate(p.path());
      out.add(new Problem(path, relocate(p.message())));
    }
    return new InvalidDefinitionException("hierarchy document", out);
  }

  private static String relocate(String text) {
    Matcher m = DECLARATION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("$.nodes[" + m.group(1) + "]"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static ObjectNode header(@Nullable LevelSchema schema, int maxDepth) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    if (schema != null) {
      ArrayNode levels = root.putArray("levelSchema");
      for (String level : schema.levels()) {
        ObjectNode l = levels.addObject();
        l.put("level", level);
        if (schema.allowsRoot(level)) {
          l.put("root", true);
        }
        Set<String> parents = schema.allowedParents(level);
        if (!parents.isEmpty()) {
          ArrayNode ps = l.putArray("parents");
          parents.forEach(ps::add);
        }
      }
    }
    if (maxDepth != Hierarchy.DEFAULT_MAX_DEPTH) {
      root.put("maxDepth", maxDepth);
    }
    return root;
  }

  private static <K> String id(Function<? super K, String> keyWriter, K node, Map<String, K> seen) {
    String id;
    try {
      id = keyWriter.apply(node);
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

  private static String text(ObjectNode root) {
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write the hierarchy document: " + e.getMessage(), e);
    }
  }
}

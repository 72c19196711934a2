package org.crmkit.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads a versioned crmkit JSON document while collecting every problem with its JSON path
 * ({@code $.nodes[3].parent}), so that a reader can report them all at once. Not part of the
 * public API; shared by the {@code json} packages of every module. Not thread-safe: one instance
 * per document read.
 *
 * <p>Accessors add a problem and return an empty value (or {@code null} where documented) instead
 * of throwing, so that reading continues; call {@link #throwIfAny(String)} at the end.
 */
public final class JsonReading {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final List<Problem> problems = new ArrayList<>();

  /**
   * Parses JSON text.
   *
   * @throws InvalidDefinitionException with path {@code $} and the line and column of a syntax
   *     error
   */
  public static JsonNode parse(String json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidDefinitionException(what, List.of(new Problem("$", "the document is empty")));
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new InvalidDefinitionException(what,
          List.of(new Problem("$", "not valid JSON" + where + ": " + e.getOriginalMessage())));
    }
  }

  /** The shared mapper (thread-safe) for writing documents. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Records a problem. */
  public void problem(String path, String format, @Nullable Object... args) {
    problems.add(Problem.of(path, format, args));
  }

  /** The problems recorded so far; unmodifiable copy. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Whether any problem was recorded. */
  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /**
   * Throws if any problem was recorded.
   *
   * @throws InvalidDefinitionException listing every recorded problem
   */
  public void throwIfAny(String what) {
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(what, problems);
    }
  }

  /**
   * Checks that {@code root} is an object whose {@code format} field equals {@code expected}
   * (e.g. {@code crmkit.hierarchy/1}).
   *
   * @return whether the format matched (read the rest only if it did)
   */
  public boolean checkFormat(JsonNode root, String expected) {
    if (!root.isObject()) {
      problem("$", "expected a JSON object, but found %s", describe(root));
      return false;
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isTextual()) {
      problem("$.format", "expected the string \"%s\", but found %s", expected, describe(format));
      return false;
    }
    if (!format.asText().equals(expected)) {
      problem("$.format", "unsupported format \"%s\"; this reader understands \"%s\"",
          format.asText(), expected);
      return false;
    }
    return true;
  }

  /** Reports every field of {@code object} not in {@code known}. */
  public void unknownFields(JsonNode object, String path, Collection<String> known) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        problem(path + "." + name, "unknown field '%s'; known fields: %s", name, known);
      }
    }
  }

  /** A required non-blank string field; {@code null} (and a problem) if missing or wrong. */
  public @Nullable String text(JsonNode object, String field, String path) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      problem(path + "." + field, "required string is missing");
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problem(path + "." + field, "expected a non-blank string, but found %s", describe(v));
      return null;
    }
    return v.asText();
  }

  /** An optional string field (absent or null → empty); a problem if present but not a string. */
  public Optional<String> optionalText(JsonNode object, String field, String path) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problem(path + "." + field, "expected a non-blank string, but found %s", describe(v));
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  /** A required finite number; {@code null} (and a problem) if missing or wrong. */
  public @Nullable Double number(JsonNode object, String field, String path) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      problem(path + "." + field, "required number is missing");
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      problem(path + "." + field, "expected a finite number, but found %s", describe(v));
      return null;
    }
    return v.asDouble();
  }

  /** A required integer; {@code null} (and a problem) if missing or wrong. */
  public @Nullable Integer integer(JsonNode object, String field, String path) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      problem(path + "." + field, "required integer is missing");
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      problem(path + "." + field, "expected an integer, but found %s", describe(v));
      return null;
    }
    return v.asInt();
  }

  /** An optional boolean (absent → {@code fallback}); a problem if present but not a boolean. */
  public boolean bool(JsonNode object, String field, String path, boolean fallback) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      problem(path + "." + field, "expected true or false, but found %s", describe(v));
      return fallback;
    }
    return v.asBoolean();
  }

  /**
   * The elements of an array field, each to be read at {@code path.field[i]}; empty (and a
   * problem when {@code required}) if missing, and a problem if not an array.
   */
  public List<JsonNode> array(JsonNode object, String field, String path, boolean required) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problem(path + "." + field, "required array is missing");
      }
      return List.of();
    }
    if (!(v instanceof ArrayNode)) {
      problem(path + "." + field, "expected an array, but found %s", describe(v));
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>(v.size());
    v.forEach(out::add);
    return out;
  }

  /**
   * An array field of non-blank strings, each read at {@code path.field[i]}; a problem for each
   * element that is not a non-blank string (and for a missing array when {@code required}).
   */
  public List<String> strings(JsonNode object, String field, String path, boolean required) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = array(object, field, path, required);
    for (int i = 0; i < items.size(); i++) {
      JsonNode v = items.get(i);
      if (!v.isTextual() || v.asText().isBlank()) {
        problem(path + "." + field + "[" + i + "]", "expected a non-blank string, but found %s",
            describe(v));
      } else {
        out.add(v.asText());
      }
    }
    return out;
  }

  /** Reads one object of an array; see {@link #objects}. */
  @FunctionalInterface
  public interface ObjectReader {
    /** Reads {@code object}, found at {@code path} (e.g. {@code $.grants[3]}). */
    void read(JsonNode object, String path);
  }

  /**
   * Reads each element of an array field of objects: an element that is not an object is a
   * problem at {@code path.field[i]}, a field not in {@code knownFields} is a problem at its path,
   * and every object is handed to {@code reader} with its path. A missing array is a problem only
   * when {@code required}.
   */
  public void objects(JsonNode parent, String field, String path, boolean required,
      Collection<String> knownFields, ObjectReader reader) {
    List<JsonNode> items = array(parent, field, path, required);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = path + "." + field + "[" + i + "]";
      if (requireObject(item, at)) {
        unknownFields(item, at, knownFields);
        reader.read(item, at);
      }
    }
  }

  /** Whether {@code node} is an object; if not, records a problem at {@code path}. */
  public boolean requireObject(JsonNode node, String path) {
    if (node.isObject()) {
      return true;
    }
    problem(path, "expected an object, but found %s", describe(node));
    return false;
  }

  /** A short description of a JSON value for messages: its type and, for scalars, its value. */
  public static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    JsonNodeType t = node.getNodeType();
    switch (t) {
      case STRING:
        return "the string \"" + node.asText() + "\"";
      case NUMBER:
        return "the number " + node.asText();
      case BOOLEAN:
        return node.asText();
      case NULL:
        return "null";
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      default:
        return t.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

package org.crmkit.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** One JSON object being written (the schema test checks that written fields are declared). */
final class Out {
  final ObjectNode node;

  Out(ObjectNode node) {
    this.node = node;
  }

  /** A new document whose first field is {@code "format": format}. */
  static Out document(String format) {
    Out o = new Out(JsonText.MAPPER.createObjectNode());
    o.node.put("format", format);
    return o;
  }

  /**
   * Writes a field: a boolean, an integer ({@code Integer} or {@code Long}), a {@code Double}, or
   * any other value's string; nothing if {@code value} is null.
   */
  Out put(String f, @Nullable Object value) {
    if (value instanceof Boolean b) {
      node.put(f, b);
    } else if (value instanceof Integer || value instanceof Long) {
      node.put(f, ((Number) value).longValue());
    } else if (value instanceof Double d) {
      node.put(f, d);
    } else if (value != null) {
      node.put(f, value.toString());
    }
    return this;
  }

  /** Writes {@code true}, or nothing when {@code value} is false (the default). */
  Out flag(String f, boolean value) {
    return value ? put(f, true) : this;
  }

  /** An array of the values' strings; nothing if empty. */
  Out strings(String f, Collection<?> values) {
    if (!values.isEmpty()) {
      ArrayNode a = node.putArray(f);
      values.forEach(v -> a.add(v.toString()));
    }
    return this;
  }

  /** A nested object. */
  Out object(String f) {
    return new Out(node.putObject(f));
  }

  /** Ensures the array field exists (written even when empty). */
  Out array(String f) {
    if (node.get(f) == null) {
      node.putArray(f);
    }
    return this;
  }

  /** Appends a new object to the array field (created if needed) and returns it. */
  Out element(String f) {
    array(f);
    return new Out(((ArrayNode) node.get(f)).addObject());
  }

  /** The document's pretty-printed text. */
  String text() {
    return JsonText.write(node);
  }
}

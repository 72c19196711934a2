package org.crmkit.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.crmkit.json.Shape.Field;
import org.jspecify.annotations.Nullable;

/** One JSON object being written; fields are named only through {@link Field} constants. */
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

  /** Writes a string field; nothing if {@code value} is null. */
  Out put(Field f, @Nullable Object value) {
    if (value != null) {
      node.put(f.name(), value.toString());
    }
    return this;
  }

  Out number(Field f, long value) {
    node.put(f.name(), value);
    return this;
  }

  Out number(Field f, double value) {
    node.put(f.name(), value);
    return this;
  }

  Out bool(Field f, boolean value) {
    node.put(f.name(), value);
    return this;
  }

  /** Writes {@code true}, or nothing when {@code value} is false (the default). */
  Out flag(Field f, boolean value) {
    return value ? bool(f, true) : this;
  }

  /** An array of the values' strings; nothing if empty. */
  Out strings(Field f, Collection<?> values) {
    if (!values.isEmpty()) {
      ArrayNode a = node.putArray(f.name());
      values.forEach(v -> a.add(v.toString()));
    }
    return this;
  }

  /** A nested object. */
  Out object(Field f) {
    return new Out(node.putObject(f.name()));
  }

  /** Ensures the array field exists (written even when empty). */
  Out array(Field f) {
    if (node.get(f.name()) == null) {
      node.putArray(f.name());
    }
    return this;
  }

  /** Appends a new object to the array field (created if needed) and returns it. */
  Out element(Field f) {
    array(f);
    return new Out(((ArrayNode) node.get(f.name())).addObject());
  }

  /** The document's pretty-printed text. */
  String text() {
    return JsonText.write(node);
  }
}

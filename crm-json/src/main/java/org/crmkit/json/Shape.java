package org.crmkit.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one JSON object shape, declared once in a table ({@code new Shape("grant",
 * "role", "objectType", "scope", "actions", "note?")}, a trailing {@code ?} marking an optional
 * field): the declaration drives the unknown-field check, the readers (which may name only
 * declared fields, see {@link In}) and the schema agreement test, which also checks what writers
 * write.
 */
final class Shape {
  private final String name;
  private final List<Field> fields = new ArrayList<>();

  /** A shape with the fields {@code fields}, each required unless it ends with {@code ?}. */
  Shape(String name, String... fields) {
    this.name = name;
    add(fields);
  }

  /** A document's root shape: the required {@code format}, then {@code fields}. */
  static Shape document(String name, String... fields) {
    return new Shape(name, "format").add(fields);
  }

  /** Adds fields, each required unless it ends with {@code ?}. */
  Shape add(String... fields) {
    for (String f : fields) {
      this.fields.add(new Field(f.replace("?", ""), !f.endsWith("?")));
    }
    return this;
  }

  String name() {
    return name;
  }

  /**
   * The declared field {@code name}.
   *
   * @throws IllegalStateException if the shape has no such field (a bug in a reader)
   */
  Field field(String name) {
    for (Field f : fields) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalStateException("crmkit bug: " + this.name + " declares no field " + name);
  }

  List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  List<String> requiredNames() {
    return fields.stream().filter(Field::required).map(Field::name).toList();
  }

  /** A JSON field of a {@link Shape}. */
  record Field(String name, boolean required) {}
}

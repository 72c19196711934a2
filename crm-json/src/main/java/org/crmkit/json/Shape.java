package org.crmkit.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one JSON object shape, declared once: the declaration drives the unknown-field
 * check, the readers and writers (which name fields only through {@link Field} constants) and the
 * schema agreement test. Declare the shape, then its fields, as static constants.
 */
final class Shape {
  private final String name;
  private final List<Field> fields = new ArrayList<>();

  Shape(String name) {
    this.name = name;
  }

  /** A field that must be present. */
  Field required(String field) {
    return add(new Field(field, true));
  }

  /** A field that may be absent. */
  Field optional(String field) {
    return add(new Field(field, false));
  }

  private Field add(Field f) {
    fields.add(f);
    return f;
  }

  String name() {
    return name;
  }

  List<Field> fields() {
    return List.copyOf(fields);
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

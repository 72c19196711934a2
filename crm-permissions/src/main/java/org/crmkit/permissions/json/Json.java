package org.crmkit.permissions.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.permissions.Condition;
import org.crmkit.permissions.Group;
import org.jspecify.annotations.Nullable;

/** Small shared reading helpers on top of {@link JsonReading}. Package-private. */
final class Json {
  private Json() {}

  static List<String> strings(JsonReading r, JsonNode obj, String field, String path,
      boolean required) {
    return r.strings(obj, field, path, required);
  }

  /** Parses each string with {@code parse}, reporting the parser's message at its path. */
  static <T> List<T> parsed(JsonReading r, JsonNode obj, String field, String path,
      boolean required, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    List<String> raw = strings(r, obj, field, path, required);
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(parse.apply(raw.get(i)));
      } catch (CrmException e) {
        r.problem(path + "." + field + "[" + i + "]", "%s", e.getMessage());
      }
    }
    return out;
  }

  static <T> @Nullable T parsedText(JsonReading r, JsonNode obj, String field, String path,
      Function<String, T> parse) {
    String s = r.text(obj, field, path);
    if (s == null) {
      return null;
    }
    try {
      return parse.apply(s);
    } catch (CrmException e) {
      r.problem(path + "." + field, "%s", e.getMessage());
      return null;
    }
  }

  /** A group: an object with exactly one of user, role, roleAndBelow, team, orgUnit, … keys. */
  static @Nullable Group group(JsonReading r, JsonNode obj, String field, String path) {
    JsonNode g = obj.get(field);
    String at = path + "." + field;
    if (g == null || g.isNull()) {
      r.problem(at, "required group is missing; expected an object such as {\"role\": \"rep\"}");
      return null;
    }
    if (!g.isObject() || g.size() != 1) {
      r.problem(at, "expected an object with exactly one of %s, but found %s", kinds(),
          JsonReading.describe(g));
      return null;
    }
    Map.Entry<String, JsonNode> e = g.fields().next();
    for (Group.Kind k : Group.Kind.values()) {
      if (k.label().equals(e.getKey())) {
        if (k == Group.Kind.EVERYONE) {
          if (!e.getValue().isBoolean() || !e.getValue().asBoolean()) {
            r.problem(at + ".everyone", "expected true, but found %s",
                JsonReading.describe(e.getValue()));
            return null;
          }
          return Group.everyone();
        }
        if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
          r.problem(at + "." + e.getKey(), "expected a non-blank string, but found %s",
              JsonReading.describe(e.getValue()));
          return null;
        }
        return new Group(k, e.getValue().asText());
      }
    }
    r.problem(at + "." + e.getKey(), "unknown group kind '%s'; known: %s", e.getKey(), kinds());
    return null;
  }

  private static List<String> kinds() {
    List<String> out = new ArrayList<>();
    for (Group.Kind k : Group.Kind.values()) {
      out.add(k.label());
    }
    return out;
  }

  /** Conditions: an object attribute → string or array of strings; absent → empty. */
  static List<Condition> conditions(JsonReading r, JsonNode obj, String field, String path) {
    JsonNode w = obj.get(field);
    List<Condition> out = new ArrayList<>();
    if (w == null || w.isNull()) {
      return out;
    }
    String at = path + "." + field;
    if (!w.isObject()) {
      r.problem(at, "expected an object of attribute conditions, but found %s",
          JsonReading.describe(w));
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        values.add(v.asText());
      } else if (v.isArray() && v.size() > 0) {
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isTextual()) {
            r.problem(at + "." + e.getKey() + "[" + i + "]", "expected a string, but found %s",
                JsonReading.describe(v.get(i)));
          } else {
            values.add(v.get(i).asText());
          }
        }
      } else {
        r.problem(at + "." + e.getKey(), "expected a string or a non-empty array of strings, but"
            + " found %s", JsonReading.describe(v));
      }
      if (!values.isEmpty() && !e.getKey().isBlank()) {
        out.add(new Condition(e.getKey(), java.util.Set.copyOf(values)));
      }
    }
    return out;
  }

  static Map<String, String> stringMap(JsonReading r, JsonNode obj, String field, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode m = obj.get(field);
    if (m == null || m.isNull()) {
      return out;
    }
    if (!m.isObject()) {
      r.problem(path + "." + field, "expected an object of strings, but found %s",
          JsonReading.describe(m));
      return out;
    }
    m.fields().forEachRemaining(e -> {
      if (e.getValue().isTextual()) {
        out.put(e.getKey(), e.getValue().asText());
      } else {
        r.problem(path + "." + field + "." + e.getKey(), "expected a string, but found %s",
            JsonReading.describe(e.getValue()));
      }
    });
    return out;
  }
}

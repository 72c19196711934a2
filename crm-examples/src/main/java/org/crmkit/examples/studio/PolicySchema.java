package org.crmkit.examples.studio;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The policy document's JSON Schema (draft 2020-12, shipped in crm-json), checked with the
 * networknt validator before the reader runs, so the editor shows what the schema says beside
 * what the reader says. Thread-safe: the compiled schema is immutable.
 */
final class PolicySchema {
  static final String RESOURCE = "/META-INF/crmkit/schemas/policy-1.schema.json";

  private static final @Nullable Schema SCHEMA = load();

  private PolicySchema() {}

  /** Whether the schema is on the class path. */
  static boolean present() {
    return SCHEMA != null;
  }

  /** Every schema violation of {@code json}, as JSON path and message; empty when valid. */
  static List<Map<String, String>> problems(String json) {
    List<Map<String, String>> out = new ArrayList<>();
    Schema schema = SCHEMA;
    if (schema == null) {
      return out;
    }
    List<Error> errors;
    try {
      errors = schema.validate(json, InputFormat.JSON);
    } catch (RuntimeException e) {
      return out;   // not JSON at all: the reader names the parse error with its position
    }
    for (Error e : errors) {
      out.add(Map.of("path", jsonPath(e.getInstanceLocation().toString()), "message", e.getMessage(),
          "source", "schema"));
    }
    return out;
  }

  /**
   * A JSON Pointer ({@code /grants/0/scope}) as the JSON path the readers use ({@code
   * $.grants[0].scope}); a path already in that form is returned as it is.
   */
  static String jsonPath(String pointer) {
    if (pointer.startsWith("$")) {
      return pointer;
    }
    StringBuilder b = new StringBuilder("$");
    if (pointer.isEmpty()) {
      return b.toString();
    }
    for (String part : pointer.substring(1).split("/", -1)) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.matches("0|[1-9][0-9]*")) {
        b.append('[').append(name).append(']');
      } else {
        b.append('.').append(name);
      }
    }
    return b.toString();
  }

  private static @Nullable Schema load() {
    try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

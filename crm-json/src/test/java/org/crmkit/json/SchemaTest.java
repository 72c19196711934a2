package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.lifecycle.Guard;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every versioned document has a JSON Schema (draft 2020-12) in the jar and in {@code
 * docs/schemas/}; every example and test document validates against it (networknt
 * json-schema-validator); and schema and reader agree on the fields of every object and on which
 * are required.
 */
class SchemaTest {
  static final Path ROOT = TestDocuments.ROOT;
  static final Path DOCS = TestDocuments.DOCS;
  static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  static final JsonMapper JSON = JsonMapper.builder().build();

  static String schemaText(String name) throws IOException {
    try (InputStream in = HierarchyJson.class.getResourceAsStream("/META-INF/crmkit/schemas/" + name
        + ".schema.json")) {
      assertThat(in).as("schema %s in the jar", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Schema schema(String name) throws IOException {
    return REGISTRY.getSchema(schemaText(name), InputFormat.JSON);
  }

  @Test
  void theJarAndDocsHoldTheSameSchemasOnePerDocument() throws Exception {
    Set<String> docs = new HashSet<>();
    try (Stream<Path> files = Files.list(DOCS)) {
      files.filter(f -> f.toString().endsWith(".schema.json"))
          .forEach(f -> docs.add(f.getFileName().toString().replace(".schema.json", "")));
    }
    assertThat(docs).containsExactlyInAnyOrderElementsOf(
        TestDocuments.ALL.stream().map(TestDocuments.Doc::name).toList());
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      assertThat(Files.readString(DOCS.resolve(d.name() + ".schema.json")))
          .as("docs/schemas/%s.schema.json equals the jar's copy", d.name())
          .isEqualTo(schemaText(d.name()));
      JsonNode schema = JSON.readTree(schemaText(d.name()));
      assertThat(schema.get("$schema").asString())
          .isEqualTo("https://json-schema.org/draft/2020-12/schema");
      String format = (String) d.reader().getField("FORMAT").get(null);
      assertThat(schema.at("/properties/format/const").asString()).isEqualTo(format);
    }
  }

  @Test
  void schemasAreValidDraft202012Schemas() throws IOException {
    Schema meta = REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of(
        "https://json-schema.org/draft/2020-12/schema"));
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      assertThat(meta.validate(schemaText(d.name()), InputFormat.JSON)).as(d.name()).isEmpty();
    }
  }

  @Test
  void everyExampleValidatesAndReads() throws IOException {
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      String name = d.name().substring(0, d.name().length() - 2);
      String json = TestDocuments.example(name);
      assertThat(errors(d.name(), json)).as("docs/schemas/examples/%s.json", name).isEmpty();
      d.read().accept(json);
    }
  }

  @Test
  void everyTestDocumentValidates() throws IOException {
    Map<String, String> tests = new LinkedHashMap<>();
    tests.put("policy-1", PolicyJsonTest.POLICY);
    tests.put("access-data-1", PolicyJsonTest.DATA);
    tests.put("assignment-team-1", AssignmentJsonTest.TEAM);
    tests.put("assignment-rules-1", AssignmentJsonTest.RULES);
    tests.put("lifecycle-1", MachineJsonTest.DOOR);
    for (Map.Entry<String, String> t : tests.entrySet()) {
      assertThat(errors(t.getKey(), t.getValue())).as(t.getKey()).isEmpty();
    }
    Path access = ROOT.resolve("crm-examples/src/test/resources/access");
    assertThat(errors("policy-1", Files.readString(access.resolve("policy.json")))).isEmpty();
    assertThat(errors("access-data-1", Files.readString(access.resolve("data.json")))).isEmpty();
  }

  @Test
  void everyWrittenDocumentValidates() throws IOException {
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      Schema schema = schema(d.name());
      for (int seed = 0; seed < 40; seed++) {
        String json = d.random().apply(new Random(seed));
        assertThat(schema.validate(json, InputFormat.JSON)).as("%s, seed %s:%n%s", d.name(), seed,
            json).isEmpty();
      }
    }
  }

  @Test
  void schemaAndReaderAgreeOnFieldsAndRequiredFields() throws Exception {
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      JsonNode schema = JSON.readTree(schemaText(d.name()));
      for (Shape shape : shapes(d)) {
        String key = shape.name().replace(' ', '-');
        JsonNode def = shape == d.reader().getDeclaredField("ROOT").get(null) ? schema
            : schema.path("$defs").path(key);
        assertThat(def.isObject()).as("%s: $defs/%s", d.name(), key).isTrue();
        List<String> properties = new ArrayList<>(def.path("properties").propertyNames());
        assertThat(properties).as("%s: fields of %s", d.name(), key)
            .containsExactlyInAnyOrderElementsOf(shape.names());
        List<String> required = new ArrayList<>();
        def.path("required").forEach(n -> required.add(n.asString()));
        assertThat(required).as("%s: required fields of %s", d.name(), key)
            .containsExactlyInAnyOrderElementsOf(shape.requiredNames());
        assertThat(def.path("additionalProperties").isBoolean()
            && !def.path("additionalProperties").asBoolean())
            .as("%s: %s rejects unknown fields", d.name(), key).isTrue();
      }
    }
  }

  @Test
  void unknownFieldsAndMissingRequiredFieldsFailBoth() throws IOException {
    String json = TestDocuments.example("policy").replaceFirst("\"roles\"", "\"rolez\"");
    assertThat(errors("policy-1", json)).isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyJson.readDocument(json))
        .hasMessageContaining("$.rolez: unknown field").hasMessageContaining("$.roles: required");
  }

  private static List<Shape> shapes(TestDocuments.Doc d) throws IllegalAccessException {
    List<Shape> out = new ArrayList<>(d.shared());
    for (Field f : d.reader().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Object v = f.get(null);
      if (v instanceof Shape s) {
        out.add(s);
      } else if (v instanceof Users u) {
        out.add(u.shape);
      } else if (v instanceof ClvModelJson.Section s) {
        out.add(s.shape);
        out.add(s.errorShape);
      }
    }
    return out;
  }

  private static List<Error> errors(String schema, String json) throws IOException {
    return schema(schema).validate(json, InputFormat.JSON);
  }
}

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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.lifecycle.Guard;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.segmentation.clv.PeriodUnit;
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
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyJson.DOCUMENT.read(json))
        .hasMessageContaining("$.rolez: unknown field").hasMessageContaining("$.roles: required");
  }

  /**
   * The readers take enum values in any case (and the CLV {@code unit} with blanks around it), so
   * the schemas do too, while offering the canonical spellings for completion: every enum value of
   * every example, written in a random case, validates and reads; misspelt, it fails both.
   */
  @Test
  void schemaAndReaderAgreeOnEnumValuesInAnyCase() throws IOException {
    Random random = new Random(13);
    List<String> checked = new ArrayList<>();
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      String name = d.name().substring(0, d.name().length() - 2);
      com.fasterxml.jackson.databind.JsonNode example =
          JsonText.MAPPER.readTree(TestDocuments.example(name));
      Set<String> values = new HashSet<>();
      JSON.readTree(schemaText(d.name())).findValues("enum")
          .forEach(e -> e.forEach(v -> values.add(v.asString().toLowerCase(Locale.ROOT))));
      for (String pointer : strings(example, "")) {
        String value = example.at(pointer).asText();
        if (!values.contains(value.toLowerCase(Locale.ROOT))) {
          continue;
        }
        StringBuilder mixed = new StringBuilder();
        value.chars().forEach(c -> mixed.append((char) (random.nextBoolean()
            ? Character.toUpperCase(c) : Character.toLowerCase(c))));
        String json = replaced(example, pointer, mixed.toString());
        assertThat(errors(d.name(), json)).as("%s%s = %s", name, pointer, mixed).isEmpty();
        d.read().accept(json);
        String wrong = replaced(example, pointer, mixed + "x");
        assertThat(errors(d.name(), wrong)).as("%s%s = %sx", name, pointer, mixed).isNotEmpty();
        String path = "$" + pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.') + ":";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.read().accept(wrong))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining(path);
        checked.add(name + pointer);
      }
    }
    // every enum of every schema occurs in its example: 36 values at 16 kinds of place
    assertThat(checked).hasSize(36).contains("rfm-model/ties", "clv-model/unit",
        "assignment-team/users/1/workingHours/days/0", "policy/fields/0/access");
    String blanks = replaced(JsonText.MAPPER.readTree(TestDocuments.example("clv-model")),
        "/unit", " Week ");
    assertThat(errors("clv-model-1", blanks)).isEmpty();
    assertThat(ClvModelJson.DOCUMENT.read(blanks).unit()).isEqualTo(PeriodUnit.WEEK);
  }

  /** The JSON pointers of the string values in {@code node}. */
  private static List<String> strings(com.fasterxml.jackson.databind.JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(at);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.addAll(strings(node.get(i), at + "/" + i));
      }
    } else {
      node.properties().forEach(e -> out.addAll(strings(e.getValue(), at + "/" + e.getKey())));
    }
    return out;
  }

  private static String replaced(com.fasterxml.jackson.databind.JsonNode document, String pointer,
      String value) throws IOException {
    com.fasterxml.jackson.databind.JsonNode copy = document.deepCopy();
    int slash = pointer.lastIndexOf('/');
    com.fasterxml.jackson.databind.JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
      a.set(Integer.parseInt(last), a.textNode(value));
    } else {
      ((com.fasterxml.jackson.databind.node.ObjectNode) parent).put(last, value);
    }
    return JsonText.MAPPER.writeValueAsString(copy);
  }

  private static List<Shape> shapes(TestDocuments.Doc d) throws IllegalAccessException {
    List<Shape> out = new ArrayList<>(d.shared());
    for (Field f : d.reader().getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Object v = f.get(null);
      for (Object o : v instanceof List<?> l ? l : List.of(v)) {
        if (o instanceof Shape s) {
          out.add(s);
        } else if (o instanceof Users u) {
          out.add(u.shape);
        } else if (o instanceof ClvModelJson.Section s) {
          out.add(s.shape);
          out.add(s.errorShape);
        }
      }
    }
    return out;
  }

  private static List<Error> errors(String schema, String json) throws IOException {
    return schema(schema).validate(json, InputFormat.JSON);
  }
}

package org.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class JsonReadingTest {
  @Test
  void collectsEveryProblemWithItsPath() {
    JsonNode root = JsonReading.parse(
        "{\"format\":\"crmkit.x/1\",\"name\":3,\"items\":{},\"extra\":true,\"n\":\"7\"}", "doc");
    JsonReading r = new JsonReading();
    assertThat(r.checkFormat(root, "crmkit.x/1")).isTrue();
    assertThat(r.text(root, "name", "$")).isNull();
    assertThat(r.array(root, "items", "$", true)).isEmpty();
    assertThat(r.number(root, "n", "$")).isNull();
    r.unknownFields(root, "$", List.of("format", "name", "items", "n"));
    assertThat(r.problems()).extracting(Object::toString).containsExactly(
        "$.name: expected a non-blank string, but found the number 3",
        "$.items: expected an array, but found an object",
        "$.n: expected a finite number, but found the string \"7\"",
        "$.extra: unknown field 'extra'; known fields: [format, name, items, n]");
    assertThatThrownBy(() -> r.throwIfAny("document"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("invalid document (4 problems)");
  }

  @Test
  void readsArraysOfObjectsWithTheirPaths() {
    JsonNode root = JsonReading.parse(
        "{\"items\": [{\"id\": \"a\"}, 7, {\"id\": \"b\", \"extra\": 1}]}", "doc");
    JsonReading r = new JsonReading();
    List<String> read = new java.util.ArrayList<>();
    r.objects(root, "items", "$", true, List.of("id"), (item, at) -> read.add(at + "=" + r.text(item, "id", at)));
    assertThat(read).containsExactly("$.items[0]=a", "$.items[2]=b");
    assertThat(r.problems()).extracting(Object::toString).containsExactly(
        "$.items[1]: expected an object, but found the number 7",
        "$.items[2].extra: unknown field 'extra'; known fields: [id]");
    JsonReading missing = new JsonReading();
    missing.objects(root, "other", "$", true, List.of(), (item, at) -> read.add(at));
    assertThat(missing.problems()).extracting(Object::toString)
        .containsExactly("$.other: required array is missing");
  }

  @Test
  void rejectsWrongFormatAndBadSyntax() {
    JsonReading r = new JsonReading();
    assertThat(r.checkFormat(JsonReading.parse("{\"format\":\"crmkit.y/2\"}", "doc"), "crmkit.x/1")).isFalse();
    assertThat(r.problems().get(0).message()).contains("unsupported format \"crmkit.y/2\"");
    assertThatThrownBy(() -> JsonReading.parse("{\"a\": [1,", "policy"))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$: not valid JSON at line 1");
  }
}

package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.DatedHierarchy;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict parsing in every format: duplicate keys are errors with their path, a UTF-8 byte order
 * mark is accepted, the format and version are checked first, parser limits and bad encodings are
 * reported in plain words with a path.
 */
class StrictParsingTest {

  private static Problem only(Runnable read) {
    try {
      read.run();
    } catch (InvalidDefinitionException e) {
      assertThat(e.problems()).hasSize(1);
      assertThat(e.getMessage()).doesNotContain("com.fasterxml", "StreamReadConstraints",
          "Exception");
      return e.problems().get(0);
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void aDuplicateKeyIsAnErrorWithItsPathInEveryFormat() {
    for (TestDocuments.Doc d : TestDocuments.ALL) {
      String example = TestDocuments.example(d.name().substring(0, d.name().length() - 2));
      String duplicated = example.replaceFirst("\\{", "{\"format\": \"x\", ");
      Problem p = only(() -> d.read().accept(duplicated));
      assertThat(p.path()).as(d.name()).isEqualTo("$.format");
      assertThat(p.message()).as(d.name())
          .startsWith("duplicate key \"format\": a key may appear only once in an object");
    }
  }

  @Test
  void anAppendedEmptyDenyListCannotSilentlyTurnADenyIntoAnAllow() {
    AccessData data = AccessDataJson.DOCUMENT.read(PolicyJsonTest.DATA);
    AccessPolicy policy = PolicyJson.read(PolicyJsonTest.POLICY, data.organisation());
    AccessDecision export = policy.check(data.organisation().users().get(0), Action.EXPORT,
        data.records().get(1));
    assertThat(export.allowed()).isFalse();
    String tampered = PolicyJsonTest.POLICY.strip();
    tampered = tampered.substring(0, tampered.length() - 1) + ", \"denies\": []}";
    String attack = tampered;
    Problem p = only(() -> PolicyJson.read(attack, data.organisation()));
    assertThat(p.path()).isEqualTo("$.denies");
    assertThat(p.message()).startsWith("duplicate key \"denies\"").contains("line 22");
  }

  @Test
  void nestedDuplicatesNameTheirElement() {
    Problem p = only(() -> HierarchyJson.read(
        "{\"format\": \"crmkit.hierarchy/1\", \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\","
            + " \"id\": \"c\"}]}", s -> s));
    assertThat(p.path()).isEqualTo("$.nodes[1].id");
  }

  @Test
  void aByteOrderMarkIsAcceptedFromEverySource(@TempDir Path dir) throws Exception {
    String json = TestDocuments.example("hierarchy");
    Hierarchy<String> plain = HierarchyJson.readDated(json, s -> s).asOf(
        java.time.LocalDate.of(2024, 1, 1));
    String bom = "\uFEFF" + json;
    byte[] bytes = bom.getBytes(StandardCharsets.UTF_8);
    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    Path file = Files.write(dir.resolve("h.json"), bytes);
    assertThat(HierarchyJson.readDated(bom, s -> s).asOf(java.time.LocalDate.of(2024, 1, 1)))
        .isEqualTo(plain);
    JsonDocument<DatedHierarchy<String>> dated = HierarchyJson.datedDocument(s -> s, s -> s);
    assertThat(dated.read(file).asOf(java.time.LocalDate.of(2024, 1, 1)))
        .isEqualTo(plain);
    assertThat(dated.read(new ByteArrayInputStream(bytes))
        .asOf(java.time.LocalDate.of(2024, 1, 1))).isEqualTo(plain);
    assertThat(dated.read(new StringReader(bom))
        .asOf(java.time.LocalDate.of(2024, 1, 1))).isEqualTo(plain);
  }

  @Test
  void theFormatAndVersionAreCheckedFirst() {
    Problem p = only(() -> PolicyJson.DOCUMENT.read(
        "{\"format\": \"crmkit.policy/2\", \"roles\": 7, \"colour\": true}"));
    assertThat(p.toString()).isEqualTo(
        "$.format: unsupported version \"crmkit.policy/2\"; this reader understands"
            + " \"crmkit.policy/1\"");
    assertThat(only(() -> PolicyJson.DOCUMENT.read("{\"roles\": []}")).toString())
        .isEqualTo("$.format: expected the string \"crmkit.policy/1\", but found nothing");
    assertThat(only(() -> RfmModelJson.DOCUMENT.read("{\"format\": \"crmkit.policy/1\"}")).message())
        .startsWith("unsupported format \"crmkit.policy/1\"");
  }

  @Test
  void parserLimitsAreProblemsInPlainWords() {
    String deep = "[".repeat(100) + "]".repeat(100);
    Problem nesting = only(() -> SegmentRulesJson.read(
        "{\"format\": \"crmkit.segment-rules/1\", \"rules\": " + deep + "}"));
    assertThat(nesting.path()).startsWith("$.rules[0][0][0]");
    assertThat(nesting.message())
        .startsWith("objects and arrays are nested more than 64 levels deep at line 1");
    Problem number = only(() -> HierarchyJson.read("{\"format\": \"crmkit.hierarchy/1\","
        + " \"maxDepth\": 1" + "0".repeat(200) + ", \"nodes\": []}", s -> s));
    assertThat(number.toString()).startsWith(
        "$.maxDepth: a number is longer than 100 characters at line 1");
    Problem string = only(() -> HierarchyJson.read("{\"format\": \"crmkit.hierarchy/1\","
        + " \"nodes\": [{\"id\": \"" + "x".repeat(1_000_001) + "\"}]}", s -> s));
    assertThat(string.toString()).startsWith(
        "$.nodes[0].id: a string is longer than 1000000 characters");
    for (String n : List.of("1e9999999999", "-1e-9999999999", "1e999", "0.1e-400")) {
      Problem huge = only(() -> ClvModelJson.DOCUMENT.read(TestDocuments.example("clv-model")
          .replace("\"r\": 0.243", "\"r\": " + n)));
      assertThat(huge.path()).as(n).startsWith("$.bg_nbd");
    }
    Problem key = only(() -> HierarchyJson.read("{\"format\": \"crmkit.hierarchy/1\", \""
        + "k".repeat(20_000) + "\": 1, \"nodes\": []}", s -> s));
    assertThat(key.message()).startsWith("a key is longer than 10000 characters");
  }

  @Test
  void badEncodingsTrailingContentAndEmptyDocuments() {
    byte[] latin1 = "{\"format\": \"crmkit.hierarchy/1\",\n \"nodes\": [{\"id\": \"M\u00fcnchen\"}]}"
        .getBytes(StandardCharsets.ISO_8859_1);
    Problem encoding = only(() -> {
      try {
        HierarchyJson.document(s -> s, s -> s).read(new ByteArrayInputStream(latin1));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThat(encoding.toString()).isEqualTo("$: not UTF-8: the byte 0xFC at line 2 (byte offset"
        + " 53) is not valid UTF-8; save the file as UTF-8");
    assertThat(only(() -> AssignmentStateJson.DOCUMENT.read(
        "{\"format\": \"crmkit.assignment-state/1\"} {}")).toString())
        .isEqualTo("$: unexpected content after the document at line 1, column 42");
    assertThat(only(() -> AssignmentStateJson.DOCUMENT.read("  ")).toString())
        .isEqualTo("$: the document is empty");
    assertThat(only(() -> AssignmentStateJson.DOCUMENT.read("{\"format\": ")).toString())
        .startsWith("$: not valid JSON at line 1, column 12: Unexpected end-of-input");
  }
}

package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;

/**
 * One versioned document type ({@code "format": "crmkit.rfm-model/1"} and the others in the
 * README): reads a value from a {@code String}, {@code Reader}, {@code InputStream} or {@code
 * Path} and writes it back, so that reading the written text gives an equal value. Get one from
 * its document class ({@link RfmModelJson#DOCUMENT}, {@link HierarchyJson#document}, …).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * RfmModel model = RfmModelJson.DOCUMENT.read(Path.of("model.json"));
 * String json = RfmModelJson.DOCUMENT.write(model);
 * }</pre>
 *
 * <p>Every {@code read} throws {@link InvalidDefinitionException} listing every problem with its
 * JSON path, as the document class describes; text must be UTF-8 (a byte order mark is skipped).
 *
 * @param <T> the type of the document's value
 */
public final class JsonDocument<T> {
  private final String format;
  private final Shape root;
  private final In.Read<T> reading;
  private final Function<T, Out> writing;

  /**
   * A document type: {@code reading} reads the opened root object (null only with problems
   * recorded); {@code writing} writes a value from {@link Out#document}.
   */
  JsonDocument(String format, Shape root, In.Read<T> reading, Function<T, Out> writing) {
    this.format = format;
    this.root = root;
    this.reading = reading;
    this.writing = writing;
  }

  /** The value of the document's {@code format} field, for example {@code "crmkit.policy/1"}. */
  public String format() {
    return format;
  }

  /**
   * Reads a document from its text.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path
   */
  public T read(String json) {
    return read(JsonText.parse(Objects.requireNonNull(json, "json"), root.name()));
  }

  /**
   * Reads a document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException listing every problem with its JSON path
   */
  public T read(Reader in) throws IOException {
    StringWriter text = new StringWriter();
    Objects.requireNonNull(in, "in").transferTo(text);
    return read(text.toString());
  }

  /**
   * Reads a UTF-8 document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException listing every problem with its JSON path, or the line and
   *     byte offset of the first byte that is not UTF-8
   */
  public T read(InputStream in) throws IOException {
    return read(JsonText.utf8(Objects.requireNonNull(in, "in").readAllBytes()));
  }

  /**
   * Reads a UTF-8 document from a file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(InputStream)}
   */
  public T read(Path file) throws IOException {
    return read(JsonText.utf8(Files.readAllBytes(Objects.requireNonNull(file, "file"))));
  }

  /**
   * The document of {@code value}, pretty-printed, ending with a line break.
   *
   * @throws CrmException if {@code value} cannot be written so that it reads back (the document
   *     class says when)
   */
  public String write(T value) {
    return JsonText.write(tree(value));
  }

  /**
   * Reads a parsed document (the values module reads models and states through this): its
   * {@code format} is checked first, and nothing else is reported when it is wrong.
   */
  T read(JsonNode node) {
    Problems p = new Problems(root.name());
    JsonNode f = node.get("format");
    if (!node.isObject()) {
      p.add(In.ROOT, "expected a JSON object, but found %s", Problems.describe(node));
    } else if (f == null || !f.isTextual()) {
      p.add(In.ROOT.field("format"), "expected the string \"%s\", but found %s", format,
          Problems.describe(f));
    } else if (!f.asText().equals(format)) {
      String kind = f.asText().startsWith(format.substring(0, format.indexOf('/') + 1))
          ? "version" : "format";
      p.add(In.ROOT.field("format"), "unsupported %s \"%s\"; this reader understands \"%s\"",
          kind, f.asText(), format);
    }
    p.throwIfAny();
    T value = reading.read(Objects.requireNonNull(In.object(p, node, In.ROOT, root)));
    p.throwIfAny();
    return Objects.requireNonNull(value, "a document read without problems has a value");
  }

  /** The document's tree, {@code "format"} first. */
  ObjectNode tree(T value) {
    return writing.apply(Objects.requireNonNull(value, "value")).node;
  }
}

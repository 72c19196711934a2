package org.crmkit.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.ProblemPath;
import org.jspecify.annotations.Nullable;

/**
 * Strict JSON text in and out: UTF-8 only (a byte order mark is skipped), duplicate keys are
 * errors, nothing may follow the document, and parser limits are reported in plain words with
 * the path where they were hit. Thread-safe.
 */
final class JsonText {
  /** Deepest nesting of objects and arrays accepted. */
  static final int MAX_DEPTH = 64;
  /** Longest number (in characters) accepted. */
  static final int MAX_NUMBER_LENGTH = 100;
  /** Longest string value (in characters) accepted. */
  static final int MAX_STRING_LENGTH = 1_000_000;
  /** Longest key (in characters) accepted. */
  static final int MAX_KEY_LENGTH = 10_000;

  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH)
              .maxNameLength(MAX_KEY_LENGTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      // keeps a decimal's exact digits; In.number parses them to the same double as the text
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private JsonText() {}

  /** The text of {@code bytes}, which must be UTF-8. */
  static String utf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new InvalidDefinitionException("JSON document", List.of(Problem.of("$",
          "not UTF-8: the byte 0x%02X at line %d (byte offset %d) is not valid UTF-8; save the"
              + " file as UTF-8", bytes[at] & 0xFF, line, at)));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /**
   * Parses one JSON value.
   *
   * @throws InvalidDefinitionException for a syntax error, a duplicate key, content after the
   *     value or a parser limit, with the path and line and column where it was found
   */
  static JsonNode parse(String json, String what) {
    try (JsonParser p = MAPPER.createParser(json.startsWith("\uFEFF") ? json.substring(1) : json)) {
      try {
        JsonNode node = MAPPER.readTree(p);
        if (node == null || node.isMissingNode()) {
          throw new InvalidDefinitionException(what,
              List.of(new Problem("$", "the document is empty")));
        }
        if (p.nextToken() != null) {
          throw new InvalidDefinitionException(what, List.of(Problem.of("$",
              "unexpected content after the document at line %d, column %d",
              p.currentLocation().getLineNr(), p.currentLocation().getColumnNr())));
        }
        return node;
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        String where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String message = explain(e, p);
        Problem problem = message == null
            ? new Problem("$", "not valid JSON" + where + ": " + e.getOriginalMessage())
            : new Problem(path(p.getParsingContext()), message + where);
        throw new InvalidDefinitionException(what, List.of(problem));
      } catch (NumberFormatException e) {
        // a decimal whose exponent does not fit (1e9999999999): Jackson does not wrap it
        JsonLocation at = p.currentLocation();
        throw new InvalidDefinitionException(what, List.of(new Problem(path(p.getParsingContext()),
            "a number is out of range at line " + at.getLineNr() + ", column "
                + at.getColumnNr())));
      }
    } catch (IOException e) {
      throw new CrmException("cannot read the " + what + ": " + e.getMessage(), e);
    }
  }

  /** A plain explanation of a limit or duplicate key, or null for another syntax error. */
  private static @Nullable String explain(JsonProcessingException e, JsonParser p) {
    String m = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      if (m.contains("nesting depth")) {
        return "objects and arrays are nested more than " + MAX_DEPTH + " levels deep";
      } else if (m.startsWith("Number")) {
        return "a number is longer than " + MAX_NUMBER_LENGTH + " characters";
      } else if (m.startsWith("String")) {
        return "a string is longer than " + MAX_STRING_LENGTH + " characters";
      } else if (m.startsWith("Name")) {
        return "a key is longer than " + MAX_KEY_LENGTH + " characters";
      }
      return "the document exceeds a size limit";
    }
    if (m.startsWith("Duplicate")) {
      String key = p.getParsingContext().getCurrentName();
      return "duplicate key \"" + key + "\": a key may appear only once in an object";
    }
    return null;
  }

  private static ProblemPath path(JsonStreamContext context) {
    Deque<Object> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        segments.push(c.getCurrentIndex());
      } else if (c.getCurrentName() != null) {
        segments.push(c.getCurrentName());
      }
    }
    ProblemPath path = ProblemPath.of("$");
    for (Object s : segments) {
      path = s instanceof Integer ? path.index((Integer) s) : path.field((String) s);
    }
    return path;
  }

  /** The pretty-printed text of {@code document}, ending with a line break. */
  static String write(ObjectNode document) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write a JSON document: " + e.getOriginalMessage(), e);
    }
  }
}

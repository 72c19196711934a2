package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.CrmException;
import org.crmkit.core.ProblemPath;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object being read, with its path and {@link Shape}: typed field readers that record a
 * problem at the field's path and return null (or an empty value) instead of throwing, so that
 * reading goes on and every problem is reported. A field that is JSON {@code null} counts as
 * absent. Fields are named as their shape declares them (an undeclared name is a bug, thrown as
 * {@link IllegalStateException}); an object read as a map (no shape) has any keys.
 */
final class In {
  /** The path of a document's root object. */
  static final ProblemPath ROOT = ProblemPath.of("$");

  final Problems problems;
  final JsonNode node;
  final ProblemPath path;
  /** The index of this object in its array, or -1. */
  final int index;
  private final @Nullable Shape shape;

  private In(Problems problems, JsonNode node, ProblemPath path, int index,
      @Nullable Shape shape) {
    this.problems = problems;
    this.node = node;
    this.path = path;
    this.index = index;
    this.shape = shape;
  }

  /**
   * The object {@code node} of shape {@code shape} at {@code path}, after reporting each unknown
   * field; null (and a problem) if {@code node} is not an object.
   */
  static @Nullable In object(Problems problems, JsonNode node, ProblemPath path, Shape shape) {
    return object(problems, node, path, shape, -1);
  }

  private static @Nullable In object(Problems problems, JsonNode node, ProblemPath path,
      Shape shape, int index) {
    if (!node.isObject()) {
      problems.add(path, "expected an object, but found %s", Problems.describe(node));
      return null;
    }
    List<String> known = shape.names();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!known.contains(e.getKey())) {
        problems.add(path.field(e.getKey()), "unknown field '%s'; known fields: %s", e.getKey(),
            known);
      }
    }
    return new In(problems, node, path, index, shape);
  }

  /** The field name {@code f}, checked against the shape. */
  private String name(String f) {
    return shape == null ? f : shape.field(f).name();
  }

  ProblemPath at(String f) {
    return path.field(name(f));
  }

  boolean has(String f) {
    return get(f) != null;
  }

  @Nullable JsonNode get(String f) {
    JsonNode v = node.get(name(f));
    return v == null || v.isNull() ? null : v;
  }

  /** The value of a field, or null, with a problem if it is required and missing. */
  private @Nullable JsonNode value(String f, String kind) {
    JsonNode v = get(f);
    if (v == null && (shape == null || shape.field(f).required())) {
      problems.add(at(f), "required %s is missing", kind);
    }
    return v;
  }

  private <T> @Nullable T wrong(String f, JsonNode v, String expected) {
    problems.add(at(f), "expected %s, but found %s", expected, Problems.describe(v));
    return null;
  }

  /** A non-blank string. */
  @Nullable String text(String f) {
    JsonNode v = value(f, "string");
    if (v == null) {
      return null;
    }
    return v.isTextual() && !v.asText().isBlank() ? v.asText()
        : wrong(f, v, "a non-blank string");
  }

  /**
   * A string turned into a value by {@code parse}; a {@link RuntimeException} of {@code parse}
   * becomes a problem: "expected {@code expected}" or, for a {@link CrmException}, its message.
   */
  <T> @Nullable T parsed(String f, String expected, Function<String, ? extends T> parse) {
    String s = text(f);
    return s == null ? null : parse(at(f), s, expected, parse);
  }

  private <T> @Nullable T parse(ProblemPath at, String s, String expected,
      Function<String, ? extends T> parse) {
    try {
      return parse.apply(s);
    } catch (CrmException e) {
      String m = String.valueOf(e.getMessage());
      problems.add(at, "%s", m.contains(s) ? m : "\"" + s + "\" is not " + expected + ": " + m);
    } catch (RuntimeException e) {
      problems.add(at, "expected %s, but found \"%s\"", expected, s);
    }
    return null;
  }

  /** Dates and instants of every document lie in these years, so that date arithmetic is exact. */
  static final int MIN_YEAR = 1;
  static final int MAX_YEAR = 9999;
  private static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  @Nullable LocalDate date(String f) {
    return parsed(f, "an ISO date (yyyy-MM-dd)", s -> {
      LocalDate d = LocalDate.parse(s);
      if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
        throw new CrmException("\"" + s + "\" is out of range: dates must lie in the years 0001 to 9999");
      }
      return d;
    });
  }

  @Nullable Instant instant(String f) {
    return parsed(f, "an ISO-8601 instant like \"2026-11-23T09:00:00Z\"", s -> {
      Instant i = Instant.parse(s);
      if (i.isBefore(MIN_INSTANT) || i.isAfter(MAX_INSTANT)) {
        throw new CrmException("\"" + s + "\" is out of range: instants must lie in the years 0001 to 9999");
      }
      return i;
    });
  }

  @Nullable LocalTime time(String f) {
    return parsed(f, "a time like \"09:00\"", LocalTime::parse);
  }

  @Nullable Duration duration(String f) {
    return parsed(f, "an ISO-8601 duration such as \"P180D\" or \"PT12H\"", Duration::parse);
  }

  @Nullable ZoneId zone(String f) {
    return parsed(f, "a time zone such as \"Europe/Berlin\" or \"UTC\"", ZoneId::of);
  }

  /** An enum constant named by a string, case-insensitively; a problem lists the known names. */
  <E extends Enum<E>> @Nullable E enumValue(String f, Class<E> type) {
    return parsed(f, "one of " + Arrays.toString(type.getEnumConstants()),
        s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
  }

  /** A non-empty array of enum constants, each as {@link #enumValue}. */
  <E extends Enum<E>> List<E> enumValues(String f, Class<E> type) {
    return parsedStrings(f, true, "one of " + Arrays.toString(type.getEnumConstants()),
        s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
  }

  /** An integer {@code >= min}. */
  @Nullable Integer integer(String f, int min) {
    Long v = longInt(f, min);
    if (v != null && v > Integer.MAX_VALUE) {
      problems.add(at(f), "expected an integer <= %d, but found %d", Integer.MAX_VALUE, v);
      return null;
    }
    return v == null ? null : v.intValue();
  }

  /** An integer {@code >= min} that fits a {@code long}. */
  @Nullable Long longInt(String f, long min) {
    JsonNode v = value(f, "integer");
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      return wrong(f, v, "an integer");
    }
    if (v.asLong() < min) {
      return wrong(f, v, "an integer >= " + min);
    }
    return v.asLong();
  }

  /** A finite number. */
  @Nullable Double number(String f) {
    JsonNode v = value(f, "number");
    if (v == null) {
      return null;
    }
    // a decimal's exact text parses to the correctly rounded double (BigDecimal.doubleValue
    // may be off by one unit in the last place before JDK 19)
    double d = v.isBigDecimal() ? Double.parseDouble(v.decimalValue().toString()) : v.asDouble();
    return v.isNumber() && Double.isFinite(d) ? Double.valueOf(d) : wrong(f, v, "a finite number");
  }

  /** A number &gt; 0. */
  @Nullable Double positive(String f) {
    Double v = number(f);
    if (v != null && !(v > 0)) {
      problems.add(at(f), "expected a number > 0, but found %s", v);
      return null;
    }
    return v;
  }

  /** A boolean; {@code fallback} if absent. */
  boolean bool(String f, boolean fallback) {
    JsonNode v = get(f);
    if (v == null) {
      return fallback;
    }
    if (!v.isBoolean()) {
      wrong(f, v, "true or false");
      return fallback;
    }
    return v.asBoolean();
  }

  /** The elements of an array field with their paths; empty if absent (a problem if required). */
  List<Map.Entry<ProblemPath, JsonNode>> elements(String f, boolean nonEmpty) {
    JsonNode v = value(f, "array");
    List<Map.Entry<ProblemPath, JsonNode>> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      wrong(f, v, "an array");
      return out;
    }
    if (nonEmpty && v.isEmpty()) {
      problems.add(at(f), "expected at least one element; leave the field out to mean all");
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(Map.entry(at(f).index(i), v.get(i)));
    }
    return out;
  }

  /**
   * An array of non-blank strings; absent is empty. With {@code nonEmpty}, an empty array is a
   * problem (absent means all; an empty list is never a way to say so).
   */
  List<String> strings(String f, boolean nonEmpty) {
    return parsedStrings(f, nonEmpty, "a non-blank string", s -> s);
  }

  /** An array of strings each turned into a value by {@code parse} (see {@link #parsed}). */
  <T> List<T> parsedStrings(String f, boolean nonEmpty, String expected,
      Function<String, ? extends T> parse) {
    List<T> out = new ArrayList<>();
    for (Map.Entry<ProblemPath, JsonNode> e : elements(f, nonEmpty)) {
      JsonNode v = e.getValue();
      if (!v.isTextual() || v.asText().isBlank()) {
        problems.add(e.getKey(), "expected a non-blank string, but found %s",
            Problems.describe(v));
      } else {
        T t = parse(e.getKey(), v.asText(), expected, parse);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /**
   * The objects of shape {@code shape} in an array field, read lazily in document order (so that
   * problems are reported in document order); elements that are not objects are problems.
   */
  Iterable<In> objects(String f, Shape shape) {
    List<Map.Entry<ProblemPath, JsonNode>> elements = elements(f, false);
    return () -> IntStream.range(0, elements.size())
        .mapToObj(i -> object(problems, elements.get(i).getValue(), elements.get(i).getKey(),
            shape, i))
        .filter(Objects::nonNull).iterator();
  }

  /**
   * The value {@code build} makes once the document has no problems (else they are thrown); a
   * {@link CrmException} it throws becomes a problem at this object's path, with its own paths
   * prefixed.
   */
  <T> @Nullable T build(Supplier<T> build) {
    problems.throwIfAny();
    return problems.attempt(path, build);
  }

  /** Reads one object into a value; null when it had problems. */
  @FunctionalInterface
  interface Read<T> {
    @Nullable T read(In in);
  }

  /** The values {@code read} makes of the objects of an array field, leaving out nulls. */
  <T> List<T> list(String f, Shape shape, Read<T> read) {
    List<T> out = new ArrayList<>();
    for (In o : objects(f, shape)) {
      T t = read.read(o);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** A nested object of {@code shape}; null if absent (a problem if required) or not an object. */
  @Nullable In object(String f, Shape shape) {
    JsonNode v = value(f, "object");
    return v == null ? null : object(problems, v, at(f), shape);
  }

  /** The entries of an object field used as a map, in document order; empty if absent. */
  Map<String, JsonNode> entries(String f) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    map(f).node.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** An object field of string values. */
  Map<String, String> stringMap(String f) {
    Map<String, String> out = new LinkedHashMap<>();
    entries(f).forEach((k, v) -> {
      if (v.isTextual() && !k.isBlank()) {
        out.put(k, v.asText());
      } else {
        problems.add(at(f).field(k), "expected a string, but found %s", Problems.describe(v));
      }
    });
    return out;
  }

  /**
   * The object field {@code f} used as a map (any keys); empty if absent or not an object (a
   * problem then, or if it is required).
   */
  In map(String f) {
    JsonNode v = value(f, "object");
    if (v != null && !v.isObject()) {
      wrong(f, v, "an object");
    }
    return new In(problems, v != null && v.isObject() ? v : JsonText.MAPPER.createObjectNode(),
        at(f), -1, null);
  }

  /** The entries of this object as integers in {@code [min, max]}, in document order. */
  Map<String, Long> integers(long min, long max) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= min && v.asLong() <= max) {
        out.put(e.getKey(), v.asLong());
      } else {
        problems.add(path.field(e.getKey()), "expected an integer from %d to %d, but found %s",
            min, max, Problems.describe(v));
      }
    }
    return out;
  }

  /** The entries of this object as objects of {@code shape}, in document order. */
  Map<String, In> objects(Shape shape) {
    Map<String, In> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      In o = object(problems, e.getValue(), path.field(e.getKey()), shape);
      if (o != null) {
        out.put(e.getKey(), o);
      }
    }
    return out;
  }
}

package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link Problem} is: a sequence of field names and array indexes such as {@code
 * $.grants[3].scope} or {@code nodes[12]}. Immutable value; equal when the segments are equal.
 *
 * <p>Readers and builders compose paths instead of editing strings: a builder reports {@code
 * roles[3].inherits}, the document reader that fed it {@link #prefixedBy prefixes} {@code $}, and
 * a reader that skipped declarations {@link #renumbered renumbers} the index.
 *
 * <pre>{@code
 * ProblemPath p = ProblemPath.of("nodes").index(3).field("parent");   // nodes[3].parent
 * p.prefixedBy(ProblemPath.of("$")).toString();                         // $.nodes[3].parent
 * }</pre>
 */
public final class ProblemPath {
  private static final ProblemPath EMPTY = new ProblemPath(List.of());

  private final List<Object> segments; // String (field name) or Integer (array index)

  private ProblemPath(List<Object> segments) {
    this.segments = segments;
  }

  /** The path of the given field names, in order; {@code of()} is the empty path. */
  public static ProblemPath of(String... names) {
    ProblemPath p = EMPTY;
    for (String n : names) {
      p = p.field(n);
    }
    return p;
  }

  /**
   * Parses the text form ({@code a.b[2].c}); text that does not print back identically (a field
   * name with a dot or bracket) becomes one field segment, so that parsing never fails.
   */
  public static ProblemPath parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '[') {
        int close = text.indexOf(']', i);
        Integer index = close < 0 ? null : parseIndex(text.substring(i + 1, close));
        if (index == null) {
          return single(text);
        }
        out.add(index);
        i = close + 1;
      } else {
        if (c == '.' && !out.isEmpty()) {
          i++;
        }
        int end = i;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        if (end == i) {
          return single(text);
        }
        out.add(text.substring(i, end));
        i = end;
      }
    }
    ProblemPath p = new ProblemPath(List.copyOf(out));
    return p.toString().equals(text) ? p : single(text);
  }

  private static ProblemPath single(String text) {
    return text.isEmpty() ? EMPTY : new ProblemPath(List.of(text));
  }

  private static @Nullable Integer parseIndex(String digits) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.valueOf(digits);
  }

  /** This path followed by the field {@code name}. */
  public ProblemPath field(String name) {
    Objects.requireNonNull(name, "name");
    return append(name);
  }

  /**
   * This path followed by the array index {@code index}.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public ProblemPath index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, but was " + index);
    }
    return append(index);
  }

  private ProblemPath append(Object segment) {
    List<Object> out = new ArrayList<>(segments.size() + 1);
    out.addAll(segments);
    out.add(segment);
    return new ProblemPath(List.copyOf(out));
  }

  /** {@code prefix} followed by this path. */
  public ProblemPath prefixedBy(ProblemPath prefix) {
    List<Object> out = new ArrayList<>(prefix.segments);
    out.addAll(segments);
    return new ProblemPath(List.copyOf(out));
  }

  /**
   * This path with its leading {@code array[i]} replaced by {@code to[index(i)]} (and the path
   * {@code array} alone by {@code to}); unchanged if it does not start with the field {@code
   * array}.
   */
  public ProblemPath renumbered(String array, ProblemPath to, IntUnaryOperator index) {
    if (segments.isEmpty() || !array.equals(segments.get(0))) {
      return this;
    }
    List<Object> out = new ArrayList<>(to.segments);
    if (segments.size() > 1 && segments.get(1) instanceof Integer) {
      out.add(index.applyAsInt((Integer) segments.get(1)));
      out.addAll(segments.subList(2, segments.size()));
    } else {
      out.addAll(segments.subList(1, segments.size()));
    }
    return new ProblemPath(List.copyOf(out));
  }

  /** Whether the first segment is the field {@code name}. */
  public boolean startsWith(String name) {
    return !segments.isEmpty() && name.equals(segments.get(0));
  }

  /** Whether the path has no segment. */
  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** The text form: fields joined by dots, indexes in brackets ({@code $.roles[3].parent}). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Object seg : segments) {
      if (seg instanceof Integer) {
        s.append('[').append(seg).append(']');
      } else {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(seg);
      }
    }
    return s.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ProblemPath && ((ProblemPath) o).segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}

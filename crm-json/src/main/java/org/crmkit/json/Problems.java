package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.ProblemPath;
import org.jspecify.annotations.Nullable;

/** The problems found while reading one document, each at its path. Not thread-safe. */
final class Problems {
  private final String what;
  private final List<Problem> problems = new ArrayList<>();

  Problems(String what) {
    this.what = what;
  }

  String what() {
    return what;
  }

  void add(ProblemPath at, String format, @Nullable Object... args) {
    problems.add(Problem.of(at, format, args));
  }

  /** Adds every problem of {@code e}, its paths prefixed by {@code at}. */
  void addAll(InvalidDefinitionException e, ProblemPath at) {
    problems.addAll(e.prefixed(what, at).problems());
  }

  int count() {
    return problems.size();
  }

  /**
   * The value {@code build} returns, or null with a problem at {@code at} for each {@link
   * CrmException} it throws (a domain constructor's check becomes a problem at the current path).
   */
  <T> @Nullable T attempt(ProblemPath at, Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidDefinitionException e) {
      addAll(e, at);
    } catch (CrmException e) {
      add(at, "%s", String.valueOf(e.getMessage()));
    }
    return null;
  }

  /** @throws InvalidDefinitionException listing every problem, if any */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException(what, problems);
    }
  }

  /** A short description of a JSON value for messages: its type and, for scalars, its value. */
  static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case STRING:
        return "the string \"" + node.asText() + "\"";
      case NUMBER:
        return "the number " + node.asText();
      case BOOLEAN:
        return node.asText();
      case NULL:
        return "null";
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      default:
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}

package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Thrown when a definition (a hierarchy, a policy, a machine, a rule set, a document) is invalid.
 * It carries every problem found, not only the first, so that a user can fix them all at once.
 *
 * <p>A reader that fed a builder maps the builder's problems into its own vocabulary with {@link
 * #prefixed}, {@link #renumbered} or {@link #relocated}, which return a new exception:
 *
 * <pre>{@code
 * try {
 *   return builder.build();                       // problems at roles[3].parent
 * } catch (InvalidDefinitionException e) {
 *   throw e.prefixed("policy document", ProblemPath.of("$"));   // $.roles[3].parent
 * }
 * }</pre>
 */
public class InvalidDefinitionException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param what what was being defined, e.g. "hierarchy" or "policy document"
   * @param problems the problems found; must not be empty
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public InvalidDefinitionException(String what, List<Problem> problems) {
    super(format(what, problems));
    this.what = what;
    this.problems = List.copyOf(problems);
  }

  private static String format(String what, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidDefinitionException needs at least one problem");
    }
    return "invalid "
        + what
        + " ("
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + "):"
        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
  }

  /** The problems found, in the order they were detected; never empty, unmodifiable. */
  public List<Problem> problems() {
    return problems;
  }

  /** What was being defined, as given to the constructor (e.g. "policy document"). */
  public String what() {
    return what;
  }

  /** The same problems, described as {@code what}, each path mapped by {@code where}. */
  public InvalidDefinitionException relocated(String what, UnaryOperator<ProblemPath> where) {
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      out.add(new Problem(where.apply(p.location()), p.message()));
    }
    return new InvalidDefinitionException(what, out);
  }

  /** The same problems, described as {@code what}, each path {@link ProblemPath#prefixedBy prefixed}. */
  public InvalidDefinitionException prefixed(String what, ProblemPath prefix) {
    return relocated(what, p -> p.prefixedBy(prefix));
  }

  /**
   * The same problems, described as {@code what}, with every reference to an element of the
   * array {@code array} (in paths and in messages, e.g. "duplicate of nodes[2]") rewritten to
   * {@code to[index(i)]}: for a reader or builder that passed only some declarations on, or
   * under another name, such as a document reader whose {@code $.territories[5]} was the
   * builder's {@code nodes[3]}.
   */
  public InvalidDefinitionException renumbered(String what, String array, ProblemPath to,
      IntUnaryOperator index) {
    Pattern ref = Pattern.compile("\\b" + Pattern.quote(array) + "\\[(\\d{1,9})]");
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      Matcher m = ref.matcher(p.message());
      StringBuilder message = new StringBuilder();
      while (m.find()) {
        int i = index.applyAsInt(Integer.parseInt(m.group(1)));
        m.appendReplacement(message, Matcher.quoteReplacement(to + "[" + i + "]"));
      }
      m.appendTail(message);
      out.add(new Problem(p.location().renumbered(array, to, index), message.toString()));
    }
    return new InvalidDefinitionException(what, out);
  }
}

package org.crmkit.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a definition (a hierarchy, a policy, a machine, a rule set, a document) is invalid.
 * It carries every problem found, not only the first, so that a user can fix them all at once.
 */
public class InvalidDefinitionException extends CrmException {
  private static final long serialVersionUID = 1L;

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
}

package org.crmkit.examples.cli;

import java.util.List;
import org.crmkit.core.CrmException;

/**
 * Invalid user input to a command (a malformed CSV row, a failed validation); the command line
 * prints every listed problem and exits with status 2, writing no output file.
 */
public final class InvalidInputException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** One or more problems, each a self-contained line (e.g. "line 12: ..."). */
  public InvalidInputException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems; unmodifiable, never empty. */
  public List<String> problems() {
    return problems;
  }
}

package org.crmkit.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;

/**
 * How a command that reads several documents reports their problems in one run: each invalid
 * document's problems under a line naming its option and file, and a closing line when a
 * document's references into another (invalid) one were checked only against a stand-in.
 *
 * <pre>{@code
 * --team team.json: invalid assignment team document (1 problem):
 *   - team.json: $.users[3].capacity.limit: expected an integer >= 1, but found the number -1
 * (the rules' references to users and teams were not checked, because the team document is invalid)
 * }</pre>
 */
final class InputProblems {
  private InputProblems() {}

  /**
   * "--policy p.json: invalid policy document (2 problems):" and one line "  - " + problem per
   * problem, each problem prefixed with {@code prefix} (e.g. "rules.json: ", or "").
   */
  static List<String> describe(String option, Path file, InvalidDefinitionException e,
      String prefix) {
    List<String> lines = new ArrayList<>();
    int n = e.problems().size();
    lines.add(option + " " + file + ": invalid " + e.what() + " (" + n
        + (n == 1 ? " problem" : " problems") + "):");
    for (Problem p : e.problems()) {
      lines.add("  - " + prefix + p);
    }
    return lines;
  }

  /**
   * "(the policy's references to org units and users were not checked, because the data
   * document is invalid)".
   */
  static String notChecked(String references, String invalidDocument) {
    return "(" + references + " were not checked, because the " + invalidDocument
        + " document is invalid)";
  }
}

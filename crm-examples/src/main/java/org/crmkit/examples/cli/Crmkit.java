package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crmkit} command line: one sub-command per capability. Exit status 0 on success, 2 on
 * invalid input or usage, 1 on an unexpected failure.
 */
@Command(
    name = "crmkit",
    mixinStandardHelpOptions = true,
    versionProvider = Crmkit.Version.class,
    description = "The crmkit command line: CRM hierarchies, lifecycles, permissions and segments.",
    subcommands = {
      DemoCommand.class,
      ClvCommand.class,
      RetentionCommand.class,
      FunnelCommand.class,
      ForecastCommand.class,
      RfmCommand.class,
      LifecycleCommand.class,
      AssignCommand.class,
      HierarchyCommand.class,
      AccessCommand.class,
      StudioCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Crmkit {

  /** Exit status for invalid input: a malformed file, a failed validation, a bad argument. */
  public static final int EXIT_INVALID_INPUT = 2;

  /** Runs the command line and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Crmkit());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
              printBounded(commandLine.getErr(), invalid.problems());
              return EXIT_INVALID_INPUT;
            }
            if (t instanceof org.crmkit.core.InvalidDefinitionException invalid) {
              List<String> lines = new ArrayList<>();
              int n = invalid.problems().size();
              lines.add("invalid " + invalid.what() + " (" + n + (n == 1 ? " problem" : " problems")
                  + "):");
              invalid.problems().forEach(p -> lines.add("  - " + p));
              printBounded(commandLine.getErr(), lines);
              return EXIT_INVALID_INPUT;
            }
            if (t instanceof org.crmkit.core.CrmException) {
              commandLine.getErr().println("error: " + abbreviate(String.valueOf(t.getMessage())));
              return EXIT_INVALID_INPUT;
            }
          }
          commandLine.getErr().println("unexpected failure: " + ex);
          return 1;
        });
    return cli.execute(args);
  }

  /** Problems printed in full; the rest are counted. */
  static final int MAX_PROBLEMS = 100;

  /** Characters of one problem printed in full; longer ones are cut in the middle. */
  static final int MAX_PROBLEM_LENGTH = 2000;

  /**
   * Prints the first {@link #MAX_PROBLEMS} problems, each cut to {@link #MAX_PROBLEM_LENGTH}
   * characters, then the number of the rest, so that a million bad rows print a few kilobytes.
   */
  static void printBounded(PrintWriter err, List<String> problems) {
    // a list that already ends in its own count of the rest ("... and 900 more") is kept whole
    boolean counted = problems.size() == MAX_PROBLEMS + 1
        && problems.get(MAX_PROBLEMS).startsWith("... and ");
    int shown = counted ? problems.size() : Math.min(problems.size(), MAX_PROBLEMS);
    for (int i = 0; i < shown; i++) {
      err.println((i == 0 ? "error: " : "") + abbreviate(problems.get(i)));
    }
    if (problems.size() > shown) {
      int rest = problems.size() - shown;
      err.println("... and " + rest + " more problem" + (rest == 1 ? "" : "s")
          + " (" + problems.size() + " in all; the first " + shown + " are shown)");
    }
    err.flush();
  }

  static String abbreviate(String line) {
    if (line.length() <= MAX_PROBLEM_LENGTH) {
      return line;
    }
    int half = MAX_PROBLEM_LENGTH / 2;
    return line.substring(0, half) + " ... (" + (line.length() - 2 * half) + " characters left out) ... "
        + line.substring(line.length() - half);
  }

  /**
   * Prints the version: the jar manifest's {@code Implementation-Version}, or, when run from
   * classes (an IDE, the tests), the version Maven wrote into {@code version.properties}.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      String v = Crmkit.class.getPackage().getImplementationVersion();
      if (v == null) {
        Properties p = new Properties();
        try (InputStream in = Crmkit.class.getResourceAsStream("version.properties")) {
          if (in != null) {
            p.load(in);
          }
        }
        v = p.getProperty("version", "development");
      }
      return new String[] {"crmkit " + v};
    }
  }
}

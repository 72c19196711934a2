package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
          if (ex instanceof InvalidInputException || ex instanceof org.crmkit.core.CrmException) {
            commandLine.getErr().println("error: " + ex.getMessage());
            return EXIT_INVALID_INPUT;
          }
          commandLine.getErr().println("unexpected failure: " + ex);
          return 1;
        });
    return cli.execute(args);
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

package org.crmkit.spark.cli;

import java.io.PrintWriter;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.crmkit.core.CrmException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crmkit-spark} command line: {@code rfm}, {@code clv fit} and {@code clv predict} on
 * Apache Spark, writing exactly what {@code crmkit rfm}, {@code crmkit clv fit} and {@code crmkit
 * clv predict} write (and, as options, Parquet part files and approximate fits). Exit status 0 on success, 2 on
 * invalid input or usage, 1 on an unexpected failure.
 *
 * <pre>
 * spark-submit --class org.crmkit.spark.cli.SparkRunner crmkit-spark.jar \
 *     rfm --input s3a://lake/tx.parquet --as-of 1998-07-01 --output scores.csv
 * java -jar crm-spark/target/crmkit-spark.jar rfm --input tx.csv --as-of 1998-07-01 \
 *     --output scores.csv --master local[2]
 * </pre>
 */
@Command(
    name = "crmkit-spark",
    mixinStandardHelpOptions = true,
    description = "crmkit's RFM and lifetime value on Apache Spark, with the crmkit CLI's outputs.",
    subcommands = {RfmJob.class, ClvJob.class, CommandLine.HelpCommand.class})
public final class SparkRunner {
  /** Exit status for invalid input: a malformed file, a failed validation, a bad argument. */
  public static final int EXIT_INVALID_INPUT = 2;

  private SparkRunner() {}

  /** Runs the command line and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given streams and returns its exit status. It uses the active
   * Spark session if there is one (and leaves it running), else creates one and stops it at the
   * end.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SparkRunner());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      String problem = userProblem(ex);
      if (problem != null) {
        commandLine.getErr().println("error: " + problem);
        return EXIT_INVALID_INPUT;
      }
      commandLine.getErr().println("unexpected failure: " + ex);
      return 1;
    });
    return cli.execute(args);
  }

  /** The message of a problem the user can fix, or null for a bug. */
  private static @org.jspecify.annotations.Nullable String userProblem(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof CrmException) {
        return t.getMessage();
      }
      if (t instanceof AnalysisException || t instanceof SparkException
          || t instanceof java.io.FileNotFoundException) {
        String message = t.getMessage();
        return message == null ? t.toString() : message.lines().findFirst().orElse(message);
      }
    }
    return null;
  }
}

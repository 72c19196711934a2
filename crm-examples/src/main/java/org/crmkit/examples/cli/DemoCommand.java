package org.crmkit.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crmkit.examples.demo.Demo;
import org.crmkit.examples.demo.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit demo}: runs the whole library on a sample company and writes an HTML report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generates a seeded sample company (or loads CDNOW), runs every capability of",
        "crmkit on it, prints a summary and writes a self-contained HTML report."})
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "20261122", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--customers", defaultValue = "50000",
      description = "Customers to generate (default: ${DEFAULT-VALUE}).")
  int customers;

  @Option(names = "--cdnow", paramLabel = "DIR",
      description = "Use the CDNOW transaction log (DIR/CDNOW_master.txt) instead of generated customers.")
  Path cdnow;

  @Option(names = "--report", defaultValue = "crmkit-report.html", paramLabel = "FILE",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--jdbc-url", defaultValue = "jdbc:h2:./crmkit-data/demo", paramLabel = "URL",
      description = {"Database for the persistence part (default: ${DEFAULT-VALUE}, an H2 file).",
          "PostgreSQL: jdbc:postgresql://host:5432/db?user=...&password=..."})
  String jdbcUrl;

  @Override
  public Integer call() throws Exception {
    if (customers < 100) {
      throw new InvalidInputException(java.util.List.of(
          "--customers must be at least 100, but was " + customers));
    }
    new Demo(new Demo.Options(seed, customers, cdnow, report, jdbcUrl), spec.commandLine().getOut(),
        new Progress(spec.commandLine().getErr(), System.console() != null)).run();
    return 0;
  }
}

package org.crmkit.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.crmkit.core.CrmException;
import org.crmkit.json.ClvModelJson;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.FitWarning;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.spark.clv.SparkClv;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit-spark clv}: lifetime-value commands. */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Customer lifetime value on Spark.",
    subcommands = {ClvJob.Fit.class, CommandLine.HelpCommand.class})
final class ClvJob {

  /**
   * {@code crmkit-spark clv fit}: the model document of {@code crmkit clv fit --input} (format
   * {@code crmkit.clv-model/1}), printed and written to {@code --output}; the summaries are
   * computed on Spark and the models fitted on the driver from weighted tuples.
   */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = {"Fits a purchase model (--model, default bg-nbd) and Gamma-Gamma on the transactions up to the",
          "calibration end; prints the model (crmkit.clv-model/1) and writes it to --output."})
  static final class Fit implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--input", required = true,
        description = "transactions: CSV customer_id,date,amount, or Parquet (*.parquet)")
    @Nullable String input;

    @Option(names = "--calibration-end", required = true,
        description = "last day (yyyy-MM-dd, inclusive) of the calibration period")
    @Nullable LocalDate calibrationEnd;

    @Option(names = "--model", defaultValue = "bg-nbd",
        description = "purchase model: bg-nbd, pareto-nbd or mbg-nbd (default: ${DEFAULT-VALUE})")
    String modelName = "bg-nbd";

    @Option(names = "--unit", defaultValue = "week", description = "time unit: day or week (default: ${DEFAULT-VALUE})")
    String unit = "week";

    @Option(names = "--output", description = "model JSON file to write (local)")
    @Nullable Path output;

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    @Nullable String master;

    @Override
    public Integer call() {
      CommandLine cli = Objects.requireNonNull(spec).commandLine();
      PurchaseModelKind kind = PurchaseModelKind.parse(modelName);
      PeriodUnit periodUnit = PeriodUnit.parse(unit);
      ClvModel model;
      try (SparkSessions session = SparkSessions.open(master, "crmkit-spark clv fit")) {
        var transactions = TransactionInput.read(session.spark, Objects.requireNonNull(input));
        if (transactions.isEmpty()) {
          throw new CrmException(input + ": no transactions after the header");
        }
        model = SparkClv.fit(transactions, Objects.requireNonNull(calibrationEnd), periodUnit, kind);
      }
      String json = ClvModelJson.write(model);
      if (output != null) {
        writeAtomically(output, json);
      }
      PrintWriter err = cli.getErr();
      for (FitWarning w : model.purchases().warnings()) {
        err.println("warning: " + w.message());
      }
      err.flush();
      PrintWriter out = cli.getOut();
      out.print(json);
      out.flush();
      return 0;
    }

    private static void writeAtomically(Path target, String text) {
      Path absolute = target.toAbsolutePath();
      Path dir = absolute.getParent();
      Path tmp = null;
      try {
        tmp = Files.createTempFile(dir == null ? Path.of(".") : dir, ".clv-", ".json.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        try {
          if (tmp != null) {
            Files.deleteIfExists(tmp);
          }
        } catch (IOException ignored) {
          // the original failure is the one to report
        }
        throw new UncheckedIOException(e);
      }
    }
  }
}

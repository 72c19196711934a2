package org.crmkit.spark.cli;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.crmkit.core.CrmException;
import org.crmkit.json.ClvModelJson;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.FitWarning;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.spark.clv.ClvFitOptions;
import org.crmkit.spark.clv.ClvFitResult;
import org.crmkit.spark.clv.SparkClv;
import org.crmkit.spark.clv.TimeRounding;
import org.crmkit.spark.rfm.SparkRfm;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crmkit-spark clv}: lifetime-value commands. */
@Command(name = "clv", mixinStandardHelpOptions = true,
    description = "Customer lifetime value on Spark.",
    subcommands = {ClvJob.Fit.class, ClvJob.Predict.class, CommandLine.HelpCommand.class})
final class ClvJob {
  /** The header of {@code crmkit clv predict}. */
  static final List<String> PREDICT_HEADER =
      List.of("customer_id", "p_alive", "expected_purchases", "expected_spend", "clv");

  /**
   * {@code crmkit-spark clv predict}: the CSV of {@code crmkit clv predict --model --input
   * --horizon [--discount] --output} (header {@code customer_id,p_alive,expected_purchases,
   * expected_spend,clv}, six decimals, sorted by {@code customer_id}), computed on the executors
   * with the frozen model and streamed to the driver; or Parquet part files.
   */
  @Command(name = "predict", mixinStandardHelpOptions = true,
      description = {"Predicts p_alive, expected purchases, expected spend and CLV per customer with a model written",
          "by 'clv fit', as of its calibration end; horizon in the model's unit, discount rate per period.",
          "Writes the CSV of 'crmkit clv predict' (sorted by customer_id), or Parquet part files."})
  static final class Predict implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--model", required = true, description = "model JSON written by 'clv fit' (local)")
    @Nullable Path model;

    @Option(names = "--input", required = true,
        description = "transactions: CSV customer_id,date,amount, or Parquet (*.parquet)")
    @Nullable String input;

    @Option(names = "--horizon", required = true, description = "periods (of the model's unit) to predict")
    int horizon;

    @Option(names = "--discount", defaultValue = "0", description = "discount rate per period (default: ${DEFAULT-VALUE})")
    double discount;

    @Option(names = "--output", required = true,
        description = "CSV file to write (local); with --output-format parquet a new directory (any Spark path)")
    @Nullable String output;

    @Option(names = "--output-format", defaultValue = "csv",
        description = "csv (default: one file, the crmkit clv predict contract) or parquet (part files)")
    String outputFormat = "csv";

    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    @Nullable String master;

    @Override
    public Integer call() {
      boolean parquet = switch (outputFormat) {
        case "csv" -> false;
        case "parquet" -> true;
        default -> throw new CrmException("--output-format must be 'csv' or 'parquet', but was '"
            + outputFormat + "'");
      };
      Path modelFile = Objects.requireNonNull(model);
      ClvModel m;
      try {
        m = ClvModelJson.DOCUMENT.read(modelFile);
      } catch (java.nio.file.NoSuchFileException e) {
        throw new CrmException("--model: no such file " + modelFile);
      } catch (IOException e) {
        throw new CrmException("--model: cannot read " + modelFile + ": " + e.getMessage());
      }
      // horizon and discount are checked here, before Spark starts
      m.predict(List.of(), horizon, discount);
      PrintWriter err = Objects.requireNonNull(spec).commandLine().getErr();
      long started = System.nanoTime();
      long written = 0;
      try (SparkSessions session = SparkSessions.open(master, "crmkit-spark clv predict")) {
        Dataset<Row> transactions = TransactionInput.read(session.spark, Objects.requireNonNull(input));
        Dataset<Row> sorted = SparkClv.predict(transactions, m, horizon, discount)
            .orderBy(SparkRfm.sortKey(col(SparkRfm.CUSTOMER_ID)));
        String target = Objects.requireNonNull(output);
        if (parquet) {
          sorted.write().parquet(target);
          written = session.spark.read().parquet(target).count();
        } else {
          written = writeCsv(sorted, Path.of(target));
        }
      }
      err.printf(Locale.ROOT, "clv predict: %,d customers over %d %ss in %.1f s%n", written, horizon,
          m.unit().label(), (System.nanoTime() - started) / 1e9);
      err.flush();
      return 0;
    }

    private static long writeCsv(Dataset<Row> sorted, Path target) {
      long[] rows = {0};
      writeAtomically(target, w -> {
        RfmJob.writeRow(w, PREDICT_HEADER);
        Iterator<Row> it = sorted.toLocalIterator();
        while (it.hasNext()) {
          Row r = it.next();
          RfmJob.writeRow(w, List.of(r.getString(0), number(r.getDouble(1)), number(r.getDouble(2)),
              number(r.getDouble(3)), number(r.getDouble(4))));
          rows[0]++;
        }
      });
      return rows[0];
    }

    /** As {@code crmkit clv predict}: six decimals. */
    private static String number(double v) {
      return String.format(Locale.ROOT, "%.6f", v);
    }
  }

  /** Writes a file's content. */
  interface Content {
    void write(Writer w) throws IOException;
  }

  /** Writes {@code target} through a temporary file beside it, moved into place at the end. */
  static void writeAtomically(Path target, Content content) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir == null ? Path.of(".") : dir, ".crmkit-", ".tmp");
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1 << 16)) {
        content.write(w);
      }
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

    @Option(names = "--round-times", defaultValue = "day",
        description = {"day (default: exact) or week: t_x and T rounded to the nearest whole week before the",
            "(x, t_x, T) tuples are counted, for fewer tuples (approximate; the counts go to stderr)"})
    String roundTimes = "day";

    @Option(names = "--spend-sample", defaultValue = "1",
        description = {"fraction in (0, 1] of the customers Gamma-Gamma is fitted on, chosen by a hash of",
            "customer_id and --seed (default 1: all, exact)"})
    double spendSample = 1;

    @Option(names = "--seed", defaultValue = "1", description = "seed of --spend-sample (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Override
    public Integer call() {
      CommandLine cli = Objects.requireNonNull(spec).commandLine();
      PurchaseModelKind kind = PurchaseModelKind.parse(modelName);
      PeriodUnit periodUnit = PeriodUnit.parse(unit);
      ClvFitOptions options = ClvFitOptions.exact().roundTimes(TimeRounding.parse(roundTimes));
      if (spendSample != 1) {
        options = options.spendSample(spendSample, seed);
      }
      ClvFitResult result;
      try (SparkSessions session = SparkSessions.open(master, "crmkit-spark clv fit")) {
        var transactions = TransactionInput.read(session.spark, Objects.requireNonNull(input));
        if (transactions.isEmpty()) {
          throw new CrmException(input + ": no transactions after the header");
        }
        result = SparkClv.fit(transactions, Objects.requireNonNull(calibrationEnd), periodUnit, kind,
            options);
      }
      ClvModel model = result.model();
      String json = ClvModelJson.DOCUMENT.write(model);
      if (output != null) {
        writeAtomically(output, w -> w.write(json));
      }
      PrintWriter err = cli.getErr();
      err.printf(Locale.ROOT, "clv fit: %,d customers; %s fitted on %,d (x, t_x, T) tuples%s;"
              + " gamma-gamma on %,d (x, repeat spend) tuples of %,d repeat buyers%s%n",
          result.customers(), kind.label(), result.fittedTuples(),
          options.timeRounding() == TimeRounding.DAY ? " (whole days, exact)"
              : String.format(Locale.ROOT, " (times rounded to whole %ss; %,d in whole days)",
                  options.timeRounding().label(), result.exactTuples()),
          result.spendTuples(), result.spendCustomers(),
          options.spendFraction() == 1 ? ""
              : String.format(Locale.ROOT, " (sample %s, seed %d)", options.spendFraction(), seed));
      for (FitWarning w : model.purchases().warnings()) {
        err.println("warning: " + w.message());
      }
      err.flush();
      PrintWriter out = cli.getOut();
      out.print(json);
      out.flush();
      return 0;
    }
  }
}

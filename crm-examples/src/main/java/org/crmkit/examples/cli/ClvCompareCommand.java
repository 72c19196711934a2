package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.crmkit.examples.csv.Csv;
import org.crmkit.examples.csv.SummaryCsv;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.FitWarning;
import org.crmkit.segmentation.clv.FrequencyBucket;
import org.crmkit.segmentation.clv.ModelComparison;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.segmentation.clv.WeightedSummaries;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv compare}: fits several purchase models to the same customers and prints the
 * comparison table as CSV: {@code model,parameters,log_likelihood,aic,bic,holdout_mean_abs_error,
 * holdout_expected,holdout_actual,warnings}. The hold-out columns are empty without
 * {@code --holdout-end}; {@code --buckets FILE} writes calibration vs hold-out by frequency
 * ({@code frequency,customers,actual_mean,<model>...}, the last frequency open, e.g. {@code 7+}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Fits several purchase models to the same customers and prints model,parameters,log_likelihood,",
        "aic,bic,holdout_mean_abs_error,holdout_expected,holdout_actual,warnings (CSV). With --holdout-end the",
        "hold-out purchases after the calibration end are compared, and --buckets writes them by frequency."})
final class ClvCompareCommand implements Callable<Integer> {
  /** The output header. */
  static final List<String> HEADER = List.of("model", "parameters", "log_likelihood", "aic", "bic",
      "holdout_mean_abs_error", "holdout_expected", "holdout_actual", "warnings");

  @Spec CommandSpec spec;

  @Option(names = "--input", description = "transactions CSV: customer_id,date,amount")
  @Nullable Path input;

  @Option(names = "--summary", description = "summary CSV instead of --input (see 'crmkit clv fit'); no hold-out")
  @Nullable Path summary;

  @Option(names = "--calibration-end", description = "last day (yyyy-MM-dd) of the calibration period (with --input)")
  @Nullable String calibrationEnd;

  @Option(names = "--holdout-end", description = "last day (yyyy-MM-dd) of the hold-out period (with --input)")
  @Nullable String holdoutEnd;

  @Option(names = "--unit", defaultValue = "week", description = "time unit: day or week (default: ${DEFAULT-VALUE})")
  String unit;

  @Option(names = "--models", split = ",", description = {"models to compare (default: bg-nbd,pareto-nbd,mbg-nbd;",
      "bg-bb for a frequency,recency,periods,weights summary)"})
  @Nullable List<String> models;

  @Option(names = "--buckets", description = "CSV file for calibration vs hold-out by frequency (needs --holdout-end)")
  @Nullable Path buckets;

  @Override
  public Integer call() {
    if ((input == null) == (summary == null)) {
      throw new InvalidInputException(List.of("give exactly one of --input (transactions) and --summary"));
    }
    WeightedSummaries data;
    double holdout = 0;
    boolean discrete = false;
    Path summaryFile = summary;
    Path transactions = input;
    if (summaryFile != null) {
      if (holdoutEnd != null || buckets != null) {
        throw new InvalidInputException(List.of("--holdout-end and --buckets need --input (a summary has no hold-out)"));
      }
      SummaryCsv.Summary s = ClvCommand.readSummary(summaryFile);
      data = s.data();
      discrete = s.discrete();
    } else if (transactions != null) {
      if (calibrationEnd == null) {
        throw new InvalidInputException(List.of("--calibration-end is required with --input"));
      }
      LocalDate end = date("--calibration-end", calibrationEnd);
      PeriodUnit periodUnit = PeriodUnit.parse(unit);
      ClvData clv;
      if (holdoutEnd != null) {
        LocalDate last = date("--holdout-end", holdoutEnd);
        clv = ClvData.of(ClvCommand.readTransactions(transactions), end, last, periodUnit);
        holdout = periodUnit.between(end, last);
      } else {
        if (buckets != null) {
          throw new InvalidInputException(List.of("--buckets needs --holdout-end"));
        }
        clv = ClvData.of(ClvCommand.readTransactions(transactions), end, periodUnit);
      }
      data = WeightedSummaries.of(clv.customers());
    } else {
      throw new IllegalStateException("checked above");
    }
    List<String> names = models != null ? models : discrete ? List.of("bg-bb") : List.of("bg-nbd", "pareto-nbd", "mbg-nbd");
    List<PurchaseModelKind> kinds = names.stream().map(PurchaseModelKind::parse).toList();
    ModelComparison table = ModelComparison.fit(data, holdout, kinds);
    double actual = 0;
    for (FrequencyBucket b : table.buckets()) {
      actual += b.customers() * b.actualMean();
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      Csv.writeRow(out, HEADER);
      for (ModelComparison.Row r : table.rows()) {
        String params = r.fit().model().parameters().entrySet().stream()
            .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.6g", e.getValue())).collect(Collectors.joining(";"));
        boolean ho = holdout > 0;
        Csv.writeRow(out, List.of(r.fit().model().kind().label(), params, fixed(r.logLikelihood(), 4),
            fixed(r.aic(), 4), fixed(r.bic(), 4), ho ? fixed(r.holdoutMeanAbsoluteError(), 6) : "",
            ho ? fixed(r.holdoutExpectedTotal(), 4) : "", ho ? fixed(actual, 0) : "",
            r.fit().warnings().stream().map(FitWarning::code).collect(Collectors.joining(";"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    for (ModelComparison.Row r : table.rows()) {
      for (FitWarning w : r.fit().warnings()) {
        spec.commandLine().getErr().println("warning: " + w.message());
      }
    }
    spec.commandLine().getErr().flush();
    Path bucketFile = buckets;
    if (bucketFile != null) {
      ClvCommand.writeAtomically(bucketFile, w -> writeBuckets(w, table));
    }
    return 0;
  }

  static void writeBuckets(Writer w, ModelComparison table) throws IOException {
    List<String> header = new ArrayList<>(List.of("frequency", "customers", "actual_mean"));
    table.rows().forEach(r -> header.add(r.fit().model().kind().label()));
    Csv.writeRow(w, header);
    for (FrequencyBucket b : table.buckets()) {
      List<String> row = new ArrayList<>(List.of(b.frequency() + (b.open() ? "+" : ""), fixed(b.customers(), 0),
          fixed(b.actualMean(), 6)));
      b.expectedMean().values().forEach(v -> row.add(fixed(v, 6)));
      Csv.writeRow(w, row);
    }
    w.flush();
  }

  static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of(option + " '" + text + "' is not an ISO date (yyyy-MM-dd)"));
    }
  }

  static String fixed(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }
}

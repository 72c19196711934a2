package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.json.ClvModelJson;
import org.crmkit.json.PurchaseModelJson;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.examples.csv.SummaryCsv;
import org.crmkit.segmentation.clv.FitWarning;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv fit}: summarises a transaction CSV at a calibration end date, fits the purchase
 * model ({@code --model}, default BG/NBD) and Gamma-Gamma, prints the model document and writes it
 * to {@code --output}; or, with {@code --summary}, fits the purchase model alone on a summary CSV
 * ({@code crmkit.purchase-model/1}). Fit warnings go to standard error.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = {"Fits a purchase model (--model, default bg-nbd) and Gamma-Gamma on the transactions up to the",
        "calibration end; prints the model (crmkit.clv-model/1) and writes it to --output. With --summary",
        "instead of --input, fits the purchase model alone on a summary CSV (crmkit.purchase-model/1).",
        "Warnings about the fit (a bound reached, a degenerate model) are printed to standard error."})
final class ClvFitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--input", description = "transactions CSV: customer_id,date,amount")
  @Nullable Path input;

  @Option(names = "--summary", description = {"summary CSV instead of --input: frequency,recency,T,monetary_value[,weight]",
      "or, for bg-bb, frequency,recency,periods,weights"})
  @Nullable Path summary;

  @Option(names = "--calibration-end",
      description = "last day (yyyy-MM-dd, inclusive) of the calibration period (required with --input)")
  @Nullable String calibrationEnd;

  @Option(names = "--model", defaultValue = "bg-nbd",
      description = "purchase model: bg-nbd, pareto-nbd, mbg-nbd or bg-bb (needs --summary) (default: ${DEFAULT-VALUE})")
  String modelName;

  @Option(names = "--unit", defaultValue = "week", description = "time unit: day or week (default: ${DEFAULT-VALUE})")
  String unit;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "encoding of the input CSV (default UTF-8), e.g. windows-1252 for Excel's CSV")
  @Nullable String encoding;

  @Option(names = "--output", description = "model JSON file to write")
  @Nullable Path output;

  @Override
  public Integer call() {
    PurchaseModelKind kind = PurchaseModelKind.parse(modelName);
    if ((input == null) == (summary == null)) {
      throw new InvalidInputException(List.of("give exactly one of --input (transactions) and --summary"));
    }
    Path out = output;
    if (out != null) {
      CliFiles.Outputs.check(out, "--output");
    }
    String json;
    List<FitWarning> warnings;
    if (summary != null) {
      SummaryCsv.Summary s = ClvCommand.readSummary(summary);
      PurchaseFit fit = kind.fit(s.data());
      json = PurchaseModelJson.DOCUMENT.write(fit);
      warnings = fit.warnings();
    } else {
      if (kind.discrete()) {
        throw new InvalidInputException(List.of("bg-bb counts discrete transaction opportunities: fit it with"
            + " --summary frequency,recency,periods,weights"));
      }
      ClvModel model = fitTransactions(kind);
      json = ClvModelJson.DOCUMENT.write(model);
      warnings = model.purchases().warnings();
    }
    if (out != null) {
      String text = json;
      ClvCommand.writeAtomically(out, w -> w.write(text));
    }
    for (FitWarning w : warnings) {
      spec.commandLine().getErr().println("warning: " + w.message());
    }
    spec.commandLine().getErr().flush();
    PrintWriter printer = spec.commandLine().getOut();
    printer.print(json);
    printer.flush();
    return 0;
  }

  private ClvModel fitTransactions(PurchaseModelKind kind) {
    if (calibrationEnd == null || input == null) {
      throw new InvalidInputException(List.of("--calibration-end is required with --input"));
    }
    LocalDate end = Dates.option("--calibration-end", calibrationEnd);
    java.nio.charset.Charset charset = CliFiles.charset(encoding);
    PeriodUnit periodUnit = PeriodUnit.parse(unit);
    ClvData data = ClvData.of(ClvCommand.readTransactions(input, charset), end, periodUnit);
    return ClvModel.fit(data, kind);
  }
}

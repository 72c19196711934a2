package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crmkit.core.model.CustomerId;
import org.crmkit.examples.csv.Csv;
import org.crmkit.json.ClvModelJson;
import org.crmkit.json.PurchaseModelJson;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.PurchaseModel;
import org.crmkit.examples.csv.SummaryCsv;
import org.jspecify.annotations.Nullable;
import org.crmkit.segmentation.tiers.ValueTier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv predict}: per-customer predictions as of the model's calibration end, over a
 * horizon in the model's unit, discounted per period; or, with {@code --summary}, P(alive) and the
 * expected purchases of every summary row, echoed in input order.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Predicts p_alive, expected purchases, expected spend and CLV per customer, as of the",
        "model's calibration end; horizon in the model's unit (at most 100000), discount rate per period.",
        "With --summary instead of --input: writes the summary's columns followed by p_alive,expected_purchases",
        "in input order (for bg-bb: alive at the next opportunity, transactions in the next --horizon opportunities)."})
final class ClvPredictCommand implements Callable<Integer> {
  /** The output header. */
  static final List<String> HEADER = List.of("customer_id", "p_alive", "expected_purchases", "expected_spend", "clv");

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "model JSON written by 'crmkit clv fit'")
  Path model;

  @Option(names = "--input", description = "transactions CSV: customer_id,date,amount")
  @Nullable Path input;

  @Option(names = "--summary", description = "summary CSV instead of --input (see 'crmkit clv fit')")
  @Nullable Path summary;

  @Option(names = "--horizon", required = true, description = "periods (of the model's unit) to predict")
  int horizon;

  @Option(names = "--discount", defaultValue = "0", description = "discount rate per period (default: ${DEFAULT-VALUE})")
  double discount;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "encoding of the input CSV (default UTF-8), e.g. windows-1252 for Excel's CSV")
  @Nullable String encoding;

  @Option(names = "--output", description = "CSV file to write (default: standard output)")
  Path output;

  @Option(names = "--tiers", paramLabel = "HIGH_SHARE,MEDIUM_SHARE", split = ",",
      description = {"Adds a last column 'tier' (HIGH, MEDIUM, LOW): the customers making the top",
          "HIGH share of total CLV are HIGH, up to MEDIUM are MEDIUM, e.g. --tiers 0.8,0.95"})
  List<Double> tiers;

  @Override
  public Integer call() {
    if ((input == null) == (summary == null)) {
      throw new InvalidInputException(List.of("give exactly one of --input (transactions) and --summary"));
    }
    if (horizon < 1) {
      throw new InvalidInputException(List.of("horizon must be >= 1 period, but was " + horizon));
    }
    if (horizon > ClvModel.MAX_HORIZON) {
      throw new InvalidInputException(List.of("--horizon must be <= " + ClvModel.MAX_HORIZON
          + " periods, but was " + horizon));
    }
    if (output != null) {
      CliFiles.Outputs.check(output, "--output");
    }
    Path summaryFile = summary;
    if (summaryFile != null) {
      return predictSummary(summaryFile);
    }
    ClvModel m = ClvModelJson.DOCUMENT.read(CliFiles.readText(model, "--model"));
    Path transactions = input;
    if (transactions == null) {
      throw new IllegalStateException("--input checked above");
    }
    ClvData data = ClvData.of(ClvCommand.readTransactions(transactions,
        CliFiles.charset(encoding)), m.calibrationEnd(), m.unit());
    ClvPredictions predictions = m.predict(data.customers(), horizon, discount);
    Map<CustomerId, ValueTier> tierOf = null;
    if (tiers != null) {
      if (tiers.size() != 2) {
        throw new InvalidInputException(List.of("--tiers needs two shares of total CLV, HIGH_SHARE,MEDIUM_SHARE (e.g. 0.8,0.95),"
            + " but got " + tiers.size() + " values: " + tiers));
      }
      tierOf = predictions.tiers(tiers.get(0), tiers.get(1));
    }
    Map<CustomerId, ValueTier> tierMap = tierOf;
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      try {
        write(out, predictions, tierMap);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else {
      ClvCommand.writeAtomically(output, w -> write(w, predictions, tierMap));
      out.printf(Locale.ROOT, "%d customers predicted over %d %ss at %s per %s into %s%s%n",
          predictions.customers().size(), horizon, m.unit().label(), discount, m.unit().label(), output,
          data.lateCustomers() == 0 ? ""
              : "; " + data.lateCustomers() + " customers first seen after " + m.calibrationEnd() + " left out");
    }
    out.flush();
    return 0;
  }

  private int predictSummary(Path file) {
    if (tiers != null) {
      throw new InvalidInputException(List.of("--tiers needs lifetime values, which --summary does not compute"));
    }
    if (discount != 0) {
      throw new InvalidInputException(List.of("--discount applies to lifetime values, which --summary does not compute"));
    }
    PurchaseModel m = PurchaseModelJson.readAny(CliFiles.readText(model, "--model")).model();
    SummaryCsv.Summary s = ClvCommand.readSummary(file);
    List<List<String>> rows = new ArrayList<>(s.rows().size());
    for (int i = 0; i < s.rows().size(); i++) {
      CustomerSummary c = s.data().customers().get(i);
      List<String> row = new ArrayList<>(s.rows().get(i));
      row.add(number(m.probabilityAlive(c)));
      row.add(number(m.expectedPurchases(c, horizon)));
      rows.add(row);
    }
    List<String> header = new ArrayList<>(s.header());
    header.add("p_alive");
    header.add("expected_purchases");
    ClvCommand.Content content = w -> {
      Csv.writeRow(w, header);
      for (List<String> row : rows) {
        Csv.writeRow(w, row);
      }
      w.flush();
    };
    PrintWriter out = spec.commandLine().getOut();
    Path target = output;
    if (target == null) {
      try {
        content.writeTo(out);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    } else {
      ClvCommand.writeAtomically(target, content);
      out.printf(Locale.ROOT, "%d summary rows predicted over %d periods with %s into %s%n", rows.size(), horizon,
          m.kind().label(), target);
    }
    out.flush();
    return 0;
  }

  private static void write(Writer w, ClvPredictions predictions,
      Map<CustomerId, ValueTier> tierOf) throws java.io.IOException {
    List<String> header = new ArrayList<>(HEADER);
    if (tierOf != null) {
      header.add("tier");
    }
    Csv.writeRow(w, header);
    for (CustomerPrediction p : predictions.customers()) {
      List<String> row = new ArrayList<>(List.of(p.customer().value(), number(p.probabilityAlive()),
          number(p.expectedPurchases()), number(p.expectedSpend()), number(p.clv())));
      if (tierOf != null) {
        row.add(tierOf.get(p.customer()).name());
      }
      Csv.writeRow(w, row);
    }
    w.flush();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}

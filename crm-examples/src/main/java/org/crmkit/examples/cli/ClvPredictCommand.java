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
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.tiers.ValueTier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv predict}: per-customer predictions as of the model's calibration end, over a
 * horizon in the model's unit, discounted per period.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Predicts p_alive, expected purchases, expected spend and CLV per customer, as of the "
        + "model's calibration end; horizon in the model's unit, discount rate per period.")
final class ClvPredictCommand implements Callable<Integer> {
  /** The output header. */
  static final List<String> HEADER = List.of("customer_id", "p_alive", "expected_purchases", "expected_spend", "clv");

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "model JSON written by 'crmkit clv fit'")
  Path model;

  @Option(names = "--input", required = true, description = "transactions CSV: customer_id,date,amount")
  Path input;

  @Option(names = "--horizon", required = true, description = "periods (of the model's unit) to predict")
  int horizon;

  @Option(names = "--discount", defaultValue = "0", description = "discount rate per period (default: ${DEFAULT-VALUE})")
  double discount;

  @Option(names = "--output", description = "CSV file to write (default: standard output)")
  Path output;

  @Option(names = "--tiers", paramLabel = "HIGH,MEDIUM", split = ",",
      description = {"Adds a last column 'tier' (HIGH, MEDIUM, LOW): the customers making the top",
          "HIGH share of total CLV are HIGH, up to MEDIUM are MEDIUM, e.g. --tiers 0.8,0.95"})
  List<Double> tiers;

  @Override
  public Integer call() {
    ClvModel m = ClvModelJson.read(ClvCommand.readText(model));
    ClvData data = ClvData.of(ClvCommand.readTransactions(input), m.calibrationEnd(), m.unit());
    ClvPredictions predictions = m.predict(data.customers(), horizon, discount);
    Map<CustomerId, ValueTier> tierOf = null;
    if (tiers != null) {
      if (tiers.size() != 2) {
        throw new InvalidInputException(List.of("--tiers needs two shares HIGH,MEDIUM (e.g. 0.8,0.95),"
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

package org.crmkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.examples.csv.Csv;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.json.ClvModelJson;
import org.crmkit.json.PurchaseModelJson;
import org.crmkit.segmentation.clv.Diagnostics;
import org.crmkit.segmentation.clv.FrequencyBucket;
import org.crmkit.segmentation.clv.PurchaseModel;
import org.crmkit.segmentation.clv.WeightedSummaries;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit clv diagnose}: a fitted model's diagnostics as CSV on standard output, ready to
 * plot:
 *
 * <ul>
 *   <li>{@code --what p-alive} and {@code --what expected}: {@code frequency,recency,value} over
 *       {@code x = 0 … --max-frequency} and recencies in {@code [0, --age]} (impossible pairs left
 *       out); {@code expected} over {@code --horizon} periods;
 *   <li>{@code --what calibration}: {@code frequency,customers,actual_mean,expected_mean} of the
 *       hold-out purchases by calibration frequency (needs {@code --input} and {@code --holdout-end});
 *   <li>{@code --what tracking}: {@code period,actual,expected} cumulative hold-out repeat
 *       purchases (needs {@code --input} and {@code --holdout-end}).
 * </ul>
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
    description = {"Prints a model's diagnostics as CSV: p-alive or expected (frequency,recency,value),",
        "calibration (frequency,customers,actual_mean,expected_mean) or tracking (period,actual,expected)."})
final class ClvDiagnoseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, description = "model JSON written by 'crmkit clv fit'")
  Path model;

  @Option(names = "--what", required = true, description = "p-alive, expected, calibration or tracking")
  String what;

  @Option(names = "--age", description = "customer age T (BG/BB: opportunities n) for p-alive and expected")
  @Nullable Double age;

  @Option(names = "--max-frequency", defaultValue = "20", description = "largest frequency of the matrices, or the "
      + "open bucket of calibration (default: ${DEFAULT-VALUE}; 7 for calibration)")
  int maxFrequency;

  @Option(names = "--points", defaultValue = "40", description = "recency points of the matrices (default: ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--horizon", defaultValue = "52", description = "periods for expected (default: ${DEFAULT-VALUE})")
  double horizon;

  @Option(names = "--input", description = "transactions CSV for calibration and tracking")
  @Nullable Path input;

  @Option(names = "--holdout-end", description = "last day (yyyy-MM-dd) of the hold-out period")
  @Nullable String holdoutEnd;

  @Override
  public Integer call() {
    String text = ClvCommand.readText(model);
    PrintWriter out = spec.commandLine().getOut();
    try {
      switch (what) {
        case "p-alive", "expected" -> {
          PurchaseModel m = PurchaseModelJson.readAny(text).model();
          Double t = age;
          if (t == null) {
            throw new InvalidInputException(List.of("--what " + what + " needs --age"));
          }
          Diagnostics.Grid g = what.equals("p-alive") ? Diagnostics.probabilityAliveMatrix(m, t, maxFrequency, points)
              : Diagnostics.expectedPurchasesMatrix(m, t, maxFrequency, points, horizon);
          Csv.writeRow(out, List.of("frequency", "recency", "value"));
          for (int i = 0; i < g.frequencies().size(); i++) {
            for (int j = 0; j < g.recencies().size(); j++) {
              double v = g.values().get(i).get(j);
              if (!Double.isNaN(v)) {
                Csv.writeRow(out, List.of(String.valueOf(g.frequencies().get(i)),
                    ClvCompareCommand.fixed(g.recencies().get(j), 4), ClvCompareCommand.fixed(v, 6)));
              }
            }
          }
        }
        case "calibration", "tracking" -> {
          ClvModel m = ClvModelJson.DOCUMENT.read(text);
          Path tx = input;
          String last = holdoutEnd;
          if (tx == null || last == null) {
            throw new InvalidInputException(List.of("--what " + what + " needs --input and --holdout-end"));
          }
          LocalDate end = ClvCompareCommand.date("--holdout-end", last);
          ClvData data = ClvData.of(ClvCommand.readTransactions(tx), m.calibrationEnd(), end, m.unit());
          double periods = m.unit().between(m.calibrationEnd(), end);
          if (!(periods >= 1)) {
            throw new InvalidInputException(List.of("--holdout-end must be at least one " + m.unit().label()
                + " after the calibration end " + m.calibrationEnd() + ", but was " + last));
          }
          if (what.equals("calibration")) {
            int open = spec.commandLine().getParseResult().hasMatchedOption("--max-frequency") ? maxFrequency : 7;
            List<FrequencyBucket> buckets = Diagnostics.calibrationVsHoldout(WeightedSummaries.of(data.customers()),
                periods, open, List.of(m.purchases().model()));
            Csv.writeRow(out, List.of("frequency", "customers", "actual_mean", "expected_mean"));
            for (FrequencyBucket b : buckets) {
              Csv.writeRow(out, List.of(b.frequency() + (b.open() ? "+" : ""), ClvCompareCommand.fixed(b.customers(), 0),
                  ClvCompareCommand.fixed(b.actualMean(), 6),
                  ClvCompareCommand.fixed(b.expectedMean().values().iterator().next(), 6)));
            }
          } else {
            Csv.writeRow(out, List.of("period", "actual", "expected"));
            for (Diagnostics.TrackingPoint p : Diagnostics.trackingCurve(m, data, (int) Math.floor(periods))) {
              Csv.writeRow(out, List.of(String.valueOf(p.period()), ClvCompareCommand.fixed(p.actual(), 0),
                  ClvCompareCommand.fixed(p.expected(), 4)));
            }
          }
        }
        default -> throw new InvalidInputException(List.of("--what must be p-alive, expected, calibration or tracking,"
            + " but was '" + what + "'"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    return 0;
  }
}

package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.examples.csv.Csv;
import org.crmkit.segmentation.forecast.FunnelAnalysis;
import org.crmkit.segmentation.forecast.OpenDeal;
import org.crmkit.segmentation.forecast.PipelineForecast;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit forecast}: sales forecasts.
 *
 * <p>{@code pipeline}: from an audit log ({@code --records}, as for {@code crmkit funnel analyze})
 * and the open deals ({@code --deals}, CSV {@code deal_id,stage,amount,days_in_stage}), prints
 * {@code period,expected,lower,upper} for periods {@code 1 … --periods} of {@code --period-days}
 * days and a last row {@code total}: the expected won revenue and its {@code --level} prediction
 * interval. {@code --declared} uses the sales funnel's declared win probabilities instead of the
 * history's (timing still from the history).
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Sales forecasts from the funnel's history.",
    subcommands = {ForecastCommand.Pipeline.class})
final class ForecastCommand implements Callable<Integer> {
  /** The deals CSV header. */
  static final List<String> DEALS = List.of("deal_id", "stage", "amount", "days_in_stage");
  /** The output header. */
  static final List<String> HEADER = List.of("period", "expected", "lower", "upper");

  @Spec CommandSpec spec;

  /** Without a sub-command: a usage error (exit 2). */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing sub-command: use 'crmkit forecast pipeline'");
  }

  /** Decimal numbers only: no hexadecimal ({@code 0x1p3}), no type suffix ({@code 1d}), no NaN. */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");

  /** Largest magnitude of an amount or a day count: the bound of transaction amounts. */
  private static final double MAX_DECIMAL = 1e15;

  /**
   * Reads the open deals: every malformed row is reported, each naming the file and its line;
   * amounts and days are decimals (no hexadecimal, no NaN) of magnitude below 10^15.
   */
  static List<OpenDeal> readDeals(Path file) {
    List<Csv.Row> rows;
    try (BufferedReader in = CliFiles.open(file, "--deals", StandardCharsets.UTF_8)) {
      rows = Csv.read(in, DEALS);
    } catch (InvalidInputException e) {
      throw CliFiles.inFile("--deals", file, e);
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--deals", file, e);
    }
    List<OpenDeal> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Csv.Row r : rows) {
      int before = problems.size();
      double amount = decimal(r.get(2), "amount", r.line(), problems);
      double days = decimal(r.get(3), "days_in_stage", r.line(), problems);
      if (problems.size() > before) {
        continue;
      }
      try {
        out.add(new OpenDeal(r.get(0), r.get(1), amount, days));
      } catch (CrmException e) {
        problems.add("line " + r.line() + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw CliFiles.inFile("--deals", file, new InvalidInputException(problems));
    }
    return out;
  }

  private static double decimal(String field, String what, int line, List<String> problems) {
    String s = field.strip();
    if (!DECIMAL.matcher(s).matches()) {
      problems.add("line " + line + ": " + what + " must be a decimal number (e.g. 1200, 2.5),"
          + " but was '" + field + "'");
      return 0;
    }
    double v = Double.parseDouble(s);
    if (!(Math.abs(v) < MAX_DECIMAL)) {
      problems.add("line " + line + ": " + what + " '" + field + "' is out of range; it must be"
          + " between -10^15 and 10^15 (exclusive)");
      return 0;
    }
    return v;
  }

  /** {@code crmkit forecast pipeline}. */
  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      description = {"Prints period,expected,lower,upper of the won revenue of the open deals (CSV deal_id,stage,",
          "amount,days_in_stage) per future period, from the funnel history (--records), and a last row 'total'."})
  static final class Pipeline implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--records", description = "audit log CSV subject_id,from,to,event,at[,actor,version]")
    @Nullable Path records;

    @Option(names = "--jdbc-url", description = "read the audit log of a crmkit store instead")
    @Nullable String jdbcUrl;

    @Option(names = "--deals", required = true, description = "open deals CSV deal_id,stage,amount,days_in_stage")
    Path deals;

    @Option(names = "--as-of", description = "the forecast's now (default: the last record's)")
    @Nullable String asOf;

    @Option(names = "--periods", defaultValue = "6", description = "future periods, 1..1000 (default: ${DEFAULT-VALUE})")
    int periods;

    @Option(names = "--period-days", defaultValue = "30", description = "days per period (default: ${DEFAULT-VALUE})")
    int periodDays;

    @Option(names = "--level", defaultValue = "0.8", description = "prediction interval coverage (default: ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--seed", defaultValue = "42", description = "simulation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--declared", description = "use the sales funnel's declared win probabilities")
    boolean declared;

    @Option(names = "--won", split = ",", description = "won states (default: the sales funnel's 'won')")
    @Nullable List<String> won;

    @Option(names = "--lost", split = ",", description = "lost states (default: the sales funnel's 'lost')")
    @Nullable List<String> lost;

    @Override
    public Integer call() {
      List<TransitionRecord> log = FunnelCommand.log(records, jdbcUrl);
      List<OpenDeal> open = readDeals(deals);
      FunnelAnalysis history = FunnelAnalysis.of(log, FunnelCommand.outcomes(won, lost), FunnelCommand.asOf(asOf, log));
      Map<String, Double> probabilities = new HashMap<>();
      if (declared) {
        Machine m = SalesFunnel.machine();
        for (OpenDeal d : open) {
          probabilities.put(d.stage(), SalesFunnel.winProbability(m, d.stage()));
        }
      }
      PipelineForecast f = PipelineForecast.of(history, open, periods, periodDays, level, probabilities, seed);
      PrintWriter out = spec.commandLine().getOut();
      try {
        Csv.writeRow(out, HEADER);
        for (PipelineForecast.Period p : f.periods()) {
          Csv.writeRow(out, List.of(String.valueOf(p.index()), FunnelCommand.rate(p.expected(), 2),
              FunnelCommand.rate(p.lower(), 2), FunnelCommand.rate(p.upper(), 2)));
        }
        PipelineForecast.Period t = f.total();
        Csv.writeRow(out, List.of("total", FunnelCommand.rate(t.expected(), 2), FunnelCommand.rate(t.lower(), 2),
            FunnelCommand.rate(t.upper(), 2)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
      return 0;
    }
  }
}

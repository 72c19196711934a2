package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.examples.csv.Csv;
import org.crmkit.examples.jdbc.UrlDataSource;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.examples.demo.Demo;
import org.crmkit.jdbc.JdbcStoreException;
import org.crmkit.segmentation.forecast.CohortCurve;
import org.crmkit.segmentation.forecast.FunnelAnalysis;
import org.crmkit.segmentation.forecast.FunnelOutcomes;
import org.crmkit.segmentation.forecast.StageStatistics;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit funnel}: funnel statistics from a lifecycle audit log.
 *
 * <p>Input, {@code --records}: a CSV with the header {@code subject_id,from,to,event,at} or
 * {@code subject_id,from,to,event,at,actor,version} (a {@code TransitionRecord} per row); {@code at}
 * an ISO-8601 instant, offset date-time or date (midnight UTC); or {@code --jdbc-url}: the audit
 * log of a crmkit store (the demo persists one at {@code jdbc:h2:./crmkit-data/demo}). Output of
 * {@code analyze}, on
 * standard output: {@code stage,entered,advanced,won,lost,current,conversion_rate,win_rate,
 * median_days,p25_days,p75_days,p90_days,timed_stays}, one row per stage in order of first
 * appearance, empty fields where a rate or quantile is undefined. {@code --cohorts FILE} writes
 * {@code cohort_start,subjects,window,won_share} (one row per cohort and elapsed window).
 */
@Command(name = "funnel", mixinStandardHelpOptions = true,
    description = "Funnel analytics from a lifecycle audit log (CSV of transition records).",
    subcommands = {FunnelCommand.Analyze.class})
final class FunnelCommand implements Callable<Integer> {
  /** The short records header. */
  static final List<String> RECORDS = List.of("subject_id", "from", "to", "event", "at");
  /** The full records header. */
  static final List<String> RECORDS_FULL = List.of("subject_id", "from", "to", "event", "at", "actor", "version");
  /** The analysis output header. */
  static final List<String> HEADER = List.of("stage", "entered", "advanced", "won", "lost", "current",
      "conversion_rate", "win_rate", "median_days", "p25_days", "p75_days", "p90_days", "timed_stays");

  @Spec CommandSpec spec;

  /** Without a sub-command: a usage error (exit 2). */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing sub-command: use 'crmkit funnel analyze'");
  }

  /**
   * Reads the records CSV (either header), every malformed row reported with the file and its
   * line.
   */
  static List<TransitionRecord> readRecords(Path file) {
    try (BufferedReader in = CliFiles.open(file, "--records", StandardCharsets.UTF_8)) {
      return readRecords(in);
    } catch (InvalidInputException e) {
      throw CliFiles.inFile("--records", file, e);
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--records", file, e);
    }
  }

  private static List<TransitionRecord> readRecords(BufferedReader in) {
    List<TransitionRecord> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    java.util.Map<String, Long> versions = new java.util.HashMap<>();
    try {
      Csv.forEachOf(in, List.of(RECORDS, RECORDS_FULL), (found, row) -> {
        List<String> f = row.fields();
        String at = "line " + row.line() + ": ";
        if (f.size() != found.size()) {
          problems.add(Csv.fieldCount(row, found));
          return;
        }
        Instant when = LifecycleReplayCommand.parseAt(f.get(4));
        if (when == null) {
          problems.add(at + "at '" + f.get(4) + "' is not an ISO-8601 instant,"
              + " date-time or date in the years 0001 to 9999");
          return;
        }
        String actor = found.size() == 7 ? f.get(5) : "log";
        long version;
        if (found.size() == 7) {
          String v = f.get(6).strip();
          try {
            version = Long.parseLong(v);
          } catch (NumberFormatException e) {
            problems.add(at + "version must be a whole number, but was '" + v + "'");
            return;
          }
        } else {
          version = versions.merge(f.get(0), 1L, Long::sum);
        }
        try {
          out.add(new TransitionRecord(f.get(0), f.get(1), f.get(2), f.get(3), when, actor,
              version));
        } catch (CrmException e) {
          problems.add(at + e.getMessage());
        }
      });
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return out;
  }

  /** The audit log from {@code --records} (CSV) or {@code --jdbc-url} (a crmkit store, e.g. the demo's). */
  static List<TransitionRecord> log(@Nullable Path records, @Nullable String jdbcUrl) {
    if ((records == null) == (jdbcUrl == null)) {
      throw new InvalidInputException(List.of("give exactly one of --records (CSV) and --jdbc-url (a crmkit store)"));
    }
    if (records != null) {
      return readRecords(records);
    }
    String url = jdbcUrl;
    try {
      // crm-jdbc's lifecycle tables: the one machine stored, or the demo's among several
      LifecycleStore store = new LifecycleStore(new UrlDataSource(url));
      List<String> machines = store.machines();
      String machine = machines.size() == 1 ? machines.get(0)
          : machines.contains(Demo.DEMO_MACHINE) ? Demo.DEMO_MACHINE : null;
      if (machine == null) {
        throw new InvalidInputException(List.of("the store at " + url + " holds "
            + (machines.isEmpty() ? "no lifecycle subjects" : "the machines " + machines
            + ", and none is the demo's '" + Demo.DEMO_MACHINE + "'")));
      }
      return store.historyOf(machine);
    } catch (JdbcStoreException e) {
      throw new InvalidInputException(List.of("cannot read the audit log from " + url + ": " + e.getMessage()));
    }
  }

  /** The outcomes: {@code --won}/{@code --lost}, or the sales funnel's declared ones. */
  static FunnelOutcomes outcomes(@Nullable List<String> won, @Nullable List<String> lost) {
    if (won == null && lost == null) {
      return FunnelOutcomes.fromMachine(SalesFunnel.machine());
    }
    return new FunnelOutcomes(new LinkedHashSet<>(won == null ? List.of("won") : won),
        new LinkedHashSet<>(lost == null ? List.of() : lost));
  }

  /** The analysis instant: {@code --as-of}, or the last record's. */
  static Instant asOf(@Nullable String asOf, List<TransitionRecord> records) {
    if (asOf != null) {
      Instant at = LifecycleReplayCommand.parseAt(asOf);
      if (at == null) {
        throw new InvalidInputException(List.of("--as-of '" + asOf + "' is not an ISO instant, date-time or date"));
      }
      return at;
    }
    return records.stream().map(TransitionRecord::at).max(Instant::compareTo)
        .orElseThrow(() -> new InvalidInputException(List.of("the records file holds no record")));
  }

  static String rate(double v, int digits) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** {@code crmkit funnel analyze}. */
  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = {"Prints per stage: stage,entered,advanced,won,lost,current,conversion_rate,win_rate,median_days,",
          "p25_days,p75_days,p90_days,timed_stays (CSV). Times in stage are Kaplan-Meier estimates (open stays censored)."})
  static final class Analyze implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--records", description = "CSV subject_id,from,to,event,at[,actor,version]")
    @Nullable Path records;

    @Option(names = "--jdbc-url", description = "read the audit log of a crmkit store instead (e.g. the demo's"
        + " jdbc:h2:./crmkit-data/demo)")
    @Nullable String jdbcUrl;

    @Option(names = "--as-of", description = "analysis instant (default: the last record's); later records are ignored")
    @Nullable String asOf;

    @Option(names = "--won", split = ",", description = "won states (default: the sales funnel's 'won')")
    @Nullable List<String> won;

    @Option(names = "--lost", split = ",", description = "lost states (default: the sales funnel's 'lost')")
    @Nullable List<String> lost;

    @Option(names = "--cohorts", description = "CSV file for cohort curves: cohort_start,subjects,window,won_share")
    @Nullable Path cohorts;

    @Option(names = "--cohort-days", defaultValue = "30", description = "cohort window in days (default: ${DEFAULT-VALUE})")
    int cohortDays;

    @Override
    public Integer call() {
      List<TransitionRecord> log = log(records, jdbcUrl);
      FunnelAnalysis f = FunnelAnalysis.of(log, outcomes(won, lost), FunnelCommand.asOf(asOf, log));
      PrintWriter out = spec.commandLine().getOut();
      try {
        Csv.writeRow(out, HEADER);
        for (StageStatistics s : f.stages()) {
          Csv.writeRow(out, List.of(s.stage(), String.valueOf(s.entered()), String.valueOf(s.advanced()),
              String.valueOf(s.won()), String.valueOf(s.lost()), String.valueOf(s.current()), rate(s.conversionRate(), 6),
              rate(s.winRate(), 6), rate(s.medianDays(), 3), rate(s.quartileDays(), 3), rate(s.upperQuartileDays(), 3),
              rate(s.p90Days(), 3), String.valueOf(s.timedStays())));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
      Path file = cohorts;
      if (file != null) {
        List<CohortCurve> curves = f.cohortCurves(cohortDays, 1000);
        ClvCommand.writeAtomically(file, w -> {
          Csv.writeRow(w, List.of("cohort_start", "subjects", "window", "won_share"));
          for (CohortCurve c : curves) {
            for (int k = 0; k < c.wonShare().size(); k++) {
              Csv.writeRow(w, List.of(c.start().toString(), String.valueOf(c.subjects()), String.valueOf(k + 1),
                  rate(c.wonShare().get(k), 6)));
            }
          }
        });
      }
      return 0;
    }
  }
}

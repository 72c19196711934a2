package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.crmkit.examples.csv.Csv;
import org.crmkit.segmentation.clv.FitWarning;
import org.crmkit.segmentation.clv.RetentionFit;
import org.crmkit.json.RetentionModelJson;
import org.crmkit.segmentation.clv.RetentionPoint;
import org.crmkit.segmentation.clv.ShiftedBetaGeometric;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit retention}: contractual retention with the shifted-beta-geometric model (Fader
 * &amp; Hardie 2007): {@code fit} it on a cohort's active counts, {@code project} survival and
 * retention rates.
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Contractual retention (shifted-beta-geometric): fit a cohort, project its survival.",
    subcommands = {RetentionCommand.Fit.class, RetentionCommand.Project.class})
final class RetentionCommand implements Callable<Integer> {
  /** The cohort CSV header. */
  static final List<String> COHORT_HEADER = List.of("period", "active");
  /** The projection CSV header. */
  static final List<String> PROJECTION_HEADER = List.of("period", "survival", "retention_rate");

  @Spec CommandSpec spec;

  /** Without a sub-command: a usage error (exit 2). */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "missing sub-command: use 'crmkit retention fit' or 'crmkit retention project'");
  }

  /**
   * Reads {@code period,active}: periods 0, 1, 2, … in order, period 0 the cohort size, counts whole
   * numbers that never increase. Every problem names the file ({@code option}) and its line; a
   * row with a problem is not compared with the next (one bad row is one problem).
   */
  static List<Long> readCohort(Path file, String option) {
    List<Csv.Row> rows;
    try (BufferedReader in = CliFiles.open(file, option, StandardCharsets.UTF_8)) {
      rows = Csv.read(in, COHORT_HEADER);
    } catch (InvalidInputException e) {
      throw CliFiles.inFile(option, file, e);
    } catch (IOException e) {
      throw CliFiles.cannot("read", option, file, e);
    }
    List<String> problems = new ArrayList<>();
    List<Long> active = new ArrayList<>();
    long last = -1;   // the previous row's count, -1 when that row had a problem
    for (Csv.Row row : rows) {
      int expected = active.size();
      long count = -1;
      try {
        long period = Long.parseLong(row.get(0).strip());
        long value = Long.parseLong(row.get(1).strip());
        if (period != expected) {
          problems.add("line " + row.line() + ": expected period " + expected
              + " (periods 0, 1, 2, ... in order), but found " + period);
        } else if (value < 0) {
          problems.add("line " + row.line() + ": active must be a whole number >= 0, but was "
              + value);
        } else if (last >= 0 && value > last) {
          problems.add("line " + row.line() + ": active counts cannot increase in a cohort, but "
              + value + " follows " + last);
        } else {
          count = value;
        }
      } catch (NumberFormatException e) {
        problems.add("line " + row.line() + ": period and active must be whole numbers, but were '"
            + row.get(0) + "' and '" + row.get(1) + "'");
      }
      active.add(count);
      last = count;
    }
    if (problems.isEmpty() && active.size() < 2) {
      problems.add("the cohort needs periods 0 and at least 1, but the file has " + active.size()
          + " rows");
    }
    if (!problems.isEmpty()) {
      throw CliFiles.inFile(option, file, new InvalidInputException(problems));
    }
    return active;
  }

  /** {@code crmkit retention fit}. */
  @Command(name = "fit", mixinStandardHelpOptions = true,
      description = {"Fits the shifted-beta-geometric model to a cohort CSV period,active (period 0 = the cohort",
          "size); prints the model (crmkit.retention-model/1) and writes it to --output."})
  static final class Fit implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, description = "cohort CSV: period,active")
    Path input;

    @Option(names = "--output", description = "model JSON file to write")
    @Nullable Path output;

    @Override
    public Integer call() {
      RetentionFit fit = ShiftedBetaGeometric.fit(readCohort(input, "--input"));
      String json = RetentionModelJson.DOCUMENT.write(fit);
      Path out = output;
      if (out != null) {
        ClvCommand.writeAtomically(out, w -> w.write(json));
      }
      for (FitWarning w : fit.warnings()) {
        spec.commandLine().getErr().println("warning: " + w.message());
      }
      spec.commandLine().getErr().flush();
      PrintWriter printer = spec.commandLine().getOut();
      printer.print(json);
      printer.flush();
      return 0;
    }
  }

  /** {@code crmkit retention project}. */
  @Command(name = "project", mixinStandardHelpOptions = true,
      description = {"Prints period,survival,retention_rate for periods 0..--periods (CSV): survival is the share of",
          "the cohort still active, retention_rate the share of those active at t-1 still active at t (empty at 0).",
          "--actual cohort.csv appends actual_survival: the projection against what was observed."})
  static final class Project implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "model JSON written by 'crmkit retention fit'")
    Path model;

    @Option(names = "--periods", required = true, description = "last period to project (0..100000)")
    int periods;

    @Option(names = "--actual", description = {"cohort CSV period,active to compare with: appends a column",
        "actual_survival (empty beyond the data), and projects at least as far as the data go"})
    @Nullable Path actual;

    @Override
    public Integer call() {
      if (periods < 0 || periods > 100_000) {
        throw new InvalidInputException(List.of("--periods must be between 0 and 100000, but was " + periods));
      }
      RetentionFit fit = RetentionModelJson.DOCUMENT.read(ClvCommand.readText(model));
      Path cohort = actual;
      List<Long> observed = cohort == null ? List.of() : readCohort(cohort, "--actual");
      PrintWriter out = spec.commandLine().getOut();
      try {
        List<String> header = new ArrayList<>(PROJECTION_HEADER);
        if (cohort != null) {
          header.add("actual_survival");
        }
        Csv.writeRow(out, header);
        for (RetentionPoint p : fit.model().project(Math.max(periods, observed.size() - 1))) {
          List<String> row = new ArrayList<>(List.of(String.valueOf(p.period()),
              String.format(Locale.ROOT, "%.6f", p.survival()),
              Double.isNaN(p.retentionRate()) ? "" : String.format(Locale.ROOT, "%.6f", p.retentionRate())));
          if (cohort != null) {
            row.add(p.period() < observed.size()
                ? String.format(Locale.ROOT, "%.6f", (double) observed.get(p.period()) / observed.get(0)) : "");
          }
          Csv.writeRow(out, row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
      return 0;
    }
  }
}

package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.assignment.Assignment;
import org.crmkit.core.assignment.AssignmentBatch;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.examples.csv.Csv;
import org.crmkit.json.AssignmentRulesJson;
import org.crmkit.json.AssignmentStateJson;
import org.crmkit.json.AssignmentTeamJson;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crmkit assign}: assigns the leads of a CSV file with assignment rules over a team, and
 * writes {@code lead_id,assignee,rule,reason}. Every input is validated before anything is
 * written; invalid input exits with status 2 and writes no file.
 */
@Command(name = "assign", mixinStandardHelpOptions = true,
    description = "Assigns leads (CSV) with assignment rules (JSON) over a team (JSON); writes "
        + "lead_id,assignee,rule,reason.")
final class AssignCommand implements Callable<Integer> {
  /** The header leads.csv must have. */
  static final List<String> LEADS_HEADER = List.of("lead_id", "territory", "product_line",
      "industry", "size_band", "source", "score", "value_tier");
  /** The header of the output. */
  /** Decimal numbers only: no hexadecimal ({@code 0x1p3}), no type suffix ({@code 1d}, {@code 0.5f}). */
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
  static final List<String> OUTPUT_HEADER = List.of("lead_id", "assignee", "rule", "reason");

  @Spec CommandSpec spec;

  @Option(names = "--rules", required = true, description = "rules document "
      + "(crmkit.assignment-rules/1)")
  Path rules;

  @Option(names = "--team", required = true, description = "team document "
      + "(crmkit.assignment-team/1)")
  Path team;

  @Option(names = "--leads", required = true, description = "leads CSV: "
      + "lead_id,territory,product_line,industry,size_band,source,score,value_tier")
  Path leads;

  @Option(names = "--output", required = true, description = "output CSV: "
      + "lead_id,assignee,rule,reason")
  Path output;

  @Option(names = "--at", description = "the instant of the assignment (ISO-8601, e.g. "
      + "2026-11-23T09:00:00Z) for availability and capacity; default: now")
  String at;

  @Option(names = "--state", description = "distribution state (crmkit.assignment-state/1): "
      + "read if the file exists, then replaced by the state after this run")
  Path state;

  @Option(names = "--encoding", paramLabel = "CHARSET",
      description = "encoding of the leads CSV (default UTF-8), e.g. windows-1252")
  String encoding;

  /** Instants the command accepts: years 0001 to 9999, so that capacity periods never overflow. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  @Override
  public Integer call() {
    Instant instant = instant();
    java.nio.charset.Charset charset = CliFiles.charset(encoding);
    CliFiles.Outputs.check(output, "--output");
    if (state != null) {
      CliFiles.Outputs.check(state, "--state");
    }
    // every input is read and checked before any problem is reported, so that one run lists the
    // problems of all of them, each document's under a line naming its file
    List<String> problems = new ArrayList<>();
    AssignmentState initial = AssignmentState.empty();
    if (state != null && Files.exists(state)) {
      try {
        initial = AssignmentStateJson.DOCUMENT.read(CliFiles.readText(state, "--state"));
      } catch (InvalidDefinitionException e) {
        problems.addAll(invalid("--state", state, e));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    AssignmentTeamJson.Team roster = null;
    try {
      roster = AssignmentTeamJson.DOCUMENT.read(CliFiles.readText(team, "--team"));
    } catch (InvalidDefinitionException e) {
      problems.addAll(invalid("--team", team, e));
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    String rulesText = null;
    try {
      rulesText = CliFiles.readText(rules, "--rules");
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    // the rules over the team; without a valid team, the rules over a stand-in team holding
    // exactly the users and teams they name (for checking the rules and the leads only)
    AssignmentRules assignment = null;
    AssignmentRules checked = null;
    if (rulesText != null) {
      try {
        checked = roster != null ? AssignmentRulesJson.read(rulesText, roster)
            : AssignmentRulesJson.readWithoutTeam(rulesText);
        assignment = roster != null ? checked : null;
      } catch (InvalidDefinitionException e) {
        problems.addAll(invalid("--rules", rules, e));
      }
    }
    List<Lead> parsed = List.of();
    try {
      parsed = readLeads(checked, charset);
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (rulesText != null && roster == null) {
      problems.add(InputProblems.notChecked("the rules' references to users and teams", "team"));
    }
    if (!problems.isEmpty() || assignment == null) {
      throw new InvalidInputException(problems);
    }
    AssignmentBatch batch = assignment.assignAll(parsed, initial, instant);
    CliFiles.Outputs outputs = new CliFiles.Outputs();
    outputs.add(output, "--output", out -> {
      Csv.writeRow(out, OUTPUT_HEADER);
      for (Assignment a : batch.assignments()) {
        Csv.writeRow(out, List.of(a.leadId(), a.assignee().toString(), a.rule(), a.explain()));
      }
    });
    if (state != null) {
      String next = AssignmentStateJson.DOCUMENT.write(batch.nextState());
      outputs.add(state, "--state", out -> out.write(next));
    }
    outputs.commit();
    java.io.PrintWriter console = spec.commandLine().getOut();
    for (Problem w : assignment.warnings()) {
      console.println("warning: " + rules.getFileName() + ": " + w);
    }
    console.println("assigned " + parsed.size() + " leads to " + output);
    console.flush();
    return 0;
  }

  private Instant instant() {
    if (at == null) {
      return Instant.now();
    }
    Instant parsed;
    try {
      parsed = Instant.parse(at.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of("--at: expected an ISO-8601 instant like "
          + "2026-11-23T09:00:00Z, but found '" + at + "'"));
    }
    if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
      throw new InvalidInputException(List.of("--at: '" + at + "' is out of range; instants "
          + "must lie in the years 0001 to 9999"));
    }
    return parsed;
  }

  /** The document's problems under a line naming it, each line naming the file. */
  private static List<String> invalid(String option, Path file, InvalidDefinitionException e) {
    return InputProblems.describe(option, file, e, file.getFileName() + ": ");
  }

  /** Reads and checks the leads; without rules (they had problems), checks only the rows. */
  private List<Lead> readLeads(@Nullable AssignmentRules rules, java.nio.charset.Charset charset) {
    List<Csv.Row> rows;
    try (BufferedReader in = CliFiles.open(leads, "--leads", charset)) {
      rows = Csv.read(in, LEADS_HEADER);
    } catch (IOException e) {
      throw CliFiles.cannot("read", "--leads", leads, e);
    } catch (InvalidInputException e) {
      List<String> named = new ArrayList<>();
      e.problems().forEach(p -> named.add(p.startsWith("line ")
          ? leads.getFileName() + " " + p : p));
      throw new InvalidInputException(named);
    }
    List<String> problems = new ArrayList<>();
    List<Lead> out = new ArrayList<>(rows.size());
    Set<String> ids = new HashSet<>();
    for (Csv.Row row : rows) {
      String where = leads.getFileName() + " line " + row.line() + ": ";
      int before = problems.size();
      String id = row.get(0);
      if (id.isBlank()) {
        problems.add(where + "lead_id must not be empty");
      } else if (!ids.add(id)) {
        problems.add(where + "duplicate lead_id '" + id + "'");
      }
      Lead.Builder b = Lead.builder().id(id.isBlank() ? "?" : id);
      String territory = row.get(1);
      if (!territory.isEmpty()) {
        TerritoryId t = TerritoryId.of(territory);
        if (rules != null && !rules.territories().contains(t)) {
          problems.add(where + "unknown territory '" + territory + "'; the rules declare "
              + rules.territories().size() + " territories");
        }
        b.territory(t);
      }
      String line = row.get(2);
      if (!line.isEmpty()) {
        ProductLineId p = ProductLineId.of(line);
        if (rules != null && !rules.productLines().contains(p)) {
          problems.add(where + "unknown product_line '" + line + "'; the rules declare "
              + rules.productLines().size() + " product lines");
        }
        b.productLine(p);
      }
      if (!row.get(3).isEmpty()) {
        b.industry(row.get(3));
      }
      String band = row.get(4);
      if (!band.isEmpty()) {
        try {
          b.sizeBand(SizeBand.valueOf(band.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problems.add(where + "size_band must be one of " + List.of(SizeBand.values())
              + ", but was '" + band + "'");
        }
      }
      if (!row.get(5).isEmpty()) {
        b.source(row.get(5));
      }
      String score = row.get(6);
      if (!score.isEmpty()) {
        if (DECIMAL.matcher(score).matches()
            && Double.isFinite(Double.parseDouble(score))) {
          b.score(Double.parseDouble(score));
        } else {
          problems.add(where + "score must be a decimal number (e.g. 80, -2.5, 1e3), but was '"
              + score + "'");
        }
      }
      if (!row.get(7).isEmpty()) {
        b.valueTier(row.get(7));
      }
      if (problems.size() == before) {
        out.add(b.build());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return out;
  }
}

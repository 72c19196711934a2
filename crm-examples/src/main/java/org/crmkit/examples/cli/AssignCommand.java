package org.crmkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

  @Override
  public Integer call() throws IOException {
    Instant instant = instant();
    AssignmentState initial = AssignmentState.empty();
    if (state != null && Files.exists(state)) {
      try {
        initial = AssignmentStateJson.read(read(state, "--state"));
      } catch (InvalidDefinitionException e) {
        throw invalid(state, e);
      }
    }
    AssignmentTeamJson.Team roster;
    try {
      roster = AssignmentTeamJson.read(read(team, "--team"));
    } catch (InvalidDefinitionException e) {
      throw invalid(team, e);
    }
    AssignmentRules assignment;
    try {
      assignment = AssignmentRulesJson.read(read(rules, "--rules"), roster);
    } catch (InvalidDefinitionException e) {
      throw invalid(rules, e);
    }
    List<Lead> parsed = readLeads(assignment);
    AssignmentBatch batch = assignment.assignAll(parsed, initial, instant);
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      Csv.writeRow(out, OUTPUT_HEADER);
      for (Assignment a : batch.assignments()) {
        Csv.writeRow(out, List.of(a.leadId(), a.assignee().toString(), a.rule(), a.explain()));
      }
    }
    if (state != null) {
      Files.writeString(state, AssignmentStateJson.write(batch.nextState()),
          StandardCharsets.UTF_8);
    }
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
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(List.of("--at: expected an ISO-8601 instant like "
          + "2026-11-23T09:00:00Z, but found '" + at + "'"));
    }
  }

  private static String read(Path file, String option) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(List.of(option + ": no such file " + file));
    }
  }

  private static InvalidInputException invalid(Path file, InvalidDefinitionException e) {
    List<String> lines = new ArrayList<>();
    for (Problem p : e.problems()) {
      lines.add(file.getFileName() + ": " + p);
    }
    return new InvalidInputException(lines);
  }

  private List<Lead> readLeads(AssignmentRules rules) throws IOException {
    List<Csv.Row> rows;
    try (BufferedReader in = Files.newBufferedReader(leads, StandardCharsets.UTF_8)) {
      rows = Csv.read(in, LEADS_HEADER);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(List.of("--leads: no such file " + leads));
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
        if (!rules.territories().contains(t)) {
          problems.add(where + "unknown territory '" + territory + "'; the rules declare "
              + rules.territories().size() + " territories");
        }
        b.territory(t);
      }
      String line = row.get(2);
      if (!line.isEmpty()) {
        ProductLineId p = ProductLineId.of(line);
        if (!rules.productLines().contains(p)) {
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
        try {
          double s = Double.parseDouble(score);
          if (!Double.isFinite(s)) {
            throw new NumberFormatException();
          }
          b.score(s);
        } catch (NumberFormatException e) {
          problems.add(where + "score must be a finite number, but was '" + score + "'");
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

package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssignCommandTest {
  static final String TEAM = """
      {"format": "crmkit.assignment-team/1",
       "users": [
         {"id": "alice", "teams": ["inside-sales"]},
         {"id": "bob", "teams": ["emea"], "territories": ["de"], "skills": ["german"]},
         {"id": "carol", "teams": ["emea"], "territories": ["fr"],
          "outOfOffice": [{"from": "2026-11-20T00:00:00Z", "until": "2026-11-24T00:00:00Z"}]},
         {"id": "dan", "teams": ["emea"], "capacity": {"limit": 10, "period": "WEEK"}}]}
      """;
  static final String RULES = """
      {"format": "crmkit.assignment-rules/1",
       "territories": [{"id": "global"}, {"id": "emea", "parent": "global"},
                       {"id": "de", "parent": "emea"}, {"id": "fr", "parent": "emea"},
                       {"id": "apac", "parent": "global"}],
       "entries": [
         {"name": "key", "condition": {"territories": ["emea"], "sizeBands": ["ENTERPRISE"]},
          "target": {"user": "alice"}},
         {"name": "emea", "condition": {"territories": ["emea"]},
          "target": {"strategy": "ROUND_ROBIN", "team": "emea"}},
         {"name": "web", "condition": {"sources": ["web"]}, "target": {"queue": "inside-sales"}}],
       "defaultOwner": {"queue": "inside-sales"}}
      """;
  static final String LEADS = """
      lead_id,territory,product_line,industry,size_band,source,score,value_tier
      L1,de,,retail,enterprise,,80,high
      L2,de,,,small,web,,
      L3,fr,,,,,,
      L4,apac,,,,web,,
      L5,apac,,,,,,
      L6,de,,,,,,
      """;

  @TempDir Path dir;
  Path team;
  Path rules;
  Path leads;
  Path output;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws IOException {
    team = Files.writeString(dir.resolve("team.json"), TEAM);
    rules = Files.writeString(dir.resolve("rules.json"), RULES);
    leads = Files.writeString(dir.resolve("leads.csv"), LEADS);
    output = dir.resolve("assigned.csv");
  }

  int run(String... extra) {
    String[] base = {"assign", "--rules", rules.toString(), "--team", team.toString(),
        "--leads", leads.toString(), "--output", output.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Crmkit.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void assignsEveryLeadAndExplainsWhy() throws IOException {
    int status = run("--at", "2026-11-23T10:00:00Z");
    assertThat(err.toString()).isEmpty();
    assertThat(status).isZero();
    assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo("""
        lead_id,assignee,rule,reason
        L1,alice,key,entry 'key': alice
        L2,bob,emea,entry 'emea' (round robin): bob
        L3,dan,emea,entry 'emea' (round robin): dan; skipped: carol out of office (until 2026-11-24T00:00:00Z)
        L4,queue:inside-sales,web,entry 'web': queue:inside-sales
        L5,queue:inside-sales,default,no entry matched; default owner queue:inside-sales
        L6,bob,emea,entry 'emea' (round robin): bob
        """);
    assertThat(out.toString()).contains("assigned 6 leads to")
        .contains("warning: rules.json: entries[1]: entry 'emea' overlaps entries[0] 'key'");
  }

  @Test
  void aStateFileCarriesTheRotationFromOneRunToTheNext() throws IOException {
    Path state = dir.resolve("state.json");
    Files.writeString(leads, LEADS_HEADER_LINE + "A1,de,,,,,,\n");
    assertThat(run("--at", "2026-11-23T10:00:00Z", "--state", state.toString())).isZero();
    assertThat(Files.readString(state)).contains("\"emea\" : 1");
    Files.writeString(leads, LEADS_HEADER_LINE + "A2,de,,,,,,\n");
    assertThat(run("--at", "2026-11-23T10:00:00Z", "--state", state.toString())).isZero();
    // bob took A1; carol is out of office, so dan takes A2
    assertThat(Files.readString(output)).contains("A2,dan,emea,");
    Files.writeString(state, "{\"format\": \"crmkit.assignment-state/1\", \"cursors\": 5}");
    assertThat(run("--state", state.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("state.json: $.cursors: expected an object");
  }

  static final String LEADS_HEADER_LINE =
      "lead_id,territory,product_line,industry,size_band,source,score,value_tier\n";

  @Test
  void invalidLeadsAreAllReportedAndNothingIsWritten() throws IOException {
    Files.writeString(leads, """
        lead_id,territory,product_line,industry,size_band,source,score,value_tier
        L1,mars,,,,,,
        L2,de,phones,,huge,,abc,
        L1,de,,,,,NaN,
        """);
    assertThat(run("--at", "2026-11-23T10:00:00Z")).isEqualTo(2);
    assertThat(err.toString())
        .contains("leads.csv line 2: unknown territory 'mars'")
        .contains("leads.csv line 3: unknown product_line 'phones'")
        .contains("leads.csv line 3: size_band must be one of [MICRO, SMALL, MEDIUM, LARGE, "
            + "ENTERPRISE], but was 'huge'")
        .contains("leads.csv line 3: score must be a decimal number (e.g. 80, -2.5, 1e3), but was 'abc'")
        .contains("leads.csv line 4: duplicate lead_id 'L1'")
        .contains("leads.csv line 4: score must be a decimal number (e.g. 80, -2.5, 1e3), but was 'NaN'");
    assertThat(output).doesNotExist();
  }

  @Test
  void aWrongHeaderIsInvalidInput() throws IOException {
    Files.writeString(leads, "id,territory\nL1,de\n");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("line 1: expected the header lead_id,territory,");
    assertThat(output).doesNotExist();
  }

  @Test
  void invalidRulesAreReportedWithTheirJsonPaths() throws IOException {
    Files.writeString(rules, RULES.replace("\"user\": \"alice\"", "\"user\": \"zoe\"")
        .replace("\"team\": \"emea\"", "\"team\": \"emea\", \"colour\": 1"));
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString())
        .contains("rules.json: $.entries[1].target.colour: unknown field 'colour'");
    Files.writeString(rules, RULES.replace("\"user\": \"alice\"", "\"user\": \"zoe\""));
    StringWriter err2 = new StringWriter();
    int status = Crmkit.run(new String[] {"assign", "--rules", rules.toString(), "--team",
        team.toString(), "--leads", leads.toString(), "--output", output.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err2));
    assertThat(status).isEqualTo(2);
    assertThat(err2.toString()).contains("rules.json: $.entries[0].target.user: unknown user "
        + "'zoe'; known users: [alice, bob, carol, dan]");
    assertThat(output).doesNotExist();
  }

  @Test
  void invalidTeamMissingFilesAndBadInstantsAreInvalidInput() throws IOException {
    Files.writeString(team, TEAM.replace("\"limit\": 10", "\"limit\": -1"));
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("team.json: $.users[3].capacity.limit: expected an "
        + "integer >= 1, but found the number -1");
    Files.writeString(team, TEAM);
    Files.delete(leads);
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --leads " + leads + ": no such file or directory");
    assertThat(run("--at", "tomorrow")).isEqualTo(2);
    assertThat(err.toString()).contains("--at: expected an ISO-8601 instant");
    assertThat(output).doesNotExist();
  }

  @Test
  void anInvalidTeamAndInvalidRulesAndBadLeadsAreAllReportedInOneRun() throws IOException {
    // the team: a bad limit; the rules: an unknown field and an unknown territory, with targets
    // naming users and teams of the (invalid) team; the leads: a bad row
    Files.writeString(team, TEAM.replace("\"limit\": 10", "\"limit\": -1"));
    Files.writeString(rules, RULES.replace("\"team\": \"emea\"", "\"team\": \"emea\", \"colour\": 1"));
    Files.writeString(leads, LEADS_HEADER_LINE + "L1,mars,,,huge,,,\n");
    assertThat(run("--at", "2026-11-23T10:00:00Z")).isEqualTo(2);
    String e = err.toString();
    assertThat(e)
        .contains("--team " + team + ": invalid assignment team document (1 problem):")
        .contains("team.json: $.users[3].capacity.limit: expected an integer >= 1, but found the "
            + "number -1")
        .contains("--rules " + rules + ": invalid assignment rules document (1 problem):")
        .contains("rules.json: $.entries[1].target.colour: unknown field 'colour'")
        .contains("leads.csv line 2: size_band must be one of")
        .contains("(the rules' references to users and teams were not checked, because the team "
            + "document is invalid)")
        .doesNotContain("unknown user")
        .doesNotContain("unknown team");
    assertThat(e.indexOf("--team ")).isLessThan(e.indexOf("--rules "));
    assertThat(e.strip()).endsWith("because the team document is invalid)");
    assertThat(output).doesNotExist();

    // rules whose shape is valid are still checked beyond their shape (territories, entries),
    // and the leads against the rules' territories
    Files.writeString(rules, RULES.replace("\"territories\": [\"emea\"], \"sizeBands\"",
        "\"territories\": [\"emia\"], \"sizeBands\""));
    StringWriter err2 = new StringWriter();
    int status = Crmkit.run(new String[] {"assign", "--rules", rules.toString(), "--team",
        team.toString(), "--leads", leads.toString(), "--output", output.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err2));
    assertThat(status).isEqualTo(2);
    assertThat(err2.toString())
        .contains("team.json: $.users[3].capacity.limit")
        .contains("rules.json: $.entries[0].condition.territories: unknown territory 'emia'")
        .contains("were not checked, because the team document is invalid)")
        .doesNotContain("unknown user")
        .doesNotContain("unknown team");

    // valid rules over an invalid team: the leads are checked against the rules' territories
    Files.writeString(rules, RULES);
    StringWriter err3 = new StringWriter();
    status = Crmkit.run(new String[] {"assign", "--rules", rules.toString(), "--team",
        team.toString(), "--leads", leads.toString(), "--output", output.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err3));
    assertThat(status).isEqualTo(2);
    assertThat(err3.toString())
        .contains("team.json: $.users[3].capacity.limit")
        .contains("leads.csv line 2: unknown territory 'mars'")
        .contains("were not checked, because the team document is invalid)")
        .doesNotContain("--rules ")
        .doesNotContain("unknown user")
        .doesNotContain("unknown team");
    assertThat(output).doesNotExist();
  }

  @Test
  void aValidTeamWithInvalidRulesReportsOnlyTheRulesAsBefore() throws IOException {
    Files.writeString(rules, RULES.replace("\"user\": \"alice\"", "\"user\": \"zoe\""));
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(
        "error: --rules " + rules + ": invalid assignment rules document (1 problem):"
        + System.lineSeparator()
        + "  - rules.json: $.entries[0].target.user: unknown user 'zoe'; known users: [alice, "
        + "bob, carol, dan]" + System.lineSeparator());
    assertThat(output).doesNotExist();
  }
}

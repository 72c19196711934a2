package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

class AssignmentJsonTest {
  static final String TEAM = """
      {"format": "crmkit.assignment-team/1",
       "users": [
         {"id": "alice", "name": "Alice", "orgUnit": "sales", "roles": ["manager"],
          "teams": ["inside-sales"]},
         {"id": "bob", "manager": "alice", "territories": ["de"], "teams": ["emea"],
          "weight": 2, "capacity": {"limit": 20, "period": "day"}, "zone": "Europe/Berlin",
          "workingHours": {"days": ["MONDAY", "friday"], "start": "09:00", "end": "17:30"},
          "outOfOffice": [{"from": "2026-12-24T00:00:00Z", "until": "2027-01-02T00:00:00Z"}],
          "skills": ["german"]},
         {"id": "carol", "teams": ["emea"], "active": false}]}
      """;

  static final String RULES = """
      {"format": "crmkit.assignment-rules/1",
       "territories": [{"id": "global"}, {"id": "emea", "parent": "global"},
                       {"id": "de", "parent": "emea"}, {"id": "apac", "parent": "global"}],
       "productLines": [{"id": "electronics"}],
       "entries": [
         {"name": "emea-key",
          "condition": {"territories": ["emea"], "sizeBands": ["ENTERPRISE"], "minScore": 50,
                        "maxScore": 100, "productLines": ["electronics"], "industries": ["x"],
                        "sources": ["web"], "valueTiers": ["high"]},
          "target": {"user": "alice"}},
         {"name": "emea",
          "condition": {"territories": ["emea"]},
          "target": {"strategy": "WEIGHTED_ROUND_ROBIN", "team": "emea",
                     "requiredSkills": ["german"], "requireTerritoryCoverage": true}},
         {"name": "pair", "condition": {"sources": ["partner"]},
          "target": {"strategy": "least_loaded", "users": ["alice", "bob"]}},
         {"name": "web", "condition": {"sources": ["web"]}, "target": {"queue": "inside-sales"}}],
       "defaultOwner": {"queue": "inside-sales"}}
      """;

  @Test
  void readsATeamWithProfiles() {
    AssignmentTeamJson.Team team = AssignmentTeamJson.DOCUMENT.read(TEAM);
    assertThat(team.users()).extracting(u -> u.id().value()).containsExactly("alice", "bob",
        "carol");
    assertThat(team.users().get(1).name()).isEqualTo("bob");
    assertThat(team.users().get(1).manager()).contains(UserId.of("alice"));
    assertThat(team.users().get(2).active()).isFalse();
    RepProfile bob = team.profiles().get(1);
    assertThat(bob.weight()).isEqualTo(2);
    assertThat(bob.capacity()).contains(new Capacity(20, Capacity.Period.DAY));
    assertThat(bob.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(bob.workingHours().get().days())
        .containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    assertThat(bob.workingHours().get().end()).isEqualTo(LocalTime.of(17, 30));
    assertThat(bob.outOfOffice().get(0).from()).isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
    assertThat(bob.skills()).containsExactly("german");
  }

  @Test
  void readsRulesAndAssignsWithThem() {
    AssignmentRules rules = AssignmentRulesJson.read(RULES, AssignmentTeamJson.DOCUMENT.read(TEAM));
    assertThat(rules.entries()).extracting(e -> e.name())
        .containsExactly("emea-key", "emea", "pair", "web");
    assertThat(rules.entries().get(1).target().distribution().get().strategy())
        .isEqualTo(Strategy.WEIGHTED_ROUND_ROBIN);
    assertThat(rules.defaultOwner()).isEqualTo(Target.queue(TeamId.of("inside-sales")));
    Lead key = Lead.builder().id("k").territory(TerritoryId.of("de"))
        .sizeBand(SizeBand.ENTERPRISE).score(60).build();
    // not a key account (no product line etc.): weighted round robin among emea, bob only
    assertThat(rules.assign(key, AssignmentState.empty(), Instant.parse("2026-11-23T10:00:00Z"))
        .assignment().assignee().id()).isEqualTo("bob");
  }

  @Test
  void writtenRulesReadBackEqual() {
    AssignmentTeamJson.Team team = AssignmentTeamJson.DOCUMENT.read(TEAM);
    AssignmentRules rules = AssignmentRulesJson.read(RULES, team);
    String written = AssignmentRulesJson.write(rules);
    AssignmentRules again = AssignmentRulesJson.read(written, team);
    assertThat(again.entries()).isEqualTo(rules.entries());
    assertThat(again.defaultOwner()).isEqualTo(rules.defaultOwner());
    assertThat(again.territories()).isEqualTo(rules.territories());
    assertThat(written).contains("\"format\" : \"crmkit.assignment-rules/1\"");
  }

  @Test
  void teamProblemsAreAllReportedWithPaths() {
    String bad = """
        {"format": "crmkit.assignment-team/1",
         "users": [
           {"id": "a", "weight": 0, "capacity": {"limit": 0, "period": "year"},
            "zone": "Mars/Olympus", "workingHours": {"days": ["funday"], "start": "9am",
            "end": "17:00"}, "outOfOffice": [{"from": "2026-01-02T00:00:00Z",
            "until": "2026-01-01T00:00:00Z"}], "colour": "red"},
           {"id": "a", "manager": "ghost", "teams": [1]},
           "oops"]}
        """;
    assertThatThrownBy(() -> AssignmentTeamJson.DOCUMENT.read(bad))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly(
                "$.users[0].colour",
                "$.users[0].weight",
                "$.users[0].capacity.limit",
                "$.users[0].capacity.period",
                "$.users[0].zone",
                "$.users[0].workingHours.days[0]",
                "$.users[0].workingHours.start",
                "$.users[0].outOfOffice[0].until",
                "$.users[1].id",
                "$.users[1].teams[0]",
                "$.users[2]",
                "$.users[1].manager"));
  }

  @Test
  void rulesProblemsAreAllReportedWithPaths() {
    AssignmentTeamJson.Team team = AssignmentTeamJson.DOCUMENT.read(TEAM);
    String bad = """
        {"format": "crmkit.assignment-rules/1",
         "territories": [{"id": "global"}, {"id": "emea", "parent": "global"}],
         "entries": [
           {"name": "a", "condition": {"territories": ["emea"], "sizeBands": ["HUGE"]},
            "target": {"user": "alice"}},
           {"name": "b", "condition": {"minScore": "high"}, "target": {"strategy": "RANDOM",
            "team": "emea"}},
           {"name": "c", "target": {"user": "alice", "queue": "emea"}},
           {"condition": {"colour": ["red"]}, "target": {"queue": "emea"}}],
         "extra": 1}
        """;
    assertThatThrownBy(() -> AssignmentRulesJson.read(bad, team))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly(
                "$.extra",
                "$.entries[0].condition.sizeBands[0]",
                "$.entries[1].condition.minScore",
                "$.entries[1].target.strategy",
                "$.entries[2].target",
                "$.entries[3].name",
                "$.entries[3].condition.colour",
                "$.defaultOwner"));
  }

  @Test
  void semanticProblemsOfTheBuiltRulesCarryJsonPaths() {
    AssignmentTeamJson.Team team = AssignmentTeamJson.DOCUMENT.read(TEAM);
    String bad = """
        {"format": "crmkit.assignment-rules/1",
         "territories": [{"id": "global"}, {"id": "emea", "parent": "global"}],
         "entries": [
           {"name": "all", "condition": {}, "target": {"user": "carol"}},
           {"name": "emea", "condition": {"territories": ["emea", "mars"]},
            "target": {"strategy": "ROUND_ROBIN", "team": "nobody"}},
           {"name": "later", "condition": {"territories": ["emea"]}, "target": {"user": "dave"}}],
         "defaultOwner": {"queue": "emea"}}
        """;
    assertThatThrownBy(() -> AssignmentRulesJson.read(bad, team))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
          assertThat(e.problems()).extracting(Problem::path).containsExactly(
              "$.entries[0].target.user",
              "$.entries[1].condition.territories",
              "$.entries[1].target.team",
              "$.entries[2].target.user",
              "$.entries[2]");
          assertThat(e.getMessage()).contains("user 'carol' is inactive")
              .contains("unknown territory 'mars'")
              .contains("unknown team 'nobody'; known teams (those some user belongs to): "
                  + "[emea, inside-sales]")
              .contains("unknown user 'dave'; known users: [alice, bob, carol]")
              .contains("entry 'later' is unreachable");
        });
  }

  @Test
  void rulesReadWithoutTheirTeamReportOnlyTheirOwnProblems() {
    // the same document as above: over a stand-in team of the users and teams it names, only
    // the problems that do not depend on the team remain
    String bad = """
        {"format": "crmkit.assignment-rules/1",
         "territories": [{"id": "global"}, {"id": "emea", "parent": "global"}],
         "entries": [
           {"name": "all", "condition": {}, "target": {"user": "carol"}},
           {"name": "emea", "condition": {"territories": ["emea", "mars"]},
            "target": {"strategy": "ROUND_ROBIN", "team": "nobody"}},
           {"name": "later", "condition": {"territories": ["emea"]}, "target": {"user": "dave"}}],
         "defaultOwner": {"queue": "emea"}}
        """;
    assertThatThrownBy(() -> AssignmentRulesJson.readWithoutTeam(bad))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
          assertThat(e.problems()).extracting(Problem::path).containsExactly(
              "$.entries[1].condition.territories", "$.entries[2]");
          assertThat(e.getMessage()).doesNotContain("unknown user")
              .doesNotContain("unknown team").doesNotContain("inactive");
        });
    AssignmentRules rules = AssignmentRulesJson.readWithoutTeam(RULES);
    assertThat(rules.users()).extracting(u -> u.id().value()).containsExactly("alice", "bob");
    assertThat(rules.territories().contains(TerritoryId.of("de"))).isTrue();
    assertThat(AssignmentRulesJson.readWithoutTeam(RULES.replace("{\"user\": \"alice\"}",
        "{\"queue\": \"emea\"}").replace("\"users\": [\"alice\", \"bob\"]",
        "\"team\": \"emea\"")).users()).extracting(u -> u.id().value())
        .containsExactly("stand-in");
  }

  @Test
  void syntaxAndFormatErrorsAreReported() {
    assertThatThrownBy(() -> AssignmentTeamJson.DOCUMENT.read("{\"format\": "))
        .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> AssignmentRulesJson.read("{\"format\": \"crmkit.policy/1\"}",
        AssignmentTeamJson.DOCUMENT.read(TEAM)))
        .hasMessageContaining("unsupported format \"crmkit.policy/1\"");
    assertThatThrownBy(() -> AssignmentRulesJson.read("""
        {"format": "crmkit.assignment-rules/1", "territories": [{"id": "a", "parent": "b"}],
         "entries": [], "defaultOwner": {"queue": "emea"}}""", AssignmentTeamJson.DOCUMENT.read(TEAM)))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly("$.territories[0]"));
  }
}

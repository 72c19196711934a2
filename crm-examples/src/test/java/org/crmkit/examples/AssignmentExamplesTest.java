package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.assignment.AssignmentResult;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.Condition;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

/**
 * The lead-assignment example shown in README.md, kept here so that it compiles and runs. When you
 * change it, copy it to the README verbatim (the text between the "README" markers).
 */
class AssignmentExamplesTest {

  @Test
  void assignmentExample() {
    // README: assignment
    TerritoryId emea = TerritoryId.of("emea"), berlin = TerritoryId.of("berlin");
    Hierarchy<TerritoryId> world = Hierarchy.<TerritoryId>builder()
        .root(emea).child(emea, berlin).build();
    TeamId emeaTeam = TeamId.of("emea");
    User bob = User.builder().id(UserId.of("bob")).name("Bob")
        .orgUnit(OrgUnitId.of("sales")).addTeams(emeaTeam).build();
    User carol = User.builder().id(UserId.of("carol")).name("Carol")
        .orgUnit(OrgUnitId.of("sales")).addTeams(emeaTeam).build();
    AssignmentRules rules = AssignmentRules.builder()
        .territories(world).users(List.of(bob, carol))
        .profile(RepProfile.builder().user(carol.id()).weight(2)
            .capacity(Capacity.perDay(20)).build())
        .entry("emea", Condition.builder().addTerritories(emea).build(),  // emea and below
            Target.distribute(Strategy.WEIGHTED_ROUND_ROBIN, emeaTeam))
        .defaultOwner(Target.user(bob.id()))
        .build();                                     // reports every problem at once

    Lead lead = Lead.builder().id("L-1").territory(berlin).build();
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    AssignmentResult r = rules.assign(lead, AssignmentState.empty(), now);
    String who = r.assignment().assignee().id();      // "carol" (weight 2)
    String why = r.assignment().explain();            // "entry 'emea' (weighted round robin): carol"
    AssignmentState next = r.nextState();             // persist it; pass it to the next assign
    // README: end

    assertThat(who).isEqualTo("carol");
    assertThat(why).isEqualTo("entry 'emea' (weighted round robin): carol");
    assertThat(next.capacityUsed().get(carol.id()).count()).isEqualTo(1);
    assertThat(rules.assign(Lead.builder().id("L-2").territory(berlin).build(), next, now)
        .assignment().assignee().id()).isEqualTo("bob");
  }
}

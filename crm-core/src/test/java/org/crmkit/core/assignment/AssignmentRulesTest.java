package org.crmkit.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {
  static final TerritoryId GLOBAL = TerritoryId.of("global");
  static final TerritoryId EMEA = TerritoryId.of("emea");
  static final TerritoryId DE = TerritoryId.of("de");
  static final TerritoryId BERLIN = TerritoryId.of("berlin");
  static final TerritoryId FR = TerritoryId.of("fr");
  static final TerritoryId APAC = TerritoryId.of("apac");
  static final Hierarchy<TerritoryId> WORLD = Hierarchy.<TerritoryId>builder()
      .root(GLOBAL).child(GLOBAL, EMEA).child(EMEA, DE).child(DE, BERLIN).child(EMEA, FR)
      .child(GLOBAL, APAC).build();
  static final ProductLineId ELECTRONICS = ProductLineId.of("electronics");
  static final ProductLineId PHONES = ProductLineId.of("phones");
  static final ProductLineId HOME = ProductLineId.of("home");
  static final Hierarchy<ProductLineId> LINES = Hierarchy.<ProductLineId>builder()
      .root(ELECTRONICS).child(ELECTRONICS, PHONES).root(HOME).build();
  static final TeamId EMEA_TEAM = TeamId.of("emea-team");
  static final TeamId INSIDE = TeamId.of("inside-sales");
  static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");

  static User user(String id, TeamId team, TerritoryId... territories) {
    return User.builder().id(UserId.of(id)).name(id).orgUnit(OrgUnitId.of("sales"))
        .addTeams(team).addTerritories(territories).build();
  }

  static final User ALICE = user("alice", INSIDE);
  static final User BOB = user("bob", EMEA_TEAM, DE);
  static final User CAROL = user("carol", EMEA_TEAM, FR);
  static final User DAN = user("dan", EMEA_TEAM, EMEA);

  static Lead lead(String id, TerritoryId t) {
    return Lead.builder().id(id).territory(t).build();
  }

  static AssignmentRules.Builder base() {
    return AssignmentRules.builder().territories(WORLD).productLines(LINES)
        .users(List.of(ALICE, BOB, CAROL, DAN)).defaultOwner(Target.queue(INSIDE));
  }

  static Condition in(TerritoryId... t) {
    return Condition.builder().addTerritories(t).build();
  }

  static List<String> assignees(AssignmentRules rules, List<Lead> leads, Instant at) {
    return rules.assignAll(leads, AssignmentState.empty(), at).assignments().stream()
        .map(a -> a.assignee().toString()).collect(Collectors.toList());
  }

  static List<Lead> leadsIn(TerritoryId t, int n) {
    return IntStream.range(0, n).mapToObj(i -> lead("L" + i, t)).collect(Collectors.toList());
  }

  @Test
  void territoryConditionMatchesTheTerritoryAndItsDescendants() {
    AssignmentRules rules = base().entry("emea", in(EMEA), Target.user(BOB.id())).build();
    assertThat(rules.assign(lead("1", BERLIN), AssignmentState.empty(), MONDAY_NOON)
        .assignment().assignee()).isEqualTo(Assignee.user(BOB.id()));
    assertThat(rules.assign(lead("2", EMEA), AssignmentState.empty(), MONDAY_NOON)
        .assignment().rule()).isEqualTo("emea");
    Assignment apac = rules.assign(lead("3", APAC), AssignmentState.empty(), MONDAY_NOON)
        .assignment();
    assertThat(apac.assignee()).isEqualTo(Assignee.queue(INSIDE));
    assertThat(apac.rule()).isEqualTo(Assignment.DEFAULT_RULE);
    assertThat(apac.explain()).isEqualTo("no entry matched; default owner queue:inside-sales");
  }

  @Test
  void aLeadWithoutTheAttributeDoesNotMatchAConstrainingCondition() {
    AssignmentRules rules = base().entry("emea", in(EMEA), Target.user(BOB.id())).build();
    Lead noTerritory = Lead.builder().id("x").build();
    Lead unknownTerritory = lead("y", TerritoryId.of("mars"));
    assertThat(assignees(rules, List.of(noTerritory, unknownTerritory), MONDAY_NOON))
        .containsExactly("queue:inside-sales", "queue:inside-sales");
  }

  @Test
  void everyDimensionOfAConditionMustHold() {
    Condition c = Condition.builder().addTerritories(EMEA).addProductLines(ELECTRONICS)
        .addIndustries("retail").addSizeBands(SizeBand.LARGE, SizeBand.ENTERPRISE)
        .addSources("web").minScore(50).maxScore(90).addValueTiers("high").build();
    AssignmentRules rules = base().entry("key", c, Target.user(DAN.id())).build();
    Lead match = Lead.builder().id("m").territory(BERLIN).productLine(PHONES).industry("retail")
        .sizeBand(SizeBand.ENTERPRISE).source("web").score(90).valueTier("high").build();
    List<Lead> misses = List.of(
        Lead.builder().from(match).id("t").territory(APAC).build(),
        Lead.builder().from(match).id("p").productLine(HOME).build(),
        Lead.builder().from(match).id("i").industry("banking").build(),
        Lead.builder().from(match).id("s").sizeBand(SizeBand.SMALL).build(),
        Lead.builder().from(match).id("o").source("partner").build(),
        Lead.builder().from(match).id("lo").score(49.9).build(),
        Lead.builder().from(match).id("hi").score(90.1).build(),
        Lead.builder().from(match).id("v").valueTier("low").build());
    assertThat(assignees(rules, List.of(match), MONDAY_NOON)).containsExactly("dan");
    assertThat(assignees(rules, misses, MONDAY_NOON)).containsOnly("queue:inside-sales");
    assertThat(c.toString()).isEqualTo("territory in [emea] and product line in [electronics] "
        + "and industry in [retail] and size in [LARGE, ENTERPRISE] and source in [web] and "
        + "value tier in [high] and score >= 50.0 and score <= 90.0");
  }

  @Test
  void theFirstMatchingEntryWins() {
    AssignmentRules rules = base()
        .entry("germany", in(DE), Target.user(BOB.id()))
        .entry("emea", in(EMEA), Target.user(CAROL.id()))
        .build();
    assertThat(assignees(rules, List.of(lead("1", BERLIN), lead("2", FR)), MONDAY_NOON))
        .containsExactly("bob", "carol");
  }

  @Test
  void roundRobinRotatesThroughTheTeamInIdOrderAndPersistsItsCursor() {
    AssignmentRules rules = base()
        .entry("emea", in(EMEA), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM)).build();
    AssignmentResult first = rules.assign(lead("1", DE), AssignmentState.empty(), MONDAY_NOON);
    assertThat(first.assignment().assignee().id()).isEqualTo("bob");
    assertThat(first.nextState().cursors()).containsEntry("emea", 1);
    assertThat(first.nextState().openItems()).containsEntry(BOB.id(), 1);
    AssignmentResult second = rules.assign(lead("2", DE), first.nextState(), MONDAY_NOON);
    assertThat(second.assignment().assignee().id()).isEqualTo("carol");
    assertThat(assignees(rules, leadsIn(DE, 7), MONDAY_NOON))
        .containsExactly("bob", "carol", "dan", "bob", "carol", "dan", "bob");
    assertThat(second.assignment().explain()).isEqualTo("entry 'emea' (round robin): carol");
  }

  @Test
  void weightedRoundRobinFollowsNginxSmoothSequence() {
    // nginx's documented example: weights a=5, b=1, c=1 give a a b a c a a
    User a = user("a", EMEA_TEAM);
    User b = user("b", EMEA_TEAM);
    User c = user("c", EMEA_TEAM);
    AssignmentRules rules = AssignmentRules.builder().territories(WORLD).users(List.of(a, b, c))
        .profile(RepProfile.builder().user(a.id()).weight(5).build())
        .entry("all", Condition.any(),
            Target.distribute(Strategy.WEIGHTED_ROUND_ROBIN, EMEA_TEAM))
        .defaultOwner(Target.user(a.id())).build();
    assertThat(assignees(rules, leadsIn(DE, 14), MONDAY_NOON)).containsExactly(
        "a", "a", "b", "a", "c", "a", "a", "a", "a", "b", "a", "c", "a", "a");
  }

  @Test
  void leastLoadedPicksTheRepWithFewestOpenItemsTiesInPoolOrder() {
    AssignmentRules rules = base()
        .entry("emea", in(EMEA), Target.distribute(Strategy.LEAST_LOADED, EMEA_TEAM)).build();
    AssignmentState state = AssignmentState.empty().withOpenItems(BOB.id(), 3)
        .withOpenItems(CAROL.id(), 1);
    List<String> got = rules.assignAll(leadsIn(FR, 5), state, MONDAY_NOON).assignments()
        .stream().map(x -> x.assignee().id()).collect(Collectors.toList());
    // dan has fewest; then carol and dan tie and alternate, carol first (pool order)
    assertThat(got).containsExactly("dan", "carol", "dan", "carol", "dan");
  }

  @Test
  void capacityPerDayIsNeverExceededAndResetsTheNextDay() {
    AssignmentRules rules = base()
        .profile(RepProfile.builder().user(BOB.id()).capacity(Capacity.perDay(2)).build())
        .entry("emea", in(EMEA), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM)).build();
    AssignmentBatch day1 = rules.assignAll(leadsIn(DE, 9), AssignmentState.empty(), MONDAY_NOON);
    long bobs = day1.assignments().stream().filter(x -> x.assignee().id().equals("bob")).count();
    assertThat(bobs).isEqualTo(2);
    assertThat(day1.nextState().capacityUsed())
        .containsEntry(BOB.id(), new AssignmentState.CapacityUse("2026-11-23", 2));
    Assignment skipped = day1.assignments().get(6);
    assertThat(skipped.skipped()).containsExactly(
        new Skip(BOB.id(), SkipReason.AT_CAPACITY, "2 of 2 in 2026-11-23"));
    // the cursor stands at dan, then bob gets a lead again: a new day, a new counter
    AssignmentBatch nextDay = rules.assignAll(leadsIn(DE, 2), day1.nextState(),
        MONDAY_NOON.plusSeconds(86_400));
    assertThat(nextDay.assignments()).extracting(x -> x.assignee().id())
        .containsExactly("dan", "bob");
    assertThat(nextDay.nextState().capacityUsed())
        .containsEntry(BOB.id(), new AssignmentState.CapacityUse("2026-11-24", 1));
  }

  @Test
  void weeklyAndMonthlyPeriodsUseTheRepsZone() {
    assertThat(AssignmentEngine.periodKey(
        Instant.parse("2026-01-01T00:30:00Z").atZone(ZoneId.of("America/New_York")),
        Capacity.Period.MONTH)).isEqualTo("2025-12");
    assertThat(AssignmentEngine.periodKey(
        Instant.parse("2027-01-01T12:00:00Z").atZone(ZoneOffset.UTC), Capacity.Period.WEEK))
        .isEqualTo("2026-W53");
  }

  @Test
  void outOfOfficeAndWorkingHoursMakeRepsUnavailable() {
    AssignmentRules rules = base()
        .profile(RepProfile.builder().user(BOB.id()).addOutOfOffice(new OutOfOffice(
            Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")))
            .build())
        .profile(RepProfile.builder().user(CAROL.id()).zone(ZoneId.of("Asia/Shanghai"))
            .workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(18, 0)))
            .build())
        .entry("emea", in(EMEA), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM)).build();
    // 12:00 UTC is 20:00 in Shanghai: carol is off
    Assignment a = rules.assign(lead("1", DE), AssignmentState.empty(), MONDAY_NOON).assignment();
    assertThat(a.assignee().id()).isEqualTo("dan");
    assertThat(a.skipped()).extracting(Skip::reason)
        .containsExactly(SkipReason.OUT_OF_OFFICE, SkipReason.OUTSIDE_WORKING_HOURS);
    assertThat(a.explain()).isEqualTo("entry 'emea' (round robin): dan; skipped: bob out of "
        + "office (until 2026-11-30T00:00:00Z), carol outside working hours (works "
        + "MON,TUE,WED,THU,FRI 09:00-18:00 Asia/Shanghai)");
    // 02:00 UTC is 10:00 in Shanghai: carol works
    Assignment morning = rules.assign(lead("2", DE), AssignmentState.empty(),
        Instant.parse("2026-11-23T02:00:00Z")).assignment();
    assertThat(morning.assignee().id()).isEqualTo("carol");
  }

  @Test
  void skillsAndTerritoryCoverageRestrictEligibility() {
    Distribution d = Distribution.builder().strategy(Strategy.ROUND_ROBIN).team(EMEA_TEAM)
        .addRequiredSkills("german").requireTerritoryCoverage(true).build();
    AssignmentRules rules = base()
        .profile(RepProfile.builder().user(BOB.id()).addSkills("german").build())
        .profile(RepProfile.builder().user(CAROL.id()).addSkills("german", "french").build())
        .entry("emea", in(EMEA), Target.distribute(d)).build();
    // berlin: bob covers de; carol covers only fr; dan covers emea but lacks german
    List<Assignment> got = rules.assignAll(leadsIn(BERLIN, 3), AssignmentState.empty(),
        MONDAY_NOON).assignments();
    assertThat(got).extracting(x -> x.assignee().id()).containsOnly("bob");
    assertThat(got.get(1).skipped()).containsExactly(
        new Skip(CAROL.id(), SkipReason.TERRITORY_NOT_COVERED, "covers [fr]"),
        new Skip(DAN.id(), SkipReason.MISSING_SKILL, "lacks [german]"));
  }

  @Test
  void whenNoRepIsEligibleTheDefaultOwnerReceivesTheLead() {
    AssignmentRules rules = base()
        .users(List.of(User.builder().from(user("eve", TeamId.of("night"))).active(false)
            .build()))
        .entry("night", Condition.any(),
            Target.distribute(Strategy.LEAST_LOADED, TeamId.of("night")))
        .build();
    Assignment a = rules.assign(lead("1", DE), AssignmentState.empty(), MONDAY_NOON).assignment();
    assertThat(a.fellBack()).isTrue();
    assertThat(a.assignee()).isEqualTo(Assignee.queue(INSIDE));
    assertThat(a.rule()).isEqualTo("night");
    assertThat(a.explain()).isEqualTo("entry 'night' (least loaded): no eligible rep; default "
        + "owner queue:inside-sales; skipped: eve inactive");
    assertThat(rules.warnings()).extracting(Problem::path).contains("entries[0].target");
  }

  @Test
  void theStateIsAValueAndTheSameInputsGiveTheSameResult() {
    AssignmentRules rules = base()
        .entry("emea", in(EMEA), Target.distribute(Strategy.WEIGHTED_ROUND_ROBIN, EMEA_TEAM))
        .build();
    AssignmentState s = AssignmentState.empty();
    AssignmentResult r1 = rules.assign(lead("1", DE), s, MONDAY_NOON);
    AssignmentResult r2 = rules.assign(lead("1", DE), s, MONDAY_NOON);
    assertThat(r1).isEqualTo(r2);
    assertThat(s).isEqualTo(AssignmentState.empty());
    assertThat(r1.nextState().currentWeights().get("emea")).containsEntry(BOB.id(), -2L)
        .containsEntry(CAROL.id(), 1L).containsEntry(DAN.id(), 1L);
    assertThat(rules.assign(lead("1", DE), s, Clock.fixed(MONDAY_NOON, ZoneOffset.UTC)))
        .isEqualTo(r1);
  }

  @Test
  void batchArrayApiAndReplayAgreeWithSequentialAssign() {
    AssignmentRules rules = base()
        .entry("de", in(DE), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM))
        .entry("fr", in(FR), Target.user(CAROL.id()))
        .build();
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      leads.add(lead("L" + i, i % 3 == 0 ? FR : i % 3 == 1 ? BERLIN : APAC));
    }
    AssignmentState s = AssignmentState.empty();
    List<Assignment> sequential = new ArrayList<>();
    List<AssignmentRequest> log = new ArrayList<>();
    for (Lead l : leads) {
      AssignmentResult r = rules.assign(l, s, MONDAY_NOON);
      sequential.add(r.assignment());
      log.add(new AssignmentRequest(l, MONDAY_NOON));
      s = r.nextState();
    }
    AssignmentBatch batch = rules.assignAll(leads, AssignmentState.empty(), MONDAY_NOON);
    assertThat(batch.assignments()).isEqualTo(sequential);
    assertThat(batch.nextState()).isEqualTo(s);
    assertThat(rules.replay(AssignmentState.empty(), log)).isEqualTo(batch);
    int[] who = new int[10];
    int[] rule = new int[10];
    AssignmentState viaArrays = rules.assignAll(leads, AssignmentState.empty(), MONDAY_NOON, who,
        rule);
    assertThat(viaArrays).isEqualTo(s);
    for (int i = 0; i < 10; i++) {
      assertThat(rules.assigneeOf(who[i])).isEqualTo(sequential.get(i).assignee());
      assertThat(rules.ruleName(rule[i])).isEqualTo(sequential.get(i).rule());
    }
    assertThatThrownBy(() -> rules.assignAll(leads, AssignmentState.empty(), MONDAY_NOON,
        new int[3], new int[10])).isInstanceOf(CrmException.class)
        .hasMessageContaining("must hold 10 codes");
    assertThatThrownBy(() -> rules.assigneeOf(99)).isInstanceOf(CrmException.class);
    assertThatThrownBy(() -> rules.ruleName(7)).isInstanceOf(CrmException.class);
  }

  @Test
  void theStateIsDeeplyImmutable() {
    java.util.Map<UserId, Long> weights = new java.util.HashMap<>();
    weights.put(BOB.id(), 3L);
    AssignmentState s = AssignmentState.builder().putCurrentWeights("emea", weights).build();
    weights.put(BOB.id(), 99L);
    assertThat(s.currentWeights().get("emea")).containsEntry(BOB.id(), 3L);
    assertThatThrownBy(() -> s.currentWeights().get("emea").put(BOB.id(), 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void stateOfEntriesAndUsersTheRulesDoNotKnowIsKept() {
    AssignmentRules rules = base()
        .entry("emea", in(EMEA), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM)).build();
    AssignmentState old = AssignmentState.builder().putCursors("retired-entry", 4)
        .putOpenItems(UserId.of("gone"), 7).build();
    AssignmentState next = rules.assign(lead("1", DE), old, MONDAY_NOON).nextState();
    assertThat(next.cursors()).containsEntry("retired-entry", 4).containsEntry("emea", 1);
    assertThat(next.openItems()).containsEntry(UserId.of("gone"), 7);
  }

  @Test
  void reassignmentMovesTheRecordsOfALeaverThroughTheRules() {
    AssignmentRules before = base()
        .entry("emea", in(EMEA), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM)).build();
    User bobLeft = User.builder().from(BOB).active(false).build();
    AssignmentRules after = AssignmentRules.builder().territories(WORLD)
        .users(List.of(ALICE, bobLeft, CAROL, DAN)).entries(before.entries())
        .defaultOwner(before.defaultOwner()).build();
    List<OwnedRecord> records = List.of(
        new OwnedRecord(lead("r1", DE), Assignee.user(BOB.id())),
        new OwnedRecord(lead("r2", FR), Assignee.user(CAROL.id())),
        new OwnedRecord(lead("r3", BERLIN), Assignee.user(BOB.id())));
    ReassignmentPlan plan = after.reassign(records, AssignmentState.empty()
        .withOpenItems(BOB.id(), 2), MONDAY_NOON);
    assertThat(plan.moves()).extracting(Reassignment::recordId, m -> m.to().id())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r1", "carol"),
            org.assertj.core.groups.Tuple.tuple("r3", "dan"));
    assertThat(plan.moves().get(0).reason()).isEqualTo("owner bob is inactive; entry 'emea' "
        + "(round robin): carol; skipped: bob inactive");
    assertThat(plan.nextState().openItems()).doesNotContainKey(BOB.id())
        .containsEntry(CAROL.id(), 1).containsEntry(DAN.id(), 1);
  }

  @Test
  void realignmentMovesOnlyRecordsWhoseOwnerNoLongerFits() {
    AssignmentRules realigned = base()
        .entry("de", in(DE), Target.user(DAN.id()))
        .entry("emea", in(EMEA), Target.distribute(Strategy.ROUND_ROBIN, EMEA_TEAM))
        .build();
    List<OwnedRecord> records = List.of(
        new OwnedRecord(lead("r1", BERLIN), Assignee.user(BOB.id())),
        new OwnedRecord(lead("r2", FR), Assignee.user(BOB.id())),
        new OwnedRecord(lead("r3", APAC), Assignee.user(ALICE.id())),
        new OwnedRecord(lead("r4", APAC), Assignee.user(BOB.id())),
        new OwnedRecord(lead("r5", FR), Assignee.queue(INSIDE)));
    ReassignmentPlan plan = realigned.reassign(records, AssignmentState.empty(), MONDAY_NOON);
    assertThat(plan.moves()).extracting(Reassignment::recordId, m -> m.to().toString(),
        Reassignment::rule).containsExactly(
            org.assertj.core.groups.Tuple.tuple("r1", "dan", "de"),
            org.assertj.core.groups.Tuple.tuple("r4", "queue:inside-sales", "default"),
            org.assertj.core.groups.Tuple.tuple("r5", "bob", "emea"));
    assertThat(plan.moves().get(0).reason()).startsWith("entry 'de' assigns to dan");
    assertThat(plan.moves().get(2).reason())
        .startsWith("entry 'emea' distributes among reps, not to queue:inside-sales");
  }

  @Test
  void buildReportsEveryProblemAtOnce() {
    AssignmentRules.Builder b = AssignmentRules.builder().territories(WORLD)
        .users(List.of(ALICE, BOB, ALICE, User.builder().from(CAROL).active(false).build()))
        .profile(RepProfile.defaultFor(UserId.of("zed")))
        .entry("a", in(TerritoryId.of("mars")), Target.user(UserId.of("nobody")))
        .entry("a", Condition.builder().minScore(9).maxScore(1).build(),
            Target.queue(TeamId.of("ghosts")))
        .entry("c", Condition.builder().addProductLines(PHONES).build(),
            Target.distribute(Distribution.builder().strategy(Strategy.ROUND_ROBIN)
                .addUsers(BOB.id(), UserId.of("ghost"), BOB.id()).build()))
        .entry("d", Condition.any(), Target.distribute(Distribution.builder()
            .strategy(Strategy.LEAST_LOADED).team(EMEA_TEAM).addUsers(BOB.id()).build()))
        .entry("e", in(DE), Target.user(CAROL.id()));
    assertThatThrownBy(b::build).isInstanceOfSatisfying(InvalidDefinitionException.class,
        e -> assertThat(e.problems()).extracting(Problem::path).containsExactly(
            "users[2].id",
            "profiles[0].user",
            "entries[0].condition.territories",
            "entries[0].target.user",
            "entries[1].name",
            "entries[1].condition",
            "entries[1].target.queue",
            "entries[2].condition.productLines",
            "entries[2].target.users[1]",
            "entries[2].target.users[2]",
            "entries[3].target",
            "entries[4].target.user",
            "entries[4]",
            "defaultOwner"));
  }

  @Test
  void unreachableEntriesAreProblemsAndOverlapsAreWarnings() {
    Condition emeaEnterprise = Condition.builder().addTerritories(EMEA)
        .addSizeBands(SizeBand.ENTERPRISE).build();
    Condition germanEnterprise = Condition.builder().addTerritories(BERLIN)
        .addSizeBands(SizeBand.ENTERPRISE).minScore(10).build();
    assertThatThrownBy(() -> base().entry("emea-key", emeaEnterprise, Target.user(DAN.id()))
        .entry("berlin-key", germanEnterprise, Target.user(BOB.id())).build())
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).toString()).isEqualTo("entries[1]: entry 'berlin-key' "
              + "is unreachable: every lead it matches (territory in [berlin] and size in "
              + "[ENTERPRISE] and score >= 10.0) is matched first by entries[0] 'emea-key' "
              + "(territory in [emea] and size in [ENTERPRISE])");
        });
    // specific before general is fine, but reported as an overlap
    AssignmentRules ok = base().entry("berlin-key", germanEnterprise, Target.user(BOB.id()))
        .entry("emea-key", emeaEnterprise, Target.user(DAN.id()))
        .entry("apac", in(APAC), Target.user(DAN.id())).build();
    assertThat(ok.warnings()).extracting(Problem::path).containsExactly("entries[1]");
    assertThat(ok.warnings().get(0).message()).contains("go to 'berlin-key'");
  }

  @Test
  void warningsNameSkillsNoMemberHasAndTerritoriesOutsideTheHierarchy() {
    AssignmentRules rules = base()
        .user(user("erin", TeamId.of("solo"), TerritoryId.of("atlantis")))
        .entry("emea", in(EMEA), Target.distribute(Distribution.builder()
            .strategy(Strategy.ROUND_ROBIN).team(EMEA_TEAM).addRequiredSkills("klingon").build()))
        .build();
    assertThat(rules.warnings()).extracting(Problem::toString).containsExactly(
        "users[4].territories: territory 'atlantis' of user 'erin' is not in the territory "
            + "hierarchy; it covers no lead",
        "entries[0].target.requiredSkills: no member of the pool has skill 'klingon'; every "
            + "lead falls back to the default owner");
  }

  @Test
  void aDefaultOwnerIsRequiredAndMustNotDistribute() {
    assertThatThrownBy(() -> AssignmentRules.builder().build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("defaultOwner: a default owner (a user or a queue) is required");
    assertThatThrownBy(() -> base().defaultOwner(Target.distribute(Strategy.ROUND_ROBIN,
        EMEA_TEAM)).build()).hasMessageContaining("must be a user or a queue");
  }

  @Test
  void valuesRejectBadArguments() {
    assertThatThrownBy(() -> Lead.builder().id(" ").build()).isInstanceOf(CrmException.class)
        .hasMessageContaining("Lead.id must be a non-blank string");
    assertThatThrownBy(() -> Lead.builder().id("x").score(Double.NaN).build())
        .hasMessageContaining("Lead.score must be finite");
    assertThatThrownBy(() -> new Capacity(0, Capacity.Period.DAY))
        .hasMessageContaining("Capacity.limit must be >= 1, but was 0");
    assertThatThrownBy(() -> new OutOfOffice(MONDAY_NOON, MONDAY_NOON))
        .hasMessageContaining("OutOfOffice.until must be after from");
    assertThatThrownBy(() -> WorkingHours.weekdays(LocalTime.of(18, 0), LocalTime.of(9, 0)))
        .hasMessageContaining("WorkingHours.end must be after start");
    assertThatThrownBy(() -> RepProfile.builder().user(BOB.id()).weight(0).build())
        .hasMessageContaining("RepProfile.weight must be >= 1, but was 0");
    assertThatThrownBy(() -> AssignmentState.empty().withOpenItems(BOB.id(), -1))
        .hasMessageContaining("openItems must be >= 0, but was -1");
    AssignmentRules rules = base().build();
    assertThatThrownBy(() -> rules.assign(null, AssignmentState.empty(), MONDAY_NOON))
        .isInstanceOf(CrmException.class).hasMessageContaining("lead is required");
  }
}

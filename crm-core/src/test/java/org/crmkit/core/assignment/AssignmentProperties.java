package org.crmkit.core.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

/** Invariants of assignment: fairness, capacity, availability, determinism, replay. */
class AssignmentProperties {
  private static final TeamId POOL = TeamId.of("pool");
  private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

  /**
   * A pool of {@code reps} where each rep is, at random, eligible or permanently not (inactive,
   * away for the whole horizon, or lacking the required skill), with random weights.
   */
  private static final class Pool {
    final List<User> users = new ArrayList<>();
    final List<RepProfile> profiles = new ArrayList<>();
    final Set<UserId> eligible = new HashSet<>();
    final Map<UserId, Integer> weight = new HashMap<>();

    Pool(int reps, long seed) {
      Random r = new Random(seed);
      for (int i = 0; i < reps; i++) {
        UserId id = UserId.of("r" + i);
        int kind = r.nextInt(5); // 0..1 eligible; 2 inactive; 3 away; 4 lacks skill
        if (i == 0) {
          kind = 0;
        }
        int w = 1 + r.nextInt(6);
        weight.put(id, w);
        users.add(User.builder().id(id).name("R" + i).orgUnit(OrgUnitId.of("s")).addTeams(POOL)
            .active(kind != 2).build());
        RepProfile.Builder p = RepProfile.builder().user(id).weight(w);
        if (kind != 4) {
          p.addSkills("x");
        }
        if (kind == 3) {
          p.addOutOfOffice(new OutOfOffice(START, START.plusSeconds(86_400L * 365)));
        }
        profiles.add(p.build());
        if (kind <= 1) {
          eligible.add(id);
        }
      }
    }

    AssignmentRules rules(Strategy strategy) {
      return AssignmentRules.builder().users(users).profiles(profiles)
          .entry("pool", Condition.any(), Target.distribute(Distribution.builder()
              .strategy(strategy).team(POOL).addRequiredSkills("x").build()))
          .defaultOwner(Target.queue(POOL)).build();
    }
  }

  private static List<Lead> leads(int n) {
    List<Lead> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Lead.builder().id("L" + i).territory(TerritoryId.of("any")).build());
    }
    return out;
  }

  @Test
  void roundRobinCountsDifferByAtMostOneAmongEligibleReps() {
    qt().withExamples(1000)
        .forAll(integers().between(2, 12), integers().between(1, 600), longs().all())
        .checkAssert((reps, n, seed) -> {
          Pool pool = new Pool(reps, seed);
          List<Assignment> got = pool.rules(Strategy.ROUND_ROBIN)
              .assignAll(leads(n), AssignmentState.empty(), START.plusSeconds(3600)).assignments();
          Map<String, Integer> counts = new HashMap<>();
          got.forEach(a -> counts.merge(a.assignee().id(), 1, Integer::sum));
          assertThat(counts.keySet()).allMatch(id -> pool.eligible.contains(UserId.of(id)));
          int max = pool.eligible.stream().mapToInt(u -> counts.getOrDefault(u.value(), 0))
              .max().orElseThrow();
          int min = pool.eligible.stream().mapToInt(u -> counts.getOrDefault(u.value(), 0))
              .min().orElseThrow();
          assertThat(max - min).isLessThanOrEqualTo(1);
        });
  }

  @Test
  void weightedCountsStayWithinOneOfTheirShareAndAreExactEveryCycle() {
    qt().withExamples(500)
        .forAll(integers().between(1, 10), integers().between(1, 400), longs().all())
        .checkAssert((reps, n, seed) -> {
          Pool pool = new Pool(reps, seed);
          AssignmentRules rules = pool.rules(Strategy.WEIGHTED_ROUND_ROBIN);
          int[] who = new int[n];
          int[] rule = new int[n];
          rules.assignAll(leads(n), AssignmentState.empty(), START.plusSeconds(60), who, rule);
          long total = pool.eligible.stream().mapToInt(pool.weight::get).sum();
          Map<UserId, Integer> counts = new HashMap<>();
          for (int i = 0; i < n; i++) {
            UserId u = rules.assigneeOf(who[i]).userId().orElseThrow();
            assertThat(pool.eligible).contains(u);
            counts.merge(u, 1, Integer::sum);
            int picks = i + 1;
            for (UserId e : pool.eligible) {
              long w = pool.weight.get(e);
              long deviation = Math.abs(counts.getOrDefault(e, 0) * total - picks * w);
              assertThat(deviation).as("|count·W − n·w| for %s after %d picks", e, picks)
                  .isLessThanOrEqualTo(total);
              if (picks % total == 0) {
                assertThat((long) counts.getOrDefault(e, 0)).isEqualTo(picks / total * w);
              }
            }
          }
        });
  }

  @Test
  void capacityIsNeverExceededWhenTimeMovesForward() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      AssignmentScenario s = new AssignmentScenario(seed, 200);
      AssignmentRules rules = s.rules();
      if (rules == null) {
        return;
      }
      List<AssignmentRequest> log = new ArrayList<>(s.log);
      log.sort(Comparator.comparing(AssignmentRequest::at));
      List<Assignment> got = rules.replay(AssignmentState.empty(), log).assignments();
      Map<UserId, RepProfile> profiles = new HashMap<>();
      s.profiles.forEach(p -> profiles.put(p.user(), p));
      Map<String, Integer> perPeriod = new HashMap<>();
      for (int i = 0; i < got.size(); i++) {
        Assignment a = got.get(i);
        if (a.strategy().isEmpty() || a.fellBack()) {
          continue;
        }
        RepProfile p = profiles.get(a.assignee().userId().orElseThrow());
        if (p.capacity().isPresent()) {
          String key = p.user() + "@" + NaiveAssigner.period(p, log.get(i).at());
          int count = perPeriod.merge(key, 1, Integer::sum);
          assertThat(count).as("leads distributed to %s", key)
              .isLessThanOrEqualTo(p.capacity().get().limit());
        }
      }
    });
  }

  @Test
  void unavailableOrIneligibleRepsNeverReceiveDistributedLeads() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      AssignmentScenario s = new AssignmentScenario(seed, 200);
      AssignmentRules rules = s.rules();
      if (rules == null) {
        return;
      }
      List<Assignment> got = rules.replay(AssignmentState.empty(), s.log).assignments();
      Map<UserId, RepProfile> profiles = new HashMap<>();
      s.profiles.forEach(p -> profiles.put(p.user(), p));
      Map<UserId, User> users = new HashMap<>();
      s.users.forEach(u -> users.put(u.id(), u));
      for (int i = 0; i < got.size(); i++) {
        Assignment a = got.get(i);
        if (a.strategy().isEmpty() || a.fellBack()) {
          continue;
        }
        Instant at = s.log.get(i).at();
        UserId u = a.assignee().userId().orElseThrow();
        RepProfile p = profiles.get(u);
        assertThat(users.get(u).active()).isTrue();
        assertThat(p.outOfOffice()).noneMatch(o -> !at.isBefore(o.from()) && at.isBefore(o.until()));
        p.workingHours().ifPresent(h -> {
          ZonedDateTime z = at.atZone(p.zone());
          LocalTime t = z.toLocalTime();
          assertThat(h.days()).contains(z.getDayOfWeek());
          assertThat(t).isAfterOrEqualTo(h.start()).isBefore(h.end());
        });
        AssignmentEntry e = s.entries.stream().filter(x -> x.name().equals(a.rule()))
            .findFirst().orElseThrow();
        assertThat(p.skills()).containsAll(e.target().distribution().get().requiredSkills());
      }
    });
  }

  @Test
  void assignmentIsDeterministicAndReplayReproducesItExactly() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      AssignmentScenario s = new AssignmentScenario(seed, 100);
      AssignmentRules rules = s.rules();
      if (rules == null) {
        return;
      }
      AssignmentState state = AssignmentState.empty();
      List<Assignment> sequential = new ArrayList<>();
      for (AssignmentRequest r : s.log) {
        AssignmentResult first = rules.assign(r.lead(), state, r.at());
        assertThat(rules.assign(r.lead(), state, r.at())).isEqualTo(first);
        sequential.add(first.assignment());
        state = first.nextState();
      }
      AssignmentBatch replayed = rules.replay(AssignmentState.empty(), s.log);
      assertThat(replayed.assignments()).isEqualTo(sequential);
      assertThat(replayed.nextState()).isEqualTo(state);
      // replaying the second half from the state after the first half gives the same end
      int half = s.log.size() / 2;
      AssignmentBatch firstHalf = rules.replay(AssignmentState.empty(), s.log.subList(0, half));
      AssignmentBatch secondHalf = rules.replay(firstHalf.nextState(),
          s.log.subList(half, s.log.size()));
      assertThat(secondHalf.assignments()).isEqualTo(sequential.subList(half, sequential.size()));
      assertThat(secondHalf.nextState()).isEqualTo(state);
      // one instant: the batch, its array form and sequential assign agree
      Instant at = s.log.get(0).at();
      AssignmentBatch batch = rules.assignAll(s.leads(), AssignmentState.empty(), at);
      int[] who = new int[s.log.size()];
      int[] rule = new int[s.log.size()];
      AssignmentState viaArrays = rules.assignAll(s.leads(), AssignmentState.empty(), at, who,
          rule);
      assertThat(viaArrays).isEqualTo(batch.nextState());
      for (int i = 0; i < who.length; i++) {
        assertThat(rules.assigneeOf(who[i])).isEqualTo(batch.assignments().get(i).assignee());
        assertThat(rules.ruleName(rule[i])).isEqualTo(batch.assignments().get(i).rule());
      }
    });
  }

  @Test
  void afterALeaverIsReassignedNoRecordIsTheirsAndReassignmentIsIdempotent() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      AssignmentScenario s = new AssignmentScenario(seed, 80);
      AssignmentRules rules = s.rules();
      if (rules == null) {
        return;
      }
      Instant at = s.log.get(0).at();
      AssignmentBatch initial = rules.assignAll(s.leads(), AssignmentState.empty(), at);
      List<OwnedRecord> owned = new ArrayList<>();
      for (int i = 0; i < s.log.size(); i++) {
        owned.add(new OwnedRecord(s.log.get(i).lead(), initial.assignments().get(i).assignee()));
      }
      User leaver = s.users.get(new Random(seed).nextInt(s.users.size()));
      List<User> after = new ArrayList<>();
      s.users.forEach(u -> after.add(u.equals(leaver) ? User.builder().from(u).active(false)
          .build() : u));
      AssignmentRules rules2;
      try {
        rules2 = AssignmentRules.builder().territories(s.territories)
            .productLines(s.productLines).users(after).profiles(s.profiles).entries(s.entries)
            .defaultOwner(s.defaultOwner).build();
      } catch (org.crmkit.core.InvalidDefinitionException e) {
        return; // the leaver was a fixed target: the host must edit the rules first
      }
      ReassignmentPlan plan = rules2.reassign(owned, initial.nextState(), at);
      Map<String, Assignee> applied = new HashMap<>();
      owned.forEach(o -> applied.put(o.lead().id(), o.owner()));
      for (Reassignment m : plan.moves()) {
        assertThat(applied.get(m.recordId())).isEqualTo(m.from());
        assertThat(m.to()).isNotEqualTo(m.from());
        applied.put(m.recordId(), m.to());
      }
      assertThat(applied.values()).doesNotContain(Assignee.user(leaver.id()));
      List<OwnedRecord> now = new ArrayList<>();
      owned.forEach(o -> now.add(new OwnedRecord(o.lead(), applied.get(o.lead().id()))));
      assertThat(rules2.reassign(now, plan.nextState(), at).moves()).isEmpty();
    });
  }
}

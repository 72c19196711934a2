package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.junit.jupiter.api.Test;

class MachineTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A small ticket machine: open → (working: triage, fixing) → resolved → closed. */
  static Machine tickets() {
    return Machine.builder("tickets")
        .initial("open")
        .state("open", s -> s.onExit("stop-sla-timer"))
        .state("working", s -> s.onEntry("notify-team").onExit("log-work"))
        .state("triage", s -> s.parent("working").onEntry("assign-triager"))
        .state("fixing", "working")
        .state("resolved")
        .finalState("closed")
        .transition("open", "start", "working", t -> t.effect("acknowledge"))
        .transition("triage", "confirm", "fixing", t -> t.guard("reproduced"))
        .transition("triage", "confirm", "resolved", t -> t.priority(-1).effect("explain-no-bug"))
        .internal("working", "comment", t -> t.effect("append-comment"))
        .transition("working", "give-up", "resolved")
        .transition("fixing", "fix", "resolved", t -> t.guard("tests-green", "reviewed"))
        .transition("resolved", "reopen", "working", t -> t.guard("reopen-allowed"))
        .transition("resolved", "auto-close", "closed", t -> t.after(Duration.ofDays(7), "resolvedAt"))
        .transition("resolved", "close", "closed")
        .guard("reproduced", Guard.flag("reproduced"))
        .guard("tests-green", Guard.flag("testsGreen"))
        .guard("reviewed", Guard.flag("reviewed"))
        .guard("reopen-allowed", Guard.atLeast("reopenCount", 0))
        .build();
  }

  @Test
  void decidesByStateAndEventCodes() {
    Machine funnel = SalesFunnel.machine();
    int lead = funnel.stateCode("lead");
    int convert = funnel.eventCode("convert");
    Decision d = funnel.decide(lead, convert);
    assertThat(d.state()).isEqualTo("prospecting");
    assertThat(funnel.stateName(d.stateCode())).isEqualTo("prospecting");
    assertThat(funnel.decide(d.stateCode(), funnel.eventCode("advance")).state()).isEqualTo("qualification");
    assertThat(funnel.decide(lead, funnel.eventCode("win")).outcome()).isEqualTo(Decision.Outcome.NO_TRANSITION);
    assertThatThrownBy(() -> funnel.stateCode("opportunity"))
        .isInstanceOf(CrmException.class).hasMessageContaining("state 'opportunity' is composite");
    assertThatThrownBy(() -> funnel.eventCode("teleport"))
        .isInstanceOf(CrmException.class).hasMessageStartingWith("unknown event 'teleport' in machine 'sales-funnel'");
    assertThatThrownBy(() -> funnel.decide(funnel.stateCode("lead"), 99))
        .isInstanceOf(CrmException.class).hasMessageStartingWith("eventCode must be in [0, ");
    assertThatThrownBy(() -> funnel.decide(-1, convert))
        .isInstanceOf(CrmException.class).hasMessageContaining("but was -1");
  }

  @Test
  void acceptedDecisionCarriesTargetAndOrderedEffects() {
    Decision d = tickets().decide("open", "start");
    assertThat(d.accepted()).isTrue();
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
    assertThat(d.from()).isEqualTo("open");
    assertThat(d.state()).isEqualTo("triage"); // composite target enters its first child
    // exit open, transition effect, enter working then triage (outermost first)
    assertThat(d.effects())
        .containsExactly("stop-sla-timer", "acknowledge", "notify-team", "assign-triager");
    assertThat(d.transition()).map(Transition::event).contains("start");
    assertThat(d.explain()).startsWith("accepted: 'start' in 'open' leads to 'triage'");
  }

  @Test
  void guardFailureNamesTheGuardAndWhyAndFallsBackByPriority() {
    Machine m = tickets();
    Decision fix = m.decide("fixing", "fix", Context.of(Map.of("testsGreen", true)));
    assertThat(fix.accepted()).isFalse();
    assertThat(fix.outcome()).isEqualTo(Decision.Outcome.GUARD_FAILED);
    assertThat(fix.failedGuard()).contains("reviewed");
    assertThat(fix.reason()).contains("reviewed must be true, but was absent");
    assertThat(fix.state()).isEqualTo("fixing");
    assertThat(fix.effects()).isEmpty();

    // priority: the guarded transition is tried first, the fallback (priority -1) otherwise
    assertThat(m.decide("triage", "confirm", Context.of(Map.of("reproduced", true))).state())
        .isEqualTo("fixing");
    Decision notReproduced = m.decide("triage", "confirm", Context.empty());
    assertThat(notReproduced.state()).isEqualTo("resolved");
    assertThat(notReproduced.effects())
        .containsExactly("log-work", "explain-no-bug");
  }

  @Test
  void noTransitionAndFinalStateAreTypedRejections() {
    Machine m = tickets();
    Decision none = m.decide("open", "fix");
    assertThat(none.outcome()).isEqualTo(Decision.Outcome.NO_TRANSITION);
    assertThat(none.explain()).isEqualTo("rejected: no transition on 'fix' in 'open'");
    Decision unknown = m.decide("open", "teleport");
    assertThat(unknown.outcome()).isEqualTo(Decision.Outcome.NO_TRANSITION);
    assertThat(unknown.reason()).contains("event 'teleport' is not known").contains("start");
    Decision fin = m.decide("closed", "reopen");
    assertThat(fin.outcome()).isEqualTo(Decision.Outcome.FINAL_STATE);
    assertThat(fin.state()).isEqualTo("closed");
  }

  @Test
  void transitionsOfACompositeStateApplyInsideIt() {
    Machine m = tickets();
    Decision comment = m.decide("fixing", "comment");
    assertThat(comment.internal()).isTrue();
    assertThat(comment.state()).isEqualTo("fixing");
    assertThat(comment.effects()).containsExactly("append-comment"); // no exit/entry
    Decision giveUp = m.decide("triage", "give-up");
    assertThat(giveUp.state()).isEqualTo("resolved");
    assertThat(giveUp.effects()).containsExactly("log-work");
  }

  @Test
  void timedTransitionsAreDueOnlyOnceTheirDelayElapsed() {
    Machine m = tickets();
    Context early = Context.of(Map.of("resolvedAt", T0), T0.plus(Duration.ofDays(6)));
    Context late = Context.of(Map.of("resolvedAt", T0), T0.plus(Duration.ofDays(7)));
    assertThat(m.dueEvents("resolved", early)).isEmpty();
    assertThat(m.dueEvents("resolved", late)).containsExactly("auto-close");
    Decision notYet = m.decide("resolved", "auto-close", early);
    assertThat(notYet.failedGuard()).contains("timer");
    assertThat(notYet.reason()).contains("due at 2026-01-08T00:00:00Z");
    assertThat(m.decide("resolved", "auto-close", late).state()).isEqualTo("closed");
    assertThat(m.decide("resolved", "auto-close", Context.of(Map.of("resolvedAt", T0))).reason())
        .contains("no current instant");
  }

  @Test
  void guardFreeDecisionsArePrecomputedAndShared() {
    Machine m = tickets();
    assertThat(m.decide("open", "start")).isSameAs(m.decide("open", "start"));
    assertThat(m.decide(new String("open"), new String("start")))
        .isSameAs(m.decide("open", "start"));
  }

  @Test
  void badStatesAreTypedErrors() {
    Machine m = tickets();
    assertThatThrownBy(() -> m.decide("nowhere", "start"))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("unknown state 'nowhere' in machine 'tickets'");
    assertThatThrownBy(() -> m.decide("working", "fix"))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("state 'working' is composite")
        .hasMessageContaining("'triage'");
    assertThatThrownBy(() -> m.decide(null, "fix")).isInstanceOf(CrmException.class);
  }

  @Test
  void introspection() {
    Machine m = tickets();
    assertThat(m.permittedEvents("triage")).containsExactly("confirm", "comment", "give-up");
    assertThat(m.permittedEvents("fixing", Context.empty())).containsExactly("comment", "give-up");
    assertThat(m.permittedEvents("closed")).isEmpty();
    assertThat(m.reachableStates("open"))
        .containsExactly("open", "triage", "fixing", "resolved", "closed");
    assertThat(m.reachableStates("closed")).containsExactly("closed");
    assertThat(m.shortestPath("open", "closed")).contains(List.of("start", "confirm", "auto-close"));
    assertThat(m.shortestPath("open", "working")).contains(List.of("start"));
    assertThat(m.shortestPath("fixing", "fixing")).contains(List.of());
    assertThat(m.shortestPath("closed", "open")).isEmpty();
    assertThat(m.start("t-1")).isEqualTo(new SubjectState("t-1", "open", 0));
    assertThat(m.events()).startsWith("start", "confirm");
    assertThat(m.state("triage")).map(State::parent).contains(java.util.Optional.of("working"));
  }

  @Test
  void fireAndApplyWithOptimisticConcurrency() {
    Machine m = tickets();
    SubjectState s0 = m.start("t-1");
    TransitionRecord r1 = m.fire(s0, "start", Context.empty(), T0, "alice");
    assertThat(r1).isEqualTo(new TransitionRecord("t-1", "open", "triage", "start", T0, "alice", 1));
    SubjectState s1 = m.apply(s0, r1);
    assertThat(s1).isEqualTo(new SubjectState("t-1", "triage", 1));

    // two writers decided on version 1; the second to apply is stale
    TransitionRecord a = m.fire(s1, "give-up", Context.empty(), T0, "alice");
    TransitionRecord b = m.fire(s1, "comment", Context.empty(), T0, "bob");
    SubjectState s2 = m.apply(s1, a);
    assertThatThrownBy(() -> m.apply(s2, b))
        .isInstanceOfSatisfying(StaleVersionException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
          assertThat(e.subjectId()).isEqualTo("t-1");
        })
        .hasMessageContaining("decided on version 1, but the subject is at version 2");

    assertThatThrownBy(() -> m.fire(s2, "fix", Context.empty(), T0, "bob"))
        .isInstanceOfSatisfying(TransitionRejectedException.class,
            e -> assertThat(e.decision().outcome()).isEqualTo(Decision.Outcome.NO_TRANSITION));
    assertThatThrownBy(() -> m.apply(new SubjectState("t-2", "open", 0), r1))
        .isInstanceOf(CrmException.class).hasMessageContaining("applied to subject 't-2'");
    TransitionRecord forged = new TransitionRecord("t-1", "resolved", "fixing", "reopen", T0, "x", 3);
    assertThatThrownBy(() -> m.apply(s2, forged))
        .isInstanceOf(CrmException.class)
        .hasMessageContaining("'reopen' in 'resolved' leads to [triage], not to 'fixing'");
  }

  @Test
  void replayRebuildsTheStateAndReportsTheFirstIllegalStep() {
    Machine m = tickets();
    List<TransitionRecord> ok = List.of(
        new TransitionRecord("t-1", "open", "triage", "start", T0, "a", 1),
        new TransitionRecord("t-1", "triage", "fixing", "confirm", T0.plusSeconds(5), "a", 2),
        new TransitionRecord("t-1", "fixing", "fixing", "comment", T0.plusSeconds(9), "b", 3));
    Replay replay = m.replay(ok);
    assertThat(replay.valid()).isTrue();
    assertThat(replay.state()).isEqualTo("fixing");
    assertThat(replay.version()).isEqualTo(3);
    assertThat(m.replay(List.of())).isEqualTo(new Replay("open", 0, java.util.Optional.empty()));

    List<TransitionRecord> skipped = List.of(ok.get(0), ok.get(2));
    Replay bad = m.replay(skipped);
    assertThat(bad.valid()).isFalse();
    assertThat(bad.state()).isEqualTo("triage");
    assertThat(bad.version()).isEqualTo(1);
    assertThat(bad.illegalStep().get().index()).isEqualTo(1);
    assertThat(bad.illegalStep().get().reason()).isEqualTo("version 3 does not follow version 1");

    List<TransitionRecord> wrongFrom = List.of(ok.get(0),
        new TransitionRecord("t-1", "fixing", "resolved", "fix", T0, "a", 2));
    assertThat(m.replay(wrongFrom).illegalStep().get().reason())
        .isEqualTo("record leaves 'fixing', but the subject is in 'triage'");
    List<TransitionRecord> backwards = List.of(ok.get(1 - 1),
        new TransitionRecord("t-1", "triage", "fixing", "confirm", T0.minusSeconds(1), "a", 2));
    assertThat(m.replay(backwards).illegalStep().get().reason()).contains("is before");
    List<TransitionRecord> noSuch = List.of(
        new TransitionRecord("t-1", "open", "closed", "close", T0, "a", 1));
    assertThat(m.replay(noSuch).illegalStep().get().reason())
        .isEqualTo("no transition on 'close' in 'open'");
    List<TransitionRecord> other = List.of(ok.get(0),
        new TransitionRecord("t-9", "triage", "fixing", "confirm", T0, "a", 2));
    assertThat(m.replay(other).illegalStep().get().reason()).contains("subject 't-9'");
    // from a snapshot
    Replay resumed = m.replay(new SubjectState("t-1", "triage", 1), ok.subList(1, 3));
    assertThat(resumed.state()).isEqualTo("fixing");
    assertThat(resumed.version()).isEqualTo(3);
  }

  @Test
  void buildReportsEveryProblemAtOnce() {
    Machine.Builder b = Machine.builder("broken")
        .initial("start")
        .state("start")
        .state("middle")
        .state("island")
        .state("start")                                   // duplicate
        .state("child", "ghost")                          // unknown parent
        .finalState("end")
        .transition("start", "go", "middle")
        .transition("start", "go", "end")                 // ambiguous with the one above
        .transition("middle", "go", "nowhere")            // unknown target
        .transition("end", "restart", "start")            // from a final state
        .transition("start", "check", "end", t -> t.guard("unbound"))
        .transition("start", "wait", "end", t -> t.after(Duration.ZERO, "since"));
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly("states[3]", "states[4].parent", "transitions[2].target",
                "transitions[3].source", "transitions[4].guards[0]", "transitions[5].after",
                "transitions[1]"))
        .hasMessageContaining("duplicate state 'start' (first declared at states[0])")
        .hasMessageContaining("unknown state 'ghost'");

    Machine.Builder c = Machine.builder("broken")
        .initial("start")
        .state("start")
        .state("middle")
        .state("island")
        .state("stuck")
        .finalState("end")
        .transition("start", "go", "middle")
        .transition("start", "go", "end")
        .transition("middle", "go", "nowhere")
        .transition("middle", "on", "stuck")
        .transition("end", "restart", "start")
        .transition("start", "check", "end", t -> t.guard("unbound"))
        .transition("start", "wait", "end", t -> t.after(Duration.ZERO, "since"))
        .internal("stuck", "tick", t -> {});
    assertThatThrownBy(c::build)
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly(
                "transitions[2].target", "transitions[4].source", "transitions[5].guards[0]",
                "transitions[6].after", "transitions[1]", "states[2]", "states[2]", "states[3]"))
        .hasMessageContaining("ambiguous with transitions[0]: both leave 'start' on 'go' with priority 0")
        .hasMessageContaining("unknown guard 'unbound'")
        .hasMessageContaining("final state 'end' cannot have outgoing transitions")
        .hasMessageContaining("a timer must be positive")
        .hasMessageContaining("state 'island' is unreachable from the initial state 'start'")
        .hasMessageContaining("non-final state 'island' has no transition leading out of it")
        .hasMessageContaining("non-final state 'stuck' has no transition leading out of it");
  }

  @Test
  void missingInitialCyclesAndFinalCompositesAreProblems() {
    assertThatThrownBy(() -> Machine.builder("m")
        .state("a", "b").state("b", "a").finalState("c").state("d", "c").build())
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly("states[0].parent", "states[2]", "initial"))
        .hasMessageContaining("parent cycle: a -> b -> a")
        .hasMessageContaining("final state 'c' cannot contain other states")
        .hasMessageContaining("the initial state is required");
    assertThatThrownBy(() -> Machine.builder("m").build())
        .hasMessageContaining("a machine needs at least one state");
    assertThatThrownBy(() -> Machine.builder(" ")).isInstanceOf(CrmException.class);
    assertThatThrownBy(() -> Machine.builder("m").state("a", s -> s.onEntry("")))
        .isInstanceOf(CrmException.class).hasMessageContaining("effect must be a non-blank");
  }

  @Test
  void mermaidDiagram() {
    String mermaid = Machine.builder("m")
        .initial("new")
        .state("new")
        .state("in-progress")
        .state("step", "in-progress")
        .finalState("done")
        .transition("new", "begin", "in-progress", t -> t.effect("notify"))
        .transition("in-progress", "finish", "done", t -> t.guard("ok"))
        .guard("ok", Guard.always())
        .build()
        .toMermaid();
    assertThat(mermaid).isEqualTo("""
        stateDiagram-v2
            new
            state "in-progress" as in_progress
            state in_progress {
                step
            }
            done
            [*] --> new
            new --> in_progress : begin / notify
            in_progress --> done : finish [ok]
            done --> [*]
        """);
  }

  @Test
  void dotDiagram() {
    String dot = Machine.builder("m")
        .initial("new")
        .state("new")
        .state("busy")
        .state("step", "busy")
        .finalState("done")
        .transition("new", "begin", "busy")
        .transition("busy", "finish", "done", t -> t.after(Duration.ofDays(2), "since"))
        .internal("step", "ping", t -> {})
        .build()
        .toDot();
    assertThat(dot).isEqualTo("""
        digraph "m" {
          rankdir=LR;
          compound=true;
          node [shape=box, style=rounded];
          "__initial" [shape=point, label=""];
          "new";
          subgraph "cluster_busy" {
            label="busy";
            "step";
          }
          "done" [peripheries=2];
          "__initial" -> "new";
          "new" -> "step" [label="begin", lhead="cluster_busy"];
          "step" -> "done" [label="finish after P2D since since", ltail="cluster_busy"];
          "step" -> "step" [label="ping (internal)", style=dashed];
        }
        """);
  }

  @Test
  void contextsAndGuardsExplainThemselves() {
    Context c = Context.of(Map.of("score", 35, "vip", true, "at", T0), T0);
    assertThat(c.number("score")).hasValue(35.0);
    assertThat(c.number("vip")).isEmpty();
    assertThat(c.flag("vip")).isTrue();
    assertThat(c.instant("at")).contains(T0);
    assertThat(c.now()).contains(T0);
    assertThat(Guard.atLeast("score", 40).whyNot(c)).isEqualTo("score must be at least 40, but was 35");
    assertThat(Guard.below("score", 30).whyNot(c)).isEqualTo("score must be below 30, but was 35");
    assertThat(Guard.atLeast("missing", 1).test(c)).isFalse();
    assertThat(Guard.atLeast("missing", 1).whyNot(c)).endsWith("but was absent");
    java.util.HashMap<String, Object> withNull = new java.util.HashMap<>();
    withNull.put("x", null);
    assertThatThrownBy(() -> Context.of(withNull)).isInstanceOf(CrmException.class)
        .hasMessageContaining("null keys or values");
    assertThat(GuardRegistry.assumeSatisfied().find("anything")).isPresent();
    assertThat(GuardRegistry.builder().build().find("anything")).isEmpty();
  }

  @Test
  void recordsAndSubjectStatesRejectBadValues() {
    assertThatThrownBy(() -> new TransitionRecord("s", "a", "b", "e", T0, "x", 0))
        .isInstanceOf(CrmException.class).hasMessageContaining("version must be >= 1");
    assertThatThrownBy(() -> new TransitionRecord("s", "a", "b", " ", T0, "x", 1))
        .isInstanceOf(CrmException.class).hasMessageContaining("event");
    assertThatThrownBy(() -> new SubjectState("s", "a", -1))
        .isInstanceOf(CrmException.class).hasMessageContaining("version must be >= 0");
  }

  @Test
  void aGuardRegistryIsResolvedAtBuildSoItBindsTransitionsDeclaredAfterIt() {
    GuardRegistry registry = GuardRegistry.builder()
        .guard("ok", Guard.flag("ok"))
        .guard("unused", Guard.always())
        .build();
    Machine door = Machine.builder("door")
        .guards(registry) // before any transition
        .initial("closed")
        .state("closed")
        .state("open")
        .transition("closed", "open", "open", t -> t.guard("ok"))
        .transition("open", "close", "closed")
        .build();
    assertThat(door.guards().names()).containsExactly("ok");
    assertThat(door.decide("closed", "open", Context.of(Map.of("ok", true))).state()).isEqualTo("open");
    assertThat(door.decide("closed", "open", Context.of(Map.of("ok", false))).state())
        .isEqualTo("closed");
  }

  @Test
  void anExplicitGuardWinsOverARegistryAndTheFirstRegistryOverLaterOnes() {
    Machine door = Machine.builder("door")
        .guards(GuardRegistry.builder().guard("ok", Guard.flag("never-set")).build())
        .guards(GuardRegistry.builder().guard("ok", Guard.always()).guard("wide", Guard.always()).build())
        .initial("closed")
        .state("closed")
        .state("open")
        .transition("closed", "open", "open", t -> t.guard("ok", "wide"))
        .transition("open", "close", "closed", t -> t.guard("ok"))
        .guard("ok", Guard.always())
        .build();
    assertThat(door.decide("closed", "open").state()).isEqualTo("open");

    Machine firstRegistryWins = Machine.builder("door")
        .guards(GuardRegistry.builder().guard("ok", Guard.flag("never-set")).build())
        .guards(GuardRegistry.builder().guard("ok", Guard.always()).build())
        .initial("closed")
        .state("closed")
        .state("open")
        .transition("closed", "open", "open", t -> t.guard("ok"))
        .transition("open", "close", "closed")
        .build();
    assertThat(firstRegistryWins.decide("closed", "open").state()).isEqualTo("closed");
  }

  @Test
  void anUnboundGuardListsTheNamesOfEveryRegistry() {
    assertThatThrownBy(() -> Machine.builder("door")
            .guards(GuardRegistry.builder().guard("ok", Guard.always()).build())
            .initial("closed")
            .state("closed")
            .state("open")
            .transition("closed", "open", "open", t -> t.guard("missing"))
            .transition("open", "close", "closed")
            .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("unknown guard 'missing'; bound guards: [ok]");
  }
}

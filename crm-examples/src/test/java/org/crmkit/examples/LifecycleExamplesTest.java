package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.Guard;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.Replay;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.json.MachineJson;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle examples shown in README.md ("Lifecycle machines"), kept here so that they
 * compile and run. Copy the text between the "README" markers verbatim.
 */
class LifecycleExamplesTest {

  @Test
  void lifecycleExample() {
    // README: lifecycle
    Machine lifecycle = CustomerLifecycle.builder()
        .churnAfter(Duration.ofDays(180))                  // "no purchase for 180 days"
        .build();                                          // validated once, compiled to tables
    Instant now = Instant.parse("2026-03-01T00:00:00Z");

    Decision d = lifecycle.decide("intentional", "order-paid",
        Context.of(Map.of("paidOrders", 1)));              // pure: nothing mutated or executed
    d.state();                                             // "closed-deal"
    d.effects();                                           // [send-welcome, start-onboarding]

    Decision early = lifecycle.decide("intentional", "order-paid", Context.of(Map.of()));
    early.failedGuard();                                   // Optional[first-order-paid]

    SubjectState alice = lifecycle.start("alice");         // potential, version 0
    TransitionRecord r = lifecycle.fire(alice, "show-interest", Context.empty(), now, "rep-7");
    alice = lifecycle.apply(alice, r);                     // stale versions are rejected
    Replay audit = lifecycle.replay(List.of(r));           // validates a persisted history

    Machine funnel = SalesFunnel.machine();
    double p = SalesFunnel.winProbability(funnel, "proposal");           // 0.5
    List<String> path = funnel.shortestPath("lead", "won").orElseThrow(); // [convert, advance, ...]
    String diagram = funnel.toMermaid();                                 // stateDiagram-v2 ...
    // README: end

    assertThat(d.state()).isEqualTo("closed-deal");
    assertThat(d.effects()).containsExactly("send-welcome", "start-onboarding");
    assertThat(early.failedGuard()).contains("first-order-paid");
    assertThat(alice.state()).isEqualTo("intentional");
    assertThat(alice.version()).isEqualTo(1);
    assertThat(audit.valid()).isTrue();
    assertThat(audit.state()).isEqualTo("intentional");
    assertThat(p).isEqualTo(0.5);
    assertThat(path).containsExactly("convert", "advance", "advance", "advance", "win");
    assertThat(diagram).startsWith("stateDiagram-v2");
  }

  @Test
  void readmeDefinitionDocumentIsValid() {
    String json = """
        {"format": "crmkit.lifecycle/1", "name": "tickets", "initial": "open",
         "states": [{"name": "open"}, {"name": "working", "onEntry": ["notify-team"]},
                    {"name": "fixing", "parent": "working", "attributes": {"sla": "P2D"}},
                    {"name": "done", "final": true}],
         "transitions": [
           {"source": "open", "event": "start", "target": "working", "guards": ["has-owner"]},
           {"source": "working", "event": "finish", "target": "done", "effects": ["notify"], "priority": 1},
           {"source": "working", "event": "note", "internal": true},
           {"source": "working", "event": "expire", "target": "done", "after": "P30D", "clock": "openedAt"}]}
        """;
    Machine tickets = MachineJson.read(json,
        GuardRegistry.builder().guard("has-owner", Guard.flag("hasOwner")).build());
    Decision start = tickets.decide("open", "start", Context.of(Map.of("hasOwner", true)));
    assertThat(start.state()).isEqualTo("fixing");
    assertThat(start.effects()).containsExactly("notify-team");
    assertThat(tickets.permittedEvents("fixing")).containsExactly("finish", "note", "expire");
  }
}

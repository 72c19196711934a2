package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Guard;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.LeadTemperature;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.junit.jupiter.api.Test;

class MachineJsonTest {

  static final String DOOR = """
      {"format": "crmkit.lifecycle/1", "name": "door", "initial": "closed",
       "states": [{"name": "closed"}, {"name": "open", "onEntry": ["log-open"]},
                  {"name": "removed", "final": true}],
       "transitions": [
         {"source": "closed", "event": "open", "target": "open", "guards": ["unlocked"]},
         {"source": "open", "event": "close", "target": "closed", "effects": ["log-close"]},
         {"source": "open", "event": "tick", "internal": true},
         {"source": "open", "event": "timeout", "target": "closed", "after": "PT10M", "clock": "openedAt", "priority": 2},
         {"source": "closed", "event": "remove", "target": "removed"}]}
      """;

  @Test
  void readsADocumentAndBindsGuardsByName() {
    Machine door = MachineJson.read(DOOR,
        GuardRegistry.builder().guard("unlocked", Guard.flag("unlocked")).build());
    assertThat(door.name()).isEqualTo("door");
    assertThat(door.decide("closed", "open").failedGuard()).contains("unlocked");
    assertThat(door.decide("closed", "open", Context.of(Map.of("unlocked", true))).effects())
        .containsExactly("log-open");
    assertThat(door.transitions().get(3).timer()).isPresent();
    assertThat(door.transitions().get(2).internal()).isTrue();
  }

  @Test
  void builtInMachinesRoundTrip() {
    for (Machine m : new Machine[] {
        CustomerLifecycle.machine(), SalesFunnel.machine(), LeadTemperature.machine()}) {
      String json = MachineJson.write(m);
      assertThat(json).contains("\"format\" : \"crmkit.lifecycle/1\"");
      Machine back = MachineJson.read(json, m.guards());
      assertThat(MachineJson.write(back)).isEqualTo(json);
      assertThat(back.states()).isEqualTo(m.states());
      assertThat(back.transitions()).isEqualTo(m.transitions());
    }
  }

  @Test
  void reportsEveryDocumentProblemWithItsJsonPath() {
    String bad = """
        {"format": "crmkit.lifecycle/1", "name": "door", "initial": "closed", "colour": "red",
         "states": [{"name": "closed"}, {"name": 7}, {"name": "x", "final": "yes", "attributes": {"a": 1}}],
         "transitions": [
           {"source": "closed", "event": "open", "target": "open", "guards": ["nope"]},
           {"source": "closed", "event": "tick", "internal": true, "target": "closed"},
           {"source": "closed", "event": "wait", "target": "x", "after": "ten minutes"},
           {"source": "closed", "event": "go", "target": "x", "priority": 1.5},
           "not an object"]}
        """;
    assertThatThrownBy(() -> MachineJson.read(bad, GuardRegistry.builder().build()))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly("$.colour", "$.states[1].name", "$.states[2].final",
                "$.states[2].attributes.a", "$.transitions[0].guards[0]",
                "$.transitions[1].target", "$.transitions[2].after", "$.transitions[2].clock",
                "$.transitions[3].priority", "$.transitions[4]"))
        .hasMessageContaining("unknown guard 'nope'")
        .hasMessageContaining("expected an ISO-8601 duration");
  }

  @Test
  void validationProblemsGetJsonPaths() {
    String unreachable = """
        {"format": "crmkit.lifecycle/1", "name": "m", "initial": "a",
         "states": [{"name": "a"}, {"name": "b"}, {"name": "c", "final": true}],
         "transitions": [{"source": "a", "event": "go", "target": "c"},
                         {"source": "a", "event": "go", "target": "nowhere", "priority": 1}]}
        """;
    assertThatThrownBy(() -> MachineJson.read(unreachable, GuardRegistry.builder().build()))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
            .extracting(Problem::path)
            .containsExactly("$.transitions[1].target", "$.states[1]", "$.states[1]"));
  }

  @Test
  void wrongFormatAndSyntaxErrors() {
    assertThatThrownBy(() -> MachineJson.read("{\"format\": \"crmkit.lifecycle/2\"}",
        GuardRegistry.builder().build()))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("$.format: unsupported version \"crmkit.lifecycle/2\"");
    assertThatThrownBy(() -> MachineJson.read("{\"format\": ", GuardRegistry.builder().build()))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> MachineJson.read("[]", GuardRegistry.builder().build()))
        .hasMessageContaining("expected a JSON object");
  }

  @Test
  void assumeSatisfiedBindsEveryGuardName() {
    Machine door = MachineJson.read(DOOR, GuardRegistry.assumeSatisfied());
    assertThat(door.decide("closed", "open").accepted()).isTrue();
  }
}

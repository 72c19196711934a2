package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

class AssignmentStateJsonTest {
  @Test
  void stateRoundTripsThroughItsDocument() {
    AssignmentState state = AssignmentState.builder().putCursors("emea", 2)
        .putCurrentWeights("apac", Map.of(UserId.of("bob"), -2L, UserId.of("carol"), 1L))
        .putOpenItems(UserId.of("bob"), 3)
        .putCapacityUsed(UserId.of("bob"), new AssignmentState.CapacityUse("2026-11-23", 2))
        .build();
    String json = AssignmentStateJson.DOCUMENT.write(state);
    assertThat(AssignmentStateJson.DOCUMENT.read(json)).isEqualTo(state);
    assertThat(json).contains("\"period\" : \"2026-11-23\"");
    assertThat(AssignmentStateJson.DOCUMENT.write(AssignmentStateJson.DOCUMENT.read(json))).isEqualTo(json);
  }

  @Test
  void readsTheDocumentedExample() {
    AssignmentState s = AssignmentStateJson.DOCUMENT.read("""
        {"format": "crmkit.assignment-state/1", "cursors": {"emea": 1},
         "currentWeights": {"apac": {"bob": -2, "carol": 1}}, "openItems": {"bob": 3},
         "capacityUsed": {"bob": {"period": "2026-11-23", "count": 2}}}""");
    assertThat(s.cursors()).containsEntry("emea", 1);
    assertThat(s.currentWeights().get("apac")).containsEntry(UserId.of("bob"), -2L);
    assertThat(s.openItems()).containsEntry(UserId.of("bob"), 3);
    assertThat(s.capacityUsed().get(UserId.of("bob")).count()).isEqualTo(2);
  }

  @Test
  void badStatesAreReportedWithPaths() {
    assertThatThrownBy(() -> AssignmentStateJson.DOCUMENT.read("""
        {"format": "crmkit.assignment-state/1", "cursors": {"emea": "one"},
         "currentWeights": {"apac": {"bob": 1.5}, "x": 3}, "openItems": {"bob": -1},
         "capacityUsed": {"bob": {"period": "", "count": -2}}, "more": true}"""))
        .isInstanceOfSatisfying(InvalidDefinitionException.class, e ->
            assertThat(e.problems()).extracting(Problem::path).containsExactly(
                "$.more",
                "$.cursors.emea",
                "$.currentWeights.apac.bob",
                "$.currentWeights.x",
                "$.openItems.bob",
                "$.capacityUsed.bob.period",
                "$.capacityUsed.bob.count"));
  }
}

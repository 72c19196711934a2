package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.assignment.AssignmentResult;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.Action;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values module through a plain Jackson 3 {@code JsonMapper} that finds it through {@code
 * ServiceLoader}, as a Spring Boot 4 application would: every value serialises to exactly the
 * text of the Jackson 2 module, and the values that round-trip read back equal.
 */
class Jackson3ValuesModuleTest {
  static final JsonMapper JACKSON3 = JsonMapper.builder().findAndAddModules().build();

  @Test
  void idsArePlainStringsBothWaysAlsoAsMapKeys() {
    assertThat(JACKSON3.writeValueAsString(CustomerId.of("c-1"))).isEqualTo("\"c-1\"");
    assertThat(JACKSON3.readValue("\"c-1\"", CustomerId.class)).isEqualTo(CustomerId.of("c-1"));
    Map<UserId, Integer> open = new LinkedHashMap<>();
    open.put(UserId.of("bob"), 3);
    assertThat(JACKSON3.writeValueAsString(open)).isEqualTo("{\"bob\":3}");
    assertThat(JACKSON3.readValue("{\"bob\":3}", new TypeReference<Map<UserId, Integer>>() {}))
        .isEqualTo(open);
    assertThatThrownBy(() -> JACKSON3.readValue("\" \"", UserId.class))
        .isInstanceOf(DatabindException.class).hasMessageContaining("UserId.value");
  }

  @Test
  void everyValueIsWrittenAsTheJackson2ModuleWritesIt() throws Exception {
    AccessData data = AccessDataJson.DOCUMENT.read(PolicyJsonTest.DATA);
    var policy = PolicyJson.read(PolicyJsonTest.POLICY, data.organisation());
    Machine machine = CustomerLifecycle.machine();
    AssignmentRules rules = AssignmentRulesJson.read(AssignmentJsonTest.RULES,
        AssignmentTeamJson.DOCUMENT.read(AssignmentJsonTest.TEAM));
    AssignmentResult assigned = rules.assign(Lead.builder().id("L-1")
        .territory(TerritoryId.of("de")).build(), AssignmentState.empty(),
        Instant.parse("2026-11-23T10:00:00Z"));
    List<Object> values = new ArrayList<>(List.of(
        policy.check(data.organisation().users().get(1), Action.READ, data.records().get(0)),
        policy.check(data.organisation().users().get(1), Action.EXPORT, data.records().get(1)),
        machine.decide("potential", "show-interest"), machine.decide("erased", "x"),
        assigned.assignment(), assigned.nextState(),
        RfmScorer.defaults().score(List.of(Transaction.of("a", LocalDate.of(2026, 1, 2), 5)),
            LocalDate.of(2026, 2, 1))));
    for (Object v : values) {
      assertThat(JACKSON3.writeValueAsString(v)).as(v.getClass().getSimpleName())
          .isEqualTo(ValuesModuleTest.JACKSON2.writeValueAsString(v));
    }
  }

  @Test
  void recordsStatesScoresPredictionsAndModelsRoundTrip() throws Exception {
    Machine machine = CustomerLifecycle.machine();
    SubjectState start = machine.start("c-1");
    TransitionRecord record = machine.fire(start, "show-interest", Context.empty(),
        Instant.parse("2026-11-23T09:00:00Z"), "bob");
    roundTrips(record, TransitionRecord.class);
    roundTrips(start, SubjectState.class);
    roundTrips(RandomDocuments.state(new Random(4)), AssignmentState.class);
    roundTrips(new RfmScore(CustomerId.of("c-1"), 12, 3, 45.5, 5, 4, 3), RfmScore.class);
    roundTrips(RandomDocuments.rfmModel(new Random(5)), RfmModel.class);
    roundTrips(RandomDocuments.clvModel(new Random(9)), ClvModel.class);
    ClvPredictions predictions = new ClvPredictions(52, 0.1, List.of(
        new CustomerPrediction(CustomerId.of("c-1"), 0.8, 2.5, 30.25, 61.7)));
    roundTrips(predictions, ClvPredictions.class);
    roundTrips(predictions.customers().get(0), CustomerPrediction.class);
  }

  @Test
  void badModelsAreRejectedWithTheirJsonPaths() {
    assertThatThrownBy(() -> JACKSON3.readValue("{\"format\": \"crmkit.clv-model/2\"}",
        ClvModel.class)).isInstanceOf(DatabindException.class)
        .hasMessageContaining("$.format: unsupported version");
  }

  private static <T> void roundTrips(T value, Class<T> type) throws Exception {
    String json = JACKSON3.writeValueAsString(value);
    assertThat(json).isEqualTo(ValuesModuleTest.JACKSON2.writeValueAsString(value));
    assertThat(JACKSON3.readValue(json, type)).isEqualTo(value);
  }
}

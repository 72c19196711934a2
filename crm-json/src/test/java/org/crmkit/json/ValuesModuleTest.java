package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.crmkit.core.assignment.AssignmentResult;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.junit.jupiter.api.Test;

/**
 * The values module through a plain Jackson 2 {@code ObjectMapper} that finds it through {@code
 * ServiceLoader}, as a Spring Boot 3 application would (Jackson 3: {@link Jackson3ValuesModuleTest}).
 * Uses no Jackson 3 class, so that it also runs with Jackson 2 aligned down to 2.18 (profile
 * {@code jackson-2.18}).
 */
class ValuesModuleTest {
  static final ObjectMapper JACKSON2 = new ObjectMapper().findAndRegisterModules();

  static AccessData data = AccessDataJson.DOCUMENT.read(PolicyJsonTest.DATA);
  static AccessPolicy policy = PolicyJson.read(PolicyJsonTest.POLICY, data.organisation());

  @Test
  void idsArePlainStringsBothWaysAlsoAsMapKeys() throws Exception {
    assertThat(JACKSON2.writeValueAsString(CustomerId.of("c-1"))).isEqualTo("\"c-1\"");
    assertThat(JACKSON2.readValue("\"c-1\"", CustomerId.class)).isEqualTo(CustomerId.of("c-1"));
    assertThat(JACKSON2.readValue("\"customer\"", ObjectType.class)).isEqualTo(ObjectType.CUSTOMER);
    Map<UserId, Integer> open = new LinkedHashMap<>();
    open.put(UserId.of("bob"), 3);
    String json = JACKSON2.writeValueAsString(open);
    assertThat(JACKSON2.readValue(json, new TypeReference<Map<UserId, Integer>>() {}))
        .isEqualTo(open);
  }

  @Test
  void blankIdsAreRejectedWithTheirMessage() {
    assertThatThrownBy(() -> JACKSON2.readValue("\" \"", UserId.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining("UserId.value");
    assertThatThrownBy(() -> JACKSON2.readValue("7", UserId.class))
        .isInstanceOf(JsonMappingException.class);
  }

  @Test
  void accessDecisionsExplainThemselves() throws Exception {
    User bob = data.organisation().users().get(1);
    AccessDecision d = policy.check(bob, Action.READ, data.records().get(0));
    String json = JACKSON2.writeValueAsString(d);
    assertThat(json).startsWith("{\"allowed\":true,\"user\":\"bob\",\"action\":\"read\","
        + "\"objectType\":\"customer\",\"record\":\"c1\",\"basis\":\"GRANT\"")
        .contains("\"reasons\":[", "\"explanation\":\"allowed: ");
    AccessDecision denied = policy.check(bob, Action.EXPORT, data.records().get(1));
    assertThat(JACKSON2.readTree(JACKSON2.writeValueAsString(denied)).get("allowed").asBoolean())
        .isFalse();
    declared(d, ValueLayout.ACCESS);
    declared(denied, ValueLayout.ACCESS);
  }

  @Test
  void lifecycleDecisionsRecordsAndStates() throws Exception {
    var machine = org.crmkit.core.lifecycle.CustomerLifecycle.machine();
    Decision d = machine.decide("potential", "show-interest");
    String json = JACKSON2.writeValueAsString(d);
    assertThat(json).startsWith("{\"accepted\":true,\"outcome\":\"ACCEPTED\",\"from\":\"potential\","
        + "\"event\":\"show-interest\",\"state\":\"intentional\"")
        .contains("\"target\":\"intentional\"", "\"effects\":[\"assign-sales-rep\"]");
    assertThat(JACKSON2.writeValueAsString(machine.decide("potential", "order-paid-twice")))
        .contains("\"accepted\":false", "\"outcome\":\"NO_TRANSITION\"");
    declared(d, ValueLayout.DECISION);
    declared(machine.decide("potential", "order-paid-twice"), ValueLayout.DECISION);
    SubjectState start = machine.start("c-1");
    TransitionRecord record = machine.fire(machine.apply(start, machine.fire(start,
        "show-interest", Context.empty(), Instant.parse("2026-11-23T09:00:00Z"), "bob")),
        "lose-interest", Context.empty(), Instant.parse("2026-11-24T09:00:00Z"), "bob");
    assertThat(JACKSON2.writeValueAsString(record)).isEqualTo("{\"subjectId\":\"c-1\",\"from\":"
        + "\"intentional\",\"to\":\"potential\",\"event\":\"lose-interest\",\"at\":"
        + "\"2026-11-24T09:00:00Z\",\"actor\":\"bob\",\"version\":2}");
    roundTrips(record, TransitionRecord.class);
    roundTrips(start, SubjectState.class);
    assertThatThrownBy(() -> JACKSON2.readValue("{\"subjectId\": \"c\", \"state\": \"s\"}",
        SubjectState.class)).hasMessageContaining("$.version: required integer is missing");
  }

  @Test
  void assignmentsAndTheirState() throws Exception {
    AssignmentTeamJson.Team team = AssignmentTeamJson.DOCUMENT.read(AssignmentJsonTest.TEAM);
    AssignmentRules rules = AssignmentRulesJson.read(AssignmentJsonTest.RULES, team);
    AssignmentResult result = rules.assign(Lead.builder().id("L-1")
        .territory(TerritoryId.of("de")).build(), AssignmentState.empty(),
        Instant.parse("2026-11-23T10:00:00Z"));
    String json = JACKSON2.writeValueAsString(result.assignment());
    assertThat(json).startsWith("{\"leadId\":\"L-1\",").contains("\"rule\":\"emea\"",
        "\"explanation\":");
    declared(result.assignment(), ValueLayout.ASSIGNMENT);
    roundTrips(result.nextState(), AssignmentState.class);
    assertThat(JACKSON2.writeValueAsString(result.nextState()))
        .startsWith("{\"format\":\"crmkit.assignment-state/1\"");
  }

  @Test
  void rfmScoresResultsAndModels() throws Exception {
    RfmModel model = RandomDocuments.rfmModel(new Random(5));
    roundTrips(model, RfmModel.class);
    RfmScore score = new RfmScore(CustomerId.of("c-1"), 12, 3, 45.5, 5, 4, 3);
    assertThat(JACKSON2.writeValueAsString(score)).isEqualTo("{\"customer\":\"c-1\","
        + "\"recencyDays\":12,\"frequency\":3,\"monetary\":45.5,\"r\":5,\"f\":4,\"m\":3,"
        + "\"code\":\"543\"}");
    roundTrips(score, RfmScore.class);
    RfmResult result = org.crmkit.segmentation.rfm.RfmScorer.defaults().score(
        List.of(org.crmkit.core.model.Transaction.of("a", java.time.LocalDate.of(2026, 1, 2), 5),
            org.crmkit.core.model.Transaction.of("b", java.time.LocalDate.of(2026, 1, 3), 7)),
        java.time.LocalDate.of(2026, 2, 1));
    String json = JACKSON2.writeValueAsString(result);
    assertThat(json).startsWith("{\"model\":{\"format\":\"crmkit.rfm-model/1\"")
        .contains("\"scores\":[{\"customer\":\"a\"");
    declared(result, ValueLayout.RESULT);
    declared(score, ValueLayout.SCORE);
  }

  @Test
  void clvPredictionsAndModels() throws Exception {
    ClvModel model = RandomDocuments.clvModel(new Random(9));
    roundTrips(model, ClvModel.class);
    ClvPredictions predictions = new ClvPredictions(52, 0.1, List.of(
        new CustomerPrediction(CustomerId.of("c-1"), 0.8, 2.5, 30.25, 61.7),
        new CustomerPrediction(CustomerId.of("c-2"), 0.1, 0.2, 0, 0)));
    roundTrips(predictions, ClvPredictions.class);
    roundTrips(predictions.customers().get(0), CustomerPrediction.class);
    assertThat(JACKSON2.writeValueAsString(predictions)).startsWith(
        "{\"horizon\":52,\"discount\":0.1,\"customers\":[{\"customer\":\"c-1\","
            + "\"probabilityAlive\":0.8,");
  }

  @Test
  void badModelsAreRejectedWithTheirJsonPaths() {
    assertThatThrownBy(() -> JACKSON2.readValue("{\"format\": \"crmkit.rfm-model/1\"}",
        RfmModel.class)).isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("$.asOf: required string is missing");
  }

  /** The value is written with exactly the fields its shape declares (required ones present). */
  static void declared(Object value, Shape shape) throws Exception {
    List<String> written = new java.util.ArrayList<>();
    JACKSON2.readTree(JACKSON2.writeValueAsString(value)).fieldNames()
        .forEachRemaining(written::add);
    assertThat(shape.names()).as(shape.name()).containsAll(written);
    assertThat(written).as(shape.name()).containsAll(shape.requiredNames());
  }

  static <T> void roundTrips(T value, Class<T> type) throws Exception {
    String json = JACKSON2.writeValueAsString(value);
    assertThat(JACKSON2.readValue(json, type)).isEqualTo(value);
  }
}

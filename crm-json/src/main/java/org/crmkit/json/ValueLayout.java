package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.Assignment;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Skip;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.Transition;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.crmkit.json.Shape.Field;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.Module;
import org.crmkit.permissions.ObjectType;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.jspecify.annotations.Nullable;

/**
 * The JSON layout of crmkit's values, shared by the Jackson 2 and Jackson 3 modules: ids are
 * plain strings; every other value is a Jackson-2 tree written (and, where it round-trips, read)
 * here, with its fields declared once as a {@link Shape}. Models and the assignment state use
 * their document layout (with {@code "format"}).
 */
final class ValueLayout {
  private ValueLayout() {}

  /** An id type written as its plain string. */
  record Id<T>(Class<T> type, Function<String, T> of, Function<T, String> text) {}

  /** A value type, its writer and (if it round-trips) its reader. */
  record Value<T>(Class<T> type, Function<T, JsonNode> write,
      @Nullable Function<JsonNode, T> read) {}

  static final List<Id<?>> IDS = List.of(
      new Id<>(CustomerId.class, CustomerId::of, CustomerId::value),
      new Id<>(UserId.class, UserId::of, UserId::value),
      new Id<>(OrgUnitId.class, OrgUnitId::of, OrgUnitId::value),
      new Id<>(TerritoryId.class, TerritoryId::of, TerritoryId::value),
      new Id<>(TeamId.class, TeamId::of, TeamId::value),
      new Id<>(RoleId.class, RoleId::of, RoleId::value),
      new Id<>(ProductLineId.class, ProductLineId::of, ProductLineId::value),
      new Id<>(ObjectType.class, ObjectType::of, ObjectType::name),
      new Id<>(Module.class, Module::of, Module::name));

  static final Shape ACCESS = new Shape("access decision");
  static final Field A_ALLOWED = ACCESS.required("allowed");
  static final Field A_USER = ACCESS.required("user");
  static final Field A_ACTION = ACCESS.required("action");
  static final Field A_TYPE = ACCESS.required("objectType");
  static final Field A_RECORD = ACCESS.required("record");
  static final Field A_BASIS = ACCESS.required("basis");
  static final Field A_RULE = ACCESS.optional("ruleId");
  static final Field A_REASONS = ACCESS.required("reasons");
  static final Field A_EXPLANATION = ACCESS.required("explanation");

  static final Shape DECISION = new Shape("decision");
  static final Field D_ACCEPTED = DECISION.required("accepted");
  static final Field D_OUTCOME = DECISION.required("outcome");
  static final Field D_FROM = DECISION.required("from");
  static final Field D_EVENT = DECISION.required("event");
  static final Field D_STATE = DECISION.required("state");
  static final Field D_EFFECTS = DECISION.optional("effects");
  static final Field D_INTERNAL = DECISION.optional("internal");
  static final Field D_TARGET = DECISION.optional("target");
  static final Field D_GUARD = DECISION.optional("failedGuard");
  static final Field D_REASON = DECISION.required("reason");
  static final Field D_EXPLANATION = DECISION.required("explanation");

  static final Shape RECORD = new Shape("transition record");
  static final Field R_SUBJECT = RECORD.required("subjectId");
  static final Field R_FROM = RECORD.required("from");
  static final Field R_TO = RECORD.required("to");
  static final Field R_EVENT = RECORD.required("event");
  static final Field R_AT = RECORD.required("at");
  static final Field R_ACTOR = RECORD.required("actor");
  static final Field R_VERSION = RECORD.required("version");

  static final Shape SUBJECT = new Shape("subject state");
  static final Field S_SUBJECT = SUBJECT.required("subjectId");
  static final Field S_STATE = SUBJECT.required("state");
  static final Field S_VERSION = SUBJECT.required("version");

  static final Shape ASSIGNMENT = new Shape("assignment");
  static final Field AS_LEAD = ASSIGNMENT.required("leadId");
  static final Field AS_USER = ASSIGNMENT.optional("user");
  static final Field AS_QUEUE = ASSIGNMENT.optional("queue");
  static final Field AS_RULE = ASSIGNMENT.required("rule");
  static final Field AS_STRATEGY = ASSIGNMENT.optional("strategy");
  static final Field AS_FELL_BACK = ASSIGNMENT.required("fellBack");
  static final Field AS_SKIPPED = ASSIGNMENT.optional("skipped");
  static final Field AS_EXPLANATION = ASSIGNMENT.required("explanation");
  static final Shape SKIP = new Shape("skip");
  static final Field SK_USER = SKIP.required("user");
  static final Field SK_REASON = SKIP.required("reason");
  static final Field SK_DETAIL = SKIP.required("detail");

  static final Shape SCORE = new Shape("RFM score");
  static final Field SC_CUSTOMER = SCORE.required("customer");
  static final Field SC_RECENCY = SCORE.required("recencyDays");
  static final Field SC_FREQUENCY = SCORE.required("frequency");
  static final Field SC_MONETARY = SCORE.required("monetary");
  static final Field SC_R = SCORE.required("r");
  static final Field SC_F = SCORE.required("f");
  static final Field SC_M = SCORE.required("m");
  static final Field SC_CODE = SCORE.optional("code");
  static final Shape RESULT = new Shape("RFM result");
  static final Field RS_MODEL = RESULT.required("model");
  static final Field RS_SCORES = RESULT.required("scores");

  static final Shape PREDICTION = new Shape("customer prediction");
  static final Field P_CUSTOMER = PREDICTION.required("customer");
  static final Field P_ALIVE = PREDICTION.required("probabilityAlive");
  static final Field P_PURCHASES = PREDICTION.required("expectedPurchases");
  static final Field P_SPEND = PREDICTION.required("expectedSpend");
  static final Field P_CLV = PREDICTION.required("clv");
  static final Shape PREDICTIONS = new Shape("CLV predictions");
  static final Field PS_HORIZON = PREDICTIONS.required("horizon");
  static final Field PS_DISCOUNT = PREDICTIONS.required("discount");
  static final Field PS_CUSTOMERS = PREDICTIONS.required("customers");

  static final List<Value<?>> VALUES = List.of(
      new Value<>(AccessDecision.class, ValueLayout::access, null),
      new Value<>(Decision.class, ValueLayout::decision, null),
      new Value<>(TransitionRecord.class, ValueLayout::record, n -> read(n, RECORD, in -> {
        String subject = in.text(R_SUBJECT);
        String from = in.text(R_FROM);
        String to = in.text(R_TO);
        String event = in.text(R_EVENT);
        java.time.Instant at = in.instant(R_AT);
        String actor = in.text(R_ACTOR);
        Long version = in.longInt(R_VERSION, 1);
        return () -> new TransitionRecord(nonNull(subject), nonNull(from), nonNull(to),
            nonNull(event), nonNull(at), nonNull(actor), nonNull(version));
      })),
      new Value<>(SubjectState.class, ValueLayout::subject, n -> read(n, SUBJECT, in -> {
        String subject = in.text(S_SUBJECT);
        String state = in.text(S_STATE);
        Long version = in.longInt(S_VERSION, 0);
        return () -> new SubjectState(nonNull(subject), nonNull(state), nonNull(version));
      })),
      new Value<>(Assignment.class, ValueLayout::assignment, null),
      new Value<>(AssignmentState.class, s -> AssignmentStateJson.tree(s).node,
          n -> AssignmentStateJson.read(Documents.open(n, AssignmentStateJson.WHAT,
              AssignmentStateJson.FORMAT, AssignmentStateJson.ROOT))),
      new Value<>(RfmScore.class, s -> score(new Out(JsonText.MAPPER.createObjectNode()), s).node,
          n -> read(n, SCORE, ValueLayout::score)),
      new Value<>(RfmResult.class, ValueLayout::result, null),
      new Value<>(RfmModel.class, m -> RfmModelJson.tree(m).node,
          n -> RfmModelJson.read(Documents.open(n, RfmModelJson.WHAT, RfmModelJson.FORMAT,
              RfmModelJson.ROOT))),
      new Value<>(CustomerPrediction.class,
          p -> prediction(new Out(JsonText.MAPPER.createObjectNode()), p).node,
          n -> read(n, PREDICTION, ValueLayout::prediction)),
      new Value<>(ClvPredictions.class, ValueLayout::predictions, n -> read(n, PREDICTIONS, in -> {
        Integer horizon = in.integer(PS_HORIZON, 0);
        Double discount = in.number(PS_DISCOUNT);
        List<Supplier<CustomerPrediction>> customers = new ArrayList<>();
        in.objects(PS_CUSTOMERS, PREDICTION).forEach(c -> customers.add(prediction(c)));
        return () -> new ClvPredictions(nonNull(horizon), nonNull(discount),
            customers.stream().map(Supplier::get).toList());
      })),
      new Value<>(ClvModel.class, m -> ClvModelJson.tree(m).node,
          n -> ClvModelJson.read(Documents.open(n, ClvModelJson.WHAT, ClvModelJson.FORMAT,
              ClvModelJson.ROOT))));

  private static Out out() {
    return new Out(JsonText.MAPPER.createObjectNode());
  }

  private static ObjectNode access(AccessDecision d) {
    return out().bool(A_ALLOWED, d.allowed()).put(A_USER, d.user())
        .put(A_ACTION, d.action().label())
        .put(A_TYPE, d.record().type().name()).put(A_RECORD, d.record().id())
        .put(A_BASIS, d.basis()).put(A_RULE, d.ruleId().orElse(null))
        .array(A_REASONS).strings(A_REASONS, d.reasons()).put(A_EXPLANATION, d.explain()).node;
  }

  private static ObjectNode decision(Decision d) {
    return out().bool(D_ACCEPTED, d.accepted()).put(D_OUTCOME, d.outcome()).put(D_FROM, d.from())
        .put(D_EVENT, d.event()).put(D_STATE, d.state()).strings(D_EFFECTS, d.effects())
        .flag(D_INTERNAL, d.internal())
        .put(D_TARGET, d.transition().filter(t -> !t.internal()).map(Transition::target)
            .orElse(null))
        .put(D_GUARD, d.failedGuard().orElse(null)).put(D_REASON, d.reason())
        .put(D_EXPLANATION, d.explain()).node;
  }

  private static ObjectNode record(TransitionRecord r) {
    return out().put(R_SUBJECT, r.subjectId()).put(R_FROM, r.from()).put(R_TO, r.to())
        .put(R_EVENT, r.event()).put(R_AT, r.at()).put(R_ACTOR, r.actor())
        .number(R_VERSION, r.version()).node;
  }

  private static ObjectNode subject(SubjectState s) {
    return out().put(S_SUBJECT, s.subjectId()).put(S_STATE, s.state())
        .number(S_VERSION, s.version()).node;
  }

  private static ObjectNode assignment(Assignment a) {
    Out o = out().put(AS_LEAD, a.leadId()).put(a.assignee().queue() ? AS_QUEUE : AS_USER,
        a.assignee().id()).put(AS_RULE, a.rule()).put(AS_STRATEGY, a.strategy().orElse(null))
        .bool(AS_FELL_BACK, a.fellBack());
    for (Skip s : a.skipped()) {
      o.element(AS_SKIPPED).put(SK_USER, s.user()).put(SK_REASON, s.reason())
          .put(SK_DETAIL, s.detail());
    }
    return o.put(AS_EXPLANATION, a.explain()).node;
  }

  private static Out score(Out o, RfmScore s) {
    return o.put(SC_CUSTOMER, s.customer()).number(SC_RECENCY, s.recencyDays())
        .number(SC_FREQUENCY, s.frequency()).number(SC_MONETARY, s.monetary())
        .number(SC_R, s.r()).number(SC_F, s.f()).number(SC_M, s.m()).put(SC_CODE, s.code());
  }

  private static Supplier<RfmScore> score(In in) {
    CustomerId customer = in.parsed(SC_CUSTOMER, "a customer id", CustomerId::of);
    Integer recency = in.integer(SC_RECENCY, 0);
    Integer frequency = in.integer(SC_FREQUENCY, 0);
    Double monetary = in.number(SC_MONETARY);
    Integer r = in.integer(SC_R, 1);
    Integer f = in.integer(SC_F, 1);
    Integer m = in.integer(SC_M, 1);
    return () -> new RfmScore(nonNull(customer), nonNull(recency), nonNull(frequency),
        nonNull(monetary), nonNull(r), nonNull(f), nonNull(m));
  }

  private static ObjectNode result(RfmResult r) {
    Out o = out();
    o.node.set(RS_MODEL.name(), RfmModelJson.tree(r.model()).node);
    o.array(RS_SCORES);
    r.scores().forEach(s -> score(o.element(RS_SCORES), s));
    return o.node;
  }

  private static Out prediction(Out o, CustomerPrediction p) {
    return o.put(P_CUSTOMER, p.customer()).number(P_ALIVE, p.probabilityAlive())
        .number(P_PURCHASES, p.expectedPurchases()).number(P_SPEND, p.expectedSpend())
        .number(P_CLV, p.clv());
  }

  private static Supplier<CustomerPrediction> prediction(In in) {
    CustomerId customer = in.parsed(P_CUSTOMER, "a customer id", CustomerId::of);
    Double alive = in.number(P_ALIVE);
    Double purchases = in.number(P_PURCHASES);
    Double spend = in.number(P_SPEND);
    Double clv = in.number(P_CLV);
    return () -> new CustomerPrediction(nonNull(customer), nonNull(alive), nonNull(purchases),
        nonNull(spend), nonNull(clv));
  }

  private static ObjectNode predictions(ClvPredictions p) {
    Out o = out().number(PS_HORIZON, p.horizon()).number(PS_DISCOUNT, p.discount())
        .array(PS_CUSTOMERS);
    p.customers().forEach(c -> prediction(o.element(PS_CUSTOMERS), c));
    return o.node;
  }

  /** A value read without a problem (problems are thrown before values are used). */
  private static <T> T nonNull(@Nullable T value) {
    return Objects.requireNonNull(value, "a value read with a problem");
  }

  /**
   * Reads {@code node} as an object of {@code shape}: {@code fields} reads every field (recording
   * problems) and returns the constructor call, made only when no problem was found; a domain
   * check becomes a problem too.
   *
   * @throws InvalidDefinitionException listing every problem with its path
   */
  private static <T> T read(JsonNode node, Shape shape, Function<In, Supplier<T>> fields) {
    Problems problems = new Problems(shape.name());
    In in = In.object(problems, node, Documents.ROOT, shape);
    problems.throwIfAny();
    Supplier<T> build = fields.apply(Objects.requireNonNull(in));
    problems.throwIfAny();
    T value = problems.attempt(Documents.ROOT, build);
    problems.throwIfAny();
    return nonNull(value);
  }
}

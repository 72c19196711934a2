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

  static final Shape ACCESS = new Shape("access decision", "allowed", "user", "action",
      "objectType", "record", "basis", "ruleId?", "reasons", "explanation");
  static final Shape DECISION = new Shape("decision", "accepted", "outcome", "from", "event",
      "state", "effects?", "internal?", "target?", "failedGuard?", "reason", "explanation");
  static final Shape RECORD = new Shape("transition record", "subjectId", "from", "to", "event",
      "at", "actor", "version");
  static final Shape SUBJECT = new Shape("subject state", "subjectId", "state", "version");
  static final Shape ASSIGNMENT = new Shape("assignment", "leadId", "user?", "queue?", "rule",
      "strategy?", "fellBack", "skipped?", "explanation");
  static final Shape SKIP = new Shape("skip", "user", "reason", "detail");
  static final Shape SCORE = new Shape("RFM score", "customer", "recencyDays", "frequency",
      "monetary", "r", "f", "m", "code?");
  static final Shape RESULT = new Shape("RFM result", "model", "scores");
  static final Shape PREDICTION = new Shape("customer prediction", "customer", "probabilityAlive",
      "expectedPurchases", "expectedSpend", "clv");
  static final Shape PREDICTIONS = new Shape("CLV predictions", "horizon", "discount", "customers");

  static final List<Value<?>> VALUES = List.of(
      new Value<>(AccessDecision.class, ValueLayout::access, null),
      new Value<>(Decision.class, ValueLayout::decision, null),
      new Value<>(TransitionRecord.class, ValueLayout::record, n -> read(n, RECORD, in -> {
        String subject = in.text("subjectId");
        String from = in.text("from");
        String to = in.text("to");
        String event = in.text("event");
        java.time.Instant at = in.instant("at");
        String actor = in.text("actor");
        Long version = in.longInt("version", 1);
        return () -> new TransitionRecord(nonNull(subject), nonNull(from), nonNull(to),
            nonNull(event), nonNull(at), nonNull(actor), nonNull(version));
      })),
      new Value<>(SubjectState.class, ValueLayout::subject, n -> read(n, SUBJECT, in -> {
        String subject = in.text("subjectId");
        String state = in.text("state");
        Long version = in.longInt("version", 0);
        return () -> new SubjectState(nonNull(subject), nonNull(state), nonNull(version));
      })),
      new Value<>(Assignment.class, ValueLayout::assignment, null),
      document(AssignmentState.class, AssignmentStateJson.DOCUMENT),
      new Value<>(RfmScore.class, s -> score(out(), s).node,
          n -> read(n, SCORE, ValueLayout::score)),
      new Value<>(RfmResult.class, ValueLayout::result, null),
      document(RfmModel.class, RfmModelJson.DOCUMENT),
      new Value<>(CustomerPrediction.class, p -> prediction(out(), p).node,
          n -> read(n, PREDICTION, ValueLayout::prediction)),
      new Value<>(ClvPredictions.class, ValueLayout::predictions, n -> read(n, PREDICTIONS, in -> {
        Integer horizon = in.integer("horizon", 0);
        Double discount = in.number("discount");
        List<Supplier<CustomerPrediction>> customers = new ArrayList<>();
        in.objects("customers", PREDICTION).forEach(c -> customers.add(prediction(c)));
        return () -> new ClvPredictions(nonNull(horizon), nonNull(discount),
            customers.stream().map(Supplier::get).toList());
      })),
      document(ClvModel.class, ClvModelJson.DOCUMENT));

  /** A value written and read in its document layout (with {@code "format"}). */
  private static <T> Value<T> document(Class<T> type, JsonDocument<T> document) {
    return new Value<>(type, document::tree, document::read);
  }

  private static Out out() {
    return new Out(JsonText.MAPPER.createObjectNode());
  }

  private static ObjectNode access(AccessDecision d) {
    return out().put("allowed", d.allowed()).put("user", d.user())
        .put("action", d.action().label())
        .put("objectType", d.record().type().name()).put("record", d.record().id())
        .put("basis", d.basis()).put("ruleId", d.ruleId().orElse(null))
        .array("reasons").strings("reasons", d.reasons()).put("explanation", d.explain()).node;
  }

  private static ObjectNode decision(Decision d) {
    return out().put("accepted", d.accepted()).put("outcome", d.outcome()).put("from", d.from())
        .put("event", d.event()).put("state", d.state()).strings("effects", d.effects())
        .flag("internal", d.internal())
        .put("target", d.transition().filter(t -> !t.internal()).map(Transition::target)
            .orElse(null))
        .put("failedGuard", d.failedGuard().orElse(null)).put("reason", d.reason())
        .put("explanation", d.explain()).node;
  }

  private static ObjectNode record(TransitionRecord r) {
    return out().put("subjectId", r.subjectId()).put("from", r.from()).put("to", r.to())
        .put("event", r.event()).put("at", r.at()).put("actor", r.actor())
        .put("version", r.version()).node;
  }

  private static ObjectNode subject(SubjectState s) {
    return out().put("subjectId", s.subjectId()).put("state", s.state())
        .put("version", s.version()).node;
  }

  private static ObjectNode assignment(Assignment a) {
    Out o = out().put("leadId", a.leadId()).put(a.assignee().queue() ? "queue" : "user",
        a.assignee().id()).put("rule", a.rule()).put("strategy", a.strategy().orElse(null))
        .put("fellBack", a.fellBack());
    for (Skip s : a.skipped()) {
      o.element("skipped").put("user", s.user()).put("reason", s.reason())
          .put("detail", s.detail());
    }
    return o.put("explanation", a.explain()).node;
  }

  private static Out score(Out o, RfmScore s) {
    return o.put("customer", s.customer()).put("recencyDays", s.recencyDays())
        .put("frequency", s.frequency()).put("monetary", s.monetary())
        .put("r", s.r()).put("f", s.f()).put("m", s.m()).put("code", s.code());
  }

  private static Supplier<RfmScore> score(In in) {
    CustomerId customer = in.parsed("customer", "a customer id", CustomerId::of);
    Integer recency = in.integer("recencyDays", 0);
    Integer frequency = in.integer("frequency", 0);
    Double monetary = in.number("monetary");
    Integer r = in.integer("r", 1);
    Integer f = in.integer("f", 1);
    Integer m = in.integer("m", 1);
    return () -> new RfmScore(nonNull(customer), nonNull(recency), nonNull(frequency),
        nonNull(monetary), nonNull(r), nonNull(f), nonNull(m));
  }

  private static ObjectNode result(RfmResult r) {
    Out o = out();
    o.node.set("model", RfmModelJson.DOCUMENT.tree(r.model()));
    o.array("scores");
    r.scores().forEach(s -> score(o.element("scores"), s));
    return o.node;
  }

  private static Out prediction(Out o, CustomerPrediction p) {
    return o.put("customer", p.customer()).put("probabilityAlive", p.probabilityAlive())
        .put("expectedPurchases", p.expectedPurchases())
        .put("expectedSpend", p.expectedSpend()).put("clv", p.clv());
  }

  private static Supplier<CustomerPrediction> prediction(In in) {
    CustomerId customer = in.parsed("customer", "a customer id", CustomerId::of);
    Double alive = in.number("probabilityAlive");
    Double purchases = in.number("expectedPurchases");
    Double spend = in.number("expectedSpend");
    Double clv = in.number("clv");
    return () -> new CustomerPrediction(nonNull(customer), nonNull(alive), nonNull(purchases),
        nonNull(spend), nonNull(clv));
  }

  private static ObjectNode predictions(ClvPredictions p) {
    Out o = out().put("horizon", p.horizon()).put("discount", p.discount())
        .array("customers");
    p.customers().forEach(c -> prediction(o.element("customers"), c));
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
    In in = In.object(problems, node, In.ROOT, shape);
    problems.throwIfAny();
    Supplier<T> build = fields.apply(Objects.requireNonNull(in));
    problems.throwIfAny();
    T value = problems.attempt(In.ROOT, build);
    problems.throwIfAny();
    return nonNull(value);
  }
}

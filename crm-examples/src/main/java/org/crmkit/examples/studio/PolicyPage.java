package org.crmkit.examples.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessChange;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.crmkit.json.PolicyJson;

/**
 * The policy playground's model: decisions with their full explanation, who-can, the user ×
 * record matrix, and live validation of an edited policy with a what-if diff against the loaded
 * one. Immutable; thread-safe.
 */
final class PolicyPage {
  /** The heat map's size limit on each axis, so every label stays readable. */
  static final int MATRIX_MAX = 30;
  /** How many access changes the what-if diff lists (all are counted). */
  static final int DIFF_MAX = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Workspace ws;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, AccessRecord> records = new LinkedHashMap<>();

  PolicyPage(Workspace ws) {
    this.ws = ws;
    ws.organisation.users().forEach(u -> users.put(u.id().value(), u));
    ws.records.forEach(r -> records.putIfAbsent(r.id(), r));
  }

  Map<String, Object> overview() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", ws.policySource);
    m.put("policy", ws.policyJson);
    List<Map<String, Object>> us = new ArrayList<>();
    for (User u : users.values()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", u.id().value());
      x.put("label", ws.userLabel(u.id().value()));
      x.put("roles", u.roles().stream().map(r -> r.value()).sorted().toList());
      x.put("orgUnit", u.orgUnit().value());
      us.add(x);
    }
    m.put("users", us);
    List<Map<String, Object>> rs = new ArrayList<>();
    for (AccessRecord r : records.values()) {
      rs.add(recordJson(r));
    }
    m.put("records", rs);
    m.put("actions", actions());
    m.put("example", examples());
    return m;
  }

  /** Two known cases for the page's first view: one allowed, one denied. */
  private Map<String, String> examples() {
    Map<String, String> m = new LinkedHashMap<>();
    for (AccessRecord r : records.values()) {
      String owner = r.owner().value();
      if (users.containsKey(owner)) {
        m.put("allowUser", owner);
        m.put("allowAction", Action.READ.label());
        m.put("record", r.id());
        for (User u : users.values()) {
          if (!ws.policy.isAllowed(u, Action.READ, r)) {
            m.put("denyUser", u.id().value());
            break;
          }
        }
        break;
      }
    }
    return m;
  }

  Map<String, Object> check(JsonNode body) {
    User user = user(Api.text(body, "user"));
    Action action = action(Api.text(body, "action"));
    AccessRecord record = body.hasNonNull("recordJson") && !body.get("recordJson").asText().isBlank()
        ? pastedRecord(body.get("recordJson").asText()) : record(Api.text(body, "record"));
    AccessDecision d = ws.policy.check(user, action, record);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision", d.allowed() ? "ALLOW" : "DENY");
    m.put("allowed", d.allowed());
    m.put("basis", d.basis().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    m.put("rule", d.ruleId().orElse(null));
    m.put("reasons", d.reasons());
    m.put("explanation", d.explain());
    m.put("user", ws.userLabel(user.id().value()));
    m.put("action", action.label());
    m.put("record", ws.recordLabel(record.id()));
    return m;
  }

  Map<String, Object> whoCan(JsonNode body) {
    AccessRecord record = record(Api.text(body, "record"));
    List<Map<String, Object>> byAction = new ArrayList<>();
    for (Action a : Action.values()) {
      List<Map<String, String>> who = new ArrayList<>();
      for (UserId id : ws.policy.whoCan(a, record)) {
        who.add(Map.of("id", id.value(), "label", ws.userLabel(id.value())));
      }
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("action", a.label());
      x.put("users", who);
      byAction.add(x);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("record", recordJson(record));
    m.put("actions", byAction);
    return m;
  }

  /**
   * The heat map: for a sample of users (a few of every role, and the records' owners) and
   * records, the number of actions allowed, with the allowed actions named for the tooltip.
   */
  Map<String, Object> matrix() {
    List<AccessRecord> rs = new ArrayList<>();
    List<AccessRecord> all = new ArrayList<>(records.values());
    int step = Math.max(1, all.size() / MATRIX_MAX);
    for (int i = 0; i < all.size() && rs.size() < MATRIX_MAX; i += step) {
      rs.add(all.get(i));
    }
    Set<User> us = new LinkedHashSet<>();
    Map<String, Integer> perRole = new LinkedHashMap<>();
    for (User u : users.values()) {
      String role = u.roles().stream().map(r -> r.value()).sorted().findFirst().orElse("");
      if (perRole.merge(role, 1, Integer::sum) <= 2) {
        us.add(u);
      }
    }
    for (AccessRecord r : rs) {
      User owner = users.get(r.owner().value());
      if (owner != null && us.size() < MATRIX_MAX) {
        us.add(owner);
      }
    }
    List<User> ul = new ArrayList<>(us).subList(0, Math.min(MATRIX_MAX, us.size()));
    List<Object[]> cells = new ArrayList<>();
    for (int y = 0; y < ul.size(); y++) {
      for (int x = 0; x < rs.size(); x++) {
        List<String> allowed = new ArrayList<>();
        for (Action a : Action.values()) {
          if (ws.policy.isAllowed(ul.get(y), a, rs.get(x))) {
            allowed.add(a.label());
          }
        }
        cells.add(new Object[] {x, y, allowed.size(), String.join(", ", allowed)});
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("records", rs.stream().map(r -> ws.recordLabel(r.id())).toList());
    m.put("users", ul.stream().map(u -> ws.userLabel(u.id().value())).toList());
    m.put("cells", cells);
    m.put("actions", Action.values().length);
    return m;
  }

  /**
   * Validates an edited policy: every problem with its JSON path — what the policy's JSON Schema
   * (from crm-json) says and what the reader says, each marked with its source — or, when it is
   * valid, who gains or loses which access compared with the loaded policy (over every user and
   * record).
   */
  Map<String, Object> validate(JsonNode body) {
    String text = Api.text(body, "policy");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", PolicySchema.present());
    List<Map<String, String>> problems = new ArrayList<>(PolicySchema.problems(text));
    AccessPolicy edited = null;
    try {
      edited = PolicyJson.read(text, ws.organisation);
    } catch (InvalidDefinitionException e) {
      for (Problem p : e.problems()) {
        problems.add(Map.of("path", p.path(), "message", p.message(), "source", "reader"));
      }
    } catch (CrmException e) {
      problems.add(Map.of("path", "$", "message", String.valueOf(e.getMessage()), "source", "reader"));
    }
    if (edited == null || !problems.isEmpty()) {
      m.put("valid", false);
      m.put("problems", problems);
      return m;
    }
    List<AccessChange> changes = AccessPolicy.diff(ws.policy, edited, users.values(), records.values());
    List<Map<String, Object>> listed = new ArrayList<>();
    int gained = 0;
    for (AccessChange c : changes) {
      gained += c.gained() ? 1 : 0;
      if (listed.size() < DIFF_MAX) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("change", c.gained() ? "gains" : "loses");
        x.put("user", ws.userLabel(c.user().value()));
        x.put("action", c.action().label());
        x.put("record", ws.recordLabel(c.recordId()));
        x.put("type", c.type().name());
        listed.add(x);
      }
    }
    m.put("valid", true);
    m.put("problems", List.of());
    m.put("changes", listed);
    m.put("gained", gained);
    m.put("lost", changes.size() - gained);
    m.put("users", users.size());
    m.put("records", records.size());
    return m;
  }

  private Map<String, Object> recordJson(AccessRecord r) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("id", r.id());
    x.put("label", ws.recordLabel(r.id()));
    x.put("type", r.type().name());
    x.put("owner", ws.userLabel(r.owner().value()));
    x.put("orgUnit", r.orgUnit().value());
    x.put("territory", r.territory().map(TerritoryId::value).orElse(null));
    x.put("attributes", r.attributes());
    return x;
  }

  private static List<String> actions() {
    List<String> out = new ArrayList<>();
    for (Action a : Action.values()) {
      out.add(a.label());
    }
    return out;
  }

  private User user(String id) {
    User u = users.get(id);
    if (u == null) {
      throw new Api.BadRequest("unknown user '" + id + "'");
    }
    return u;
  }

  private AccessRecord record(String id) {
    AccessRecord r = records.get(id);
    if (r == null) {
      throw new Api.BadRequest("unknown record '" + id + "'");
    }
    return r;
  }

  private static Action action(String label) {
    try {
      return Action.parse(label);
    } catch (CrmException e) {
      throw new Api.BadRequest(e.getMessage());
    }
  }

  /**
   * A record pasted as JSON, in the shape of a record of {@code crmkit.access-data/1}: {@code
   * {"id": "c9", "type": "customer", "owner": "u-rep-001", "orgUnit": "...", "territory": "...",
   * "team": "...", "members": [...], "attributes": {...}}}.
   */
  static AccessRecord pastedRecord(String text) {
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (IOException e) {
      throw new Api.BadRequest("$: the record is not valid JSON: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new Api.BadRequest("$: expected a JSON object such as {\"id\": \"c9\", \"type\":"
          + " \"customer\", \"owner\": \"u-rep-001\", \"orgUnit\": \"sales\"}");
    }
    List<String> problems = new ArrayList<>();
    Set<String> known = Set.of("id", "type", "owner", "orgUnit", "territory", "team", "members",
        "attributes");
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problems.add("$." + f + ": unknown field; expected one of " + new java.util.TreeSet<>(known));
      }
    }
    for (String f : List.of("id", "type", "owner", "orgUnit")) {
      if (!n.hasNonNull(f) || !n.get(f).isTextual() || n.get(f).asText().isBlank()) {
        problems.add("$." + f + ": required, expected a non-blank string, but found "
            + (n.get(f) == null ? "nothing" : n.get(f).toString()));
      }
    }
    if (!problems.isEmpty()) {
      throw new Api.BadRequest(String.join("; ", problems));
    }
    AccessRecord.Builder b = AccessRecord.builder().id(n.get("id").asText())
        .type(new ObjectType(n.get("type").asText()))
        .owner(UserId.of(n.get("owner").asText()))
        .orgUnit(OrgUnitId.of(n.get("orgUnit").asText()));
    if (n.hasNonNull("territory")) {
      b.territory(TerritoryId.of(n.get("territory").asText()));
    }
    if (n.hasNonNull("team")) {
      b.team(TeamId.of(n.get("team").asText()));
    }
    if (n.has("members")) {
      n.get("members").forEach(x -> b.addMembers(UserId.of(x.asText())));
    }
    if (n.has("attributes")) {
      n.get("attributes").fields().forEachRemaining(e -> b.putAttributes(e.getKey(), e.getValue().asText()));
    }
    return b.build();
  }
}

package org.crmkit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.assignment.AssignmentEntry;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.Condition;
import org.crmkit.core.assignment.Distribution;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the versioned assignment-rules document ({@code "format":
 * "crmkit.assignment-rules/1"}). Stateless and thread-safe.
 *
 * <pre>{@code
 * {"format": "crmkit.assignment-rules/1",
 *  "territories": [{"id": "global"}, {"id": "emea", "parent": "global"}],
 *  "productLines": [{"id": "electronics"}, {"id": "phones", "parent": "electronics"}],
 *  "entries": [
 *    {"name": "emea-key",
 *     "condition": {"territories": ["emea"], "sizeBands": ["ENTERPRISE"], "minScore": 50},
 *     "target": {"user": "alice"}},
 *    {"name": "emea",
 *     "condition": {"territories": ["emea"]},
 *     "target": {"strategy": "WEIGHTED_ROUND_ROBIN", "team": "emea",
 *                "requiredSkills": ["german"], "requireTerritoryCoverage": true}},
 *    {"name": "web", "condition": {"sources": ["web"]}, "target": {"queue": "inside-sales"}}],
 *  "defaultOwner": {"queue": "inside-sales"}}
 * }</pre>
 *
 * <p>Condition fields: {@code territories}, {@code productLines}, {@code industries}, {@code
 * sizeBands}, {@code sources}, {@code valueTiers} (arrays of strings), {@code minScore}, {@code
 * maxScore} (numbers, inclusive). A target has exactly one of {@code user}, {@code queue} or
 * {@code strategy} (with {@code team} or {@code users}). Users and teams come from the team (see
 * {@link AssignmentTeamJson}); a team is known if some user belongs to it.
 */
public final class AssignmentRulesJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.assignment-rules/1";

  private static final List<String> ROOT =
      List.of("format", "territories", "productLines", "entries", "defaultOwner");
  private static final List<String> NODE = List.of("id", "parent");
  private static final List<String> ENTRY = List.of("name", "condition", "target");
  private static final List<String> CONDITION = List.of("territories", "productLines",
      "industries", "sizeBands", "sources", "valueTiers", "minScore", "maxScore");
  private static final List<String> DISTRIBUTION =
      List.of("strategy", "team", "users", "requiredSkills", "requireTerritoryCoverage");

  private AssignmentRulesJson() {}

  /**
   * Reads a rules document and builds the rules over {@code team}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: syntax, format,
   *     unknown fields, wrong types, bad hierarchies, and every problem of {@link
   *     AssignmentRules.Builder#build()} (unknown users, teams, territories; unreachable entries)
   */
  public static AssignmentRules read(String json, AssignmentTeamJson.Team team) {
    JsonNode root = JsonReading.parse(json, "assignment rules document");
    JsonReading r = new JsonReading();
    AssignmentRules.Builder b = AssignmentRules.builder().users(team.users())
        .profiles(team.profiles());
    if (r.checkFormat(root, FORMAT)) {
      r.unknownFields(root, "$", ROOT);
      Hierarchy<TerritoryId> territories = hierarchy(r, root, "territories", TerritoryId::of);
      Hierarchy<ProductLineId> lines = hierarchy(r, root, "productLines", ProductLineId::of);
      if (territories != null) {
        b.territories(territories);
      }
      if (lines != null) {
        b.productLines(lines);
      }
      List<JsonNode> entries = r.array(root, "entries", "$", true);
      for (int i = 0; i < entries.size(); i++) {
        String path = "$.entries[" + i + "]";
        JsonNode e = entries.get(i);
        if (!r.requireObject(e, path)) {
          continue;
        }
        r.unknownFields(e, path, ENTRY);
        String name = r.text(e, "name", path);
        Condition c = Condition.any();
        if (e.has("condition")) {
          c = condition(r, e.get("condition"), path + ".condition");
        }
        Target t = target(r, e.get("target"), path + ".target");
        if (name != null && c != null && t != null) {
          b.entry(new AssignmentEntry(name, c, t));
        }
      }
      JsonNode owner = root.get("defaultOwner");
      if (owner == null) {
        r.problem("$.defaultOwner", "required object is missing");
      } else {
        Target t = target(r, owner, "$.defaultOwner");
        if (t != null) {
          b.defaultOwner(t);
        }
      }
    }
    r.throwIfAny("assignment rules document");
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      List<Problem> prefixed = new ArrayList<>();
      for (Problem p : e.problems()) {
        boolean ours = p.path().startsWith("entries") || p.path().startsWith("defaultOwner");
        prefixed.add(new Problem(ours ? "$." + p.path() : "team." + p.path(), p.message()));
      }
      throw new InvalidDefinitionException("assignment rules document", prefixed);
    }
  }

  private static <K> @Nullable Hierarchy<K> hierarchy(JsonReading r, JsonNode root, String field,
      Function<String, K> id) {
    if (!root.has(field)) {
      return null;
    }
    List<JsonNode> nodes = r.array(root, field, "$", false);
    Hierarchy.Builder<K> h = Hierarchy.builder();
    int before = r.problems().size();
    for (int i = 0; i < nodes.size(); i++) {
      String path = "$." + field + "[" + i + "]";
      JsonNode n = nodes.get(i);
      if (!r.requireObject(n, path)) {
        continue;
      }
      r.unknownFields(n, path, NODE);
      String key = r.text(n, "id", path);
      var parent = r.optionalText(n, "parent", path);
      if (key != null) {
        h.node(id.apply(key), parent.map(id).orElse(null), null);
      }
    }
    if (r.problems().size() > before) {
      return null;
    }
    try {
      return h.build();
    } catch (InvalidDefinitionException e) {
      for (Problem p : e.problems()) {
        r.problem("$." + field, "%s: %s", p.path(), p.message());
      }
      return null;
    }
  }

  private static @Nullable Condition condition(JsonReading r, JsonNode c, String path) {
    if (!r.requireObject(c, path)) {
      return null;
    }
    r.unknownFields(c, path, CONDITION);
    int before = r.problems().size();
    Condition.Builder b = Condition.builder();
    AssignmentTeamJson.strings(r, c, "territories", path)
        .forEach(s -> b.addTerritories(TerritoryId.of(s)));
    AssignmentTeamJson.strings(r, c, "productLines", path)
        .forEach(s -> b.addProductLines(ProductLineId.of(s)));
    b.addAllIndustries(AssignmentTeamJson.strings(r, c, "industries", path));
    b.addAllSources(AssignmentTeamJson.strings(r, c, "sources", path));
    b.addAllValueTiers(AssignmentTeamJson.strings(r, c, "valueTiers", path));
    List<String> bands = AssignmentTeamJson.strings(r, c, "sizeBands", path);
    for (int i = 0; i < bands.size(); i++) {
      try {
        b.addSizeBands(SizeBand.valueOf(bands.get(i).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        r.problem(path + ".sizeBands[" + i + "]", "unknown size band '%s'; expected one of %s",
            bands.get(i), List.of(SizeBand.values()));
      }
    }
    if (c.has("minScore")) {
      Double v = r.number(c, "minScore", path);
      if (v != null) {
        b.minScore(v);
      }
    }
    if (c.has("maxScore")) {
      Double v = r.number(c, "maxScore", path);
      if (v != null) {
        b.maxScore(v);
      }
    }
    return r.problems().size() > before ? null : b.build();
  }

  private static @Nullable Target target(JsonReading r, @Nullable JsonNode t, String path) {
    if (t == null || t.isNull()) {
      r.problem(path, "required object is missing");
      return null;
    }
    if (!r.requireObject(t, path)) {
      return null;
    }
    int kinds = (t.has("user") ? 1 : 0) + (t.has("queue") ? 1 : 0) + (t.has("strategy") ? 1 : 0);
    if (kinds != 1) {
      r.problem(path, "expected exactly one of 'user', 'queue' or 'strategy', but found %d",
          kinds);
      return null;
    }
    if (t.has("user")) {
      r.unknownFields(t, path, List.of("user"));
      String u = r.text(t, "user", path);
      return u == null ? null : Target.user(UserId.of(u));
    }
    if (t.has("queue")) {
      r.unknownFields(t, path, List.of("queue"));
      String q = r.text(t, "queue", path);
      return q == null ? null : Target.queue(TeamId.of(q));
    }
    r.unknownFields(t, path, DISTRIBUTION);
    int before = r.problems().size();
    String s = r.text(t, "strategy", path);
    Strategy strategy = null;
    if (s != null) {
      try {
        strategy = Strategy.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        r.problem(path + ".strategy", "unknown strategy '%s'; expected one of %s", s,
            List.of(Strategy.values()));
      }
    }
    Distribution.Builder d = Distribution.builder();
    r.optionalText(t, "team", path).ifPresent(team -> d.team(TeamId.of(team)));
    AssignmentTeamJson.strings(r, t, "users", path).forEach(u -> d.addUsers(UserId.of(u)));
    d.addAllRequiredSkills(AssignmentTeamJson.strings(r, t, "requiredSkills", path));
    d.requireTerritoryCoverage(r.bool(t, "requireTerritoryCoverage", path, false));
    if (r.problems().size() > before || strategy == null) {
      return null;
    }
    return Target.distribute(d.strategy(strategy).build());
  }

  /**
   * Writes rules as a document that {@link #read} turns back into equal entries, hierarchies and
   * default owner (users and profiles belong to the team document and are not written).
   *
   * @throws CrmException if serialisation fails (it does not for valid rules)
   */
  public static String write(AssignmentRules rules) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    writeHierarchy(root.putArray("territories"), rules.territories());
    writeHierarchy(root.putArray("productLines"), rules.productLines());
    ArrayNode entries = root.putArray("entries");
    for (AssignmentEntry e : rules.entries()) {
      ObjectNode n = entries.addObject();
      n.put("name", e.name());
      ObjectNode c = n.putObject("condition");
      Condition cond = e.condition();
      strings(c, "territories", cond.territories());
      strings(c, "productLines", cond.productLines());
      strings(c, "industries", cond.industries());
      strings(c, "sizeBands", cond.sizeBands());
      strings(c, "sources", cond.sources());
      strings(c, "valueTiers", cond.valueTiers());
      cond.minScore().ifPresent(v -> c.put("minScore", v));
      cond.maxScore().ifPresent(v -> c.put("maxScore", v));
      writeTarget(n.putObject("target"), e.target());
    }
    writeTarget(root.putObject("defaultOwner"), rules.defaultOwner());
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write assignment rules: " + e.getMessage(), e);
    }
  }

  private static <K> void writeHierarchy(ArrayNode out, Hierarchy<K> h) {
    for (int i = 0; i < h.size(); i++) {
      ObjectNode n = out.addObject();
      n.put("id", h.nodeAt(i).toString());
      int p = h.parentIndex(i);
      if (p >= 0) {
        n.put("parent", h.nodeAt(p).toString());
      }
    }
  }

  private static void strings(ObjectNode n, String field, Collection<?> values) {
    if (!values.isEmpty()) {
      ArrayNode a = n.putArray(field);
      values.forEach(v -> a.add(v.toString()));
    }
  }

  private static void writeTarget(ObjectNode n, Target t) {
    switch (t.kind()) {
      case USER:
        n.put("user", t.user().orElseThrow().value());
        break;
      case QUEUE:
        n.put("queue", t.queue().orElseThrow().value());
        break;
      default:
        Distribution d = t.distribution().orElseThrow();
        n.put("strategy", d.strategy().name());
        d.team().ifPresent(team -> n.put("team", team.value()));
        strings(n, "users", d.users());
        strings(n, "requiredSkills", d.requiredSkills());
        if (d.requireTerritoryCoverage()) {
          n.put("requireTerritoryCoverage", true);
        }
    }
  }
}

package org.crmkit.permissions.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;

/**
 * Reads access-data documents ({@code "format": "crmkit.access-data/1"}): org units,
 * territories, users and records. Stateless and thread-safe.
 */
public final class AccessDataJson {
  /** The format this reader understands. */
  public static final String FORMAT = "crmkit.access-data/1";

  private AccessDataJson() {}

  /**
   * Reads an access-data document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: malformed JSON,
   *     a wrong format, unknown fields, wrong types, duplicate ids, unknown parents, cycles,
   *     users or records naming unknown org units, territories, managers or owners
   */
  public static AccessData read(String json) {
    JsonNode root = JsonReading.parse(Checks.present("json", json), "access data document");
    JsonReading r = new JsonReading();
    if (!r.checkFormat(root, FORMAT)) {
      r.throwIfAny("access data document");
    }
    r.unknownFields(root, "$", List.of("format", "orgUnits", "territories", "users", "records"));
    Hierarchy<OrgUnitId> units = tree(r, root, "orgUnits", OrgUnitId::of);
    Hierarchy<TerritoryId> territories = tree(r, root, "territories", TerritoryId::of);
    List<User> users = new ArrayList<>();
    Set<String> userIds = new HashSet<>();
    List<JsonNode> us = r.array(root, "users", "$", true);
    for (int i = 0; i < us.size(); i++) {
      JsonNode n = us.get(i);
      String at = "$.users[" + i + "]";
      if (!r.requireObject(n, at)) {
        continue;
      }
      r.unknownFields(n, at, List.of("id", "name", "orgUnit", "manager", "roles", "territories",
          "teams", "active"));
      String id = r.text(n, "id", at);
      String unit = r.text(n, "orgUnit", at);
      String manager = r.optionalText(n, "manager", at).orElse(null);
      String name = r.optionalText(n, "name", at).orElse(id);
      List<String> roles = Json.strings(r, n, "roles", at, false);
      List<String> ts = Json.strings(r, n, "territories", at, false);
      List<String> teams = Json.strings(r, n, "teams", at, false);
      boolean active = r.bool(n, "active", at, true);
      if (id != null && !userIds.add(id)) {
        r.problem(at + ".id", "duplicate user id '%s'", id);
      }
      if (unit != null && !units.contains(OrgUnitId.of(unit))) {
        r.problem(at + ".orgUnit", "unknown org unit '%s'", unit);
      }
      for (int k = 0; k < ts.size(); k++) {
        if (!territories.contains(TerritoryId.of(ts.get(k)))) {
          r.problem(at + ".territories[" + k + "]", "unknown territory '%s'", ts.get(k));
        }
      }
      if (id != null && manager != null && manager.equals(id)) {
        r.problem(at + ".manager", "a user cannot be their own manager ('%s')", id);
        continue;
      }
      if (id == null || unit == null || name == null) {
        continue;
      }
      User.Builder ub = User.builder().id(UserId.of(id)).name(name).orgUnit(OrgUnitId.of(unit))
          .active(active);
      if (manager != null) {
        ub.manager(UserId.of(manager));
      }
      roles.forEach(x -> ub.addRoles(RoleId.of(x)));
      ts.forEach(x -> ub.addTerritories(TerritoryId.of(x)));
      teams.forEach(x -> ub.addTeams(TeamId.of(x)));
      users.add(ub.build());
    }
    for (int i = 0; i < us.size(); i++) {
      JsonNode n = us.get(i);
      if (n.isObject() && n.get("manager") != null && n.get("manager").isTextual()
          && !userIds.contains(n.get("manager").asText())) {
        r.problem("$.users[" + i + "].manager", "unknown manager '%s'", n.get("manager").asText());
      }
    }
    List<AccessRecord> records = new ArrayList<>();
    Set<String> recordKeys = new HashSet<>();
    List<JsonNode> rs = r.array(root, "records", "$", true);
    for (int i = 0; i < rs.size(); i++) {
      JsonNode n = rs.get(i);
      String at = "$.records[" + i + "]";
      if (!r.requireObject(n, at)) {
        continue;
      }
      r.unknownFields(n, at, List.of("id", "type", "owner", "orgUnit", "territory", "team",
          "members", "attributes"));
      String id = r.text(n, "id", at);
      String type = r.text(n, "type", at);
      String owner = r.text(n, "owner", at);
      String unit = r.text(n, "orgUnit", at);
      String territory = r.optionalText(n, "territory", at).orElse(null);
      String team = r.optionalText(n, "team", at).orElse(null);
      List<String> members = Json.strings(r, n, "members", at, false);
      var attributes = Json.stringMap(r, n, "attributes", at);
      if (id != null && type != null && !recordKeys.add(type + "\u0000" + id)) {
        r.problem(at + ".id", "duplicate record id '%s' for type '%s'", id, type);
      }
      if (owner != null && !userIds.contains(owner)) {
        r.problem(at + ".owner", "unknown user '%s'", owner);
      }
      if (unit != null && !units.contains(OrgUnitId.of(unit))) {
        r.problem(at + ".orgUnit", "unknown org unit '%s'", unit);
      }
      if (territory != null && !territories.contains(TerritoryId.of(territory))) {
        r.problem(at + ".territory", "unknown territory '%s'", territory);
      }
      for (int k = 0; k < members.size(); k++) {
        if (!userIds.contains(members.get(k))) {
          r.problem(at + ".members[" + k + "]", "unknown user '%s'", members.get(k));
        }
      }
      if (id == null || type == null || owner == null || unit == null) {
        continue;
      }
      AccessRecord.Builder rb = AccessRecord.builder().id(id).type(ObjectType.of(type))
          .owner(UserId.of(owner)).orgUnit(OrgUnitId.of(unit)).putAllAttributes(attributes);
      if (territory != null) {
        rb.territory(TerritoryId.of(territory));
      }
      if (team != null) {
        rb.team(TeamId.of(team));
      }
      members.forEach(m -> rb.addMembers(UserId.of(m)));
      records.add(rb.build());
    }
    r.throwIfAny("access data document");
    try {
      return new AccessData(new Organisation(units, territories, users), records);
    } catch (RuntimeException e) {
      throw new InvalidDefinitionException("access data document",
          List.of(new Problem("$", e.getMessage() == null ? e.toString() : e.getMessage())));
    }
  }

  private static <K> Hierarchy<K> tree(JsonReading r, JsonNode root, String field,
      java.util.function.Function<String, K> id) {
    Hierarchy.Builder<K> b = Hierarchy.builder();
    List<JsonNode> nodes = r.array(root, field, "$", false);
    List<Integer> declared = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String at = "$." + field + "[" + i + "]";
      if (!r.requireObject(n, at)) {
        continue;
      }
      r.unknownFields(n, at, List.of("id", "parent", "name", "level"));
      String key = r.text(n, "id", at);
      String parent = r.optionalText(n, "parent", at).orElse(null);
      String level = r.optionalText(n, "level", at).orElse(null);
      if (key != null) {
        b.node(id.apply(key), parent == null ? null : id.apply(parent), level);
        declared.add(i);
      }
    }
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      for (Problem p : e.problems()) {
        String path = "$." + field;
        if (p.path().startsWith("nodes[")) {
          int close = p.path().indexOf(']');
          try {
            int k = Integer.parseInt(p.path().substring(6, close));
            path = "$." + field + "[" + declared.get(k) + "]" + p.path().substring(close + 1);
          } catch (RuntimeException ignored) {
            path = "$." + field;
          }
        }
        r.problem(path, "%s", p.message());
      }
      return Hierarchy.<K>builder().build();
    }
  }
}

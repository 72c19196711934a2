package org.crmkit.permissions.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.AdminPrivilege;
import org.crmkit.permissions.Condition;
import org.crmkit.permissions.FieldAccess;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.Module;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.Scope;

/**
 * Reads policy documents ({@code "format": "crmkit.policy/1"}; the fields are described in the
 * README's Permissions section) and compiles them against an organisation. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * AccessPolicy policy = PolicyJson.read(Files.readString(path), data.organisation());
 * }</pre>
 */
public final class PolicyJson {
  /** The format this reader understands. */
  public static final String FORMAT = "crmkit.policy/1";

  private static final List<String> TOP = List.of("format", "standardModules", "objectTypes",
      "modules", "roles", "grants", "fields", "allocations", "hierarchyAccess", "recordTeams",
      "sharingRules", "denies", "manualShares");

  private PolicyJson() {}

  /**
   * Reads a policy document and compiles it against {@code organisation}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path ({@code
   *     $.grants[2].scope}): malformed JSON, a wrong or missing format, unknown fields, wrong
   *     types, unknown actions, scopes or privileges; then every dangling reference found by
   *     {@link AccessPolicy.Builder#build()} (unknown roles, org units, users, modules), with the
   *     path of the declaration
   */
  public static AccessPolicy read(String json, Organisation organisation) {
    Checks.present("json", json);
    Checks.present("organisation", organisation);
    AccessPolicy.Builder b = builder(json);
    try {
      return b.organisation(organisation).build();
    } catch (InvalidDefinitionException e) {
      List<Problem> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(new Problem(p.path().startsWith("organisation") ? p.path() : "$." + p.path(),
            p.message()));
      }
      throw new InvalidDefinitionException("policy document", problems);
    }
  }

  /**
   * Reads a policy document into a builder (without an organisation), for a host that adds
   * definitions of its own before building.
   *
   * @throws InvalidDefinitionException listing every structural problem with its JSON path
   */
  public static AccessPolicy.Builder builder(String json) {
    JsonNode root = JsonReading.parse(Checks.present("json", json), "policy document");
    JsonReading r = new JsonReading();
    AccessPolicy.Builder b = AccessPolicy.builder();
    if (!r.checkFormat(root, FORMAT)) {
      r.throwIfAny("policy document");
    }
    r.unknownFields(root, "$", TOP);
    for (String t : Json.strings(r, root, "objectTypes", "$", false)) {
      b.objectType(ObjectType.of(t));
    }
    r.objects(root, "modules", "$", false, List.of("id", "objectTypes"), (m, at) -> {
      String id = r.text(m, "id", at);
      List<String> types = Json.strings(r, m, "objectTypes", at, true);
      if (id != null) {
        b.module(Module.of(id), types.stream().map(ObjectType::of).toArray(ObjectType[]::new));
      }
    });
    if (r.bool(root, "standardModules", "$", false)) {
      b.standardModules();
    }
    r.objects(root, "roles", "$", true, List.of("id", "parent", "privileges"), (n, at) -> {
      String id = r.text(n, "id", at);
      String parent = r.optionalText(n, "parent", at).orElse(null);
      List<AdminPrivilege> privileges =
          Json.parsed(r, n, "privileges", at, false, AdminPrivilege::parse);
      if (id != null) {
        b.role(id, parent);
        if (!privileges.isEmpty()) {
          b.privileges(id, privileges.toArray(new AdminPrivilege[0]));
        }
      }
    });
    r.objects(root, "grants", "$", false,
        List.of("role", "objectType", "scope", "actions"),
        (n, at) -> {
      String role = r.text(n, "role", at);
      String type = r.text(n, "objectType", at);
      Scope scope = Json.parsedText(r, n, "scope", at, Scope::parse);
      List<Action> actions = Json.parsed(r, n, "actions", at, true, Action::parse);
      if (role != null && type != null && scope != null) {
        b.grant(role, ObjectType.of(type), scope, actions.toArray(new Action[0]));
      }
    });
    r.objects(root, "fields", "$", false,
        List.of("role", "objectType", "field", "access"),
        (n, at) -> {
      String role = r.text(n, "role", at);
      String type = r.text(n, "objectType", at);
      String field = r.text(n, "field", at);
      FieldAccess access = Json.parsedText(r, n, "access", at, FieldAccess::parse);
      if (role != null && type != null && field != null && access != null) {
        b.field(role, ObjectType.of(type), field, access);
      }
    });
    r.objects(root, "allocations", "$", false, List.of("role", "orgUnit", "modules"), (n, at) -> {
      Module[] mods = Json.strings(r, n, "modules", at, true).stream().map(Module::of)
          .toArray(Module[]::new);
      boolean hasRole = n.has("role");
      boolean hasUnit = n.has("orgUnit");
      if (hasRole == hasUnit) {
        r.problem(at, "expected exactly one of 'role' and 'orgUnit'");
      } else if (hasRole) {
        String role = r.text(n, "role", at);
        if (role != null) {
          b.allocateToRole(role, mods);
        }
      } else {
        String unit = r.text(n, "orgUnit", at);
        if (unit != null) {
          b.allocateToOrgUnit(unit, mods);
        }
      }
    });
    for (String t : Json.strings(r, root, "hierarchyAccess", "$", false)) {
      b.hierarchyAccess(ObjectType.of(t));
    }
    r.objects(root, "recordTeams", "$", false, List.of("objectType", "actions"), (n, at) -> {
      String type = r.text(n, "objectType", at);
      List<Action> actions = Json.parsed(r, n, "actions", at, true, Action::parse);
      if (type != null) {
        b.recordTeams(ObjectType.of(type), actions.toArray(new Action[0]));
      }
    });
    r.objects(root, "sharingRules", "$", false,
        List.of("id", "objectTypes", "actions", "ownedBy", "when", "sharedWith"),
        (n, at) -> {
      String id = r.text(n, "id", at);
      Set<ObjectType> types = types(r, n, at);
      List<Action> actions = Json.parsed(r, n, "actions", at, true, Action::parse);
      Group with = Json.group(r, n, "sharedWith", at);
      boolean owner = n.has("ownedBy");
      boolean when = n.has("when");
      if (owner == when) {
        r.problem(at, "expected exactly one of 'ownedBy' (owner-based) and 'when'"
            + " (criteria-based)");
        return;
      }
      Group ownedBy = owner ? Json.group(r, n, "ownedBy", at) : null;
      List<Condition> conditions = Json.conditions(r, n, "when", at);
      if (when && conditions.isEmpty()) {
        r.problem(at + ".when", "at least one condition is required");
      }
      if (id == null || with == null || (owner && ownedBy == null)) {
        return;
      }
      Action[] acts = actions.toArray(new Action[0]);
      if (owner && ownedBy != null) {
        b.shareOwnedBy(id, ownedBy, with, types, acts);
      } else {
        b.shareWhen(id, conditions, with, types, acts);
      }
    });
    r.objects(root, "denies", "$", false,
        List.of("id", "who", "objectTypes", "actions", "when"),
        (n, at) -> {
      String id = r.text(n, "id", at);
      Group who = Json.group(r, n, "who", at);
      Set<ObjectType> types = types(r, n, at);
      List<Action> actions = Json.parsed(r, n, "actions", at, false, Action::parse);
      List<Condition> conditions = Json.conditions(r, n, "when", at);
      if (id != null && who != null) {
        b.deny(id, who, types,
            actions.isEmpty() ? Set.of() : EnumSet.copyOf(actions), conditions);
      }
    });
    r.objects(root, "manualShares", "$", false,
        List.of("objectType", "record", "with", "actions"),
        (n, at) -> {
      String type = r.text(n, "objectType", at);
      String record = r.text(n, "record", at);
      Group with = Json.group(r, n, "with", at);
      List<Action> actions = Json.parsed(r, n, "actions", at, true, Action::parse);
      if (type != null && record != null && with != null) {
        b.manualShare(ObjectType.of(type), record, with, actions.toArray(new Action[0]));
      }
    });
    r.throwIfAny("policy document");
    return b;
  }

  private static Set<ObjectType> types(JsonReading r, JsonNode n, String at) {
    Set<ObjectType> out = new HashSet<>();
    Json.strings(r, n, "objectTypes", at, false).forEach(t -> out.add(ObjectType.of(t)));
    return out;
  }
}

package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.json.PolicyDocument.Allocation;
import org.crmkit.json.PolicyDocument.Deny;
import org.crmkit.json.PolicyDocument.FieldRule;
import org.crmkit.json.PolicyDocument.Grant;
import org.crmkit.json.PolicyDocument.ManualShare;
import org.crmkit.json.PolicyDocument.ModuleDef;
import org.crmkit.json.PolicyDocument.RecordTeam;
import org.crmkit.json.PolicyDocument.Role;
import org.crmkit.json.PolicyDocument.SharingRule;
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
 * Reads and writes policy documents ({@code "format": "crmkit.policy/1"}; the fields are
 * described in the README's Permissions section) and compiles them against an organisation.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * AccessPolicy policy = PolicyJson.DOCUMENT.read(Path.of("policy.json")).compile(organisation);
 * }</pre>
 *
 * <p>Lists that filter ({@code objectTypes} and {@code actions} of sharing rules and denies)
 * mean "all" when absent; an empty list, like an empty {@code when}, is a problem.
 */
public final class PolicyJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.policy/1";

  static final Shape ROOT = Documents.shape("policy document", "standardModules?", "objectTypes?",
      "modules?", "roles", "grants?", "fields?", "allocations?", "hierarchyAccess?", "recordTeams?",
      "sharingRules?", "denies?", "manualShares?");
  static final Shape MODULE = new Shape("module", "id", "objectTypes");
  static final Shape ROLE = new Shape("role", "id", "parent?", "privileges?");
  static final Shape GRANT = new Shape("grant", "role", "objectType", "scope", "actions");
  static final Shape FIELD = new Shape("field access", "role", "objectType", "field", "access");
  static final Shape ALLOCATION = new Shape("allocation", "role?", "orgUnit?", "modules");
  static final Shape TEAM = new Shape("record team", "objectType", "actions");
  static final Shape SHARING = new Shape("sharing rule", "id", "objectTypes?", "actions",
      "ownedBy?", "when?", "sharedWith");
  static final Shape DENY = new Shape("deny", "id", "who", "objectTypes?", "actions?", "when?");
  static final Shape SHARE = new Shape("manual share", "objectType", "record", "with", "actions");

  /** The definitions from and to any source ({@link #readDocument} lists the problems). */
  public static final JsonDocument<PolicyDocument> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, PolicyJson::read, PolicyJson::tree);

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
    Objects.requireNonNull(organisation, "organisation");
    return DOCUMENT.read(json).compile(organisation);
  }

  /** As {@code DOCUMENT.read(in).compile(organisation)} (UTF-8, read to the end, not closed). */
  public static AccessPolicy read(InputStream in, Organisation organisation) throws IOException {
    Objects.requireNonNull(organisation, "organisation");
    return DOCUMENT.read(in).compile(organisation);
  }

  /**
   * Reads a policy document's definitions without compiling them.
   *
   * @throws InvalidDefinitionException listing every structural problem with its JSON path
   */
  public static PolicyDocument readDocument(String json) {
    return DOCUMENT.read(json);
  }

  /** Writes {@code policy} as a document that {@link #readDocument} reads back equal. */
  public static String write(PolicyDocument policy) {
    return DOCUMENT.write(policy);
  }

  private static PolicyDocument read(In root) {
    List<ObjectType> custom = types(root, "objectTypes", ObjectType::of);
    Function<String, ObjectType> typeOf = knownType(custom);
    List<ModuleDef> modules = root.list("modules", MODULE, m -> {
      Module id = m.parsed("id", "a module id", Module::of);
      List<ObjectType> types = types(m, "objectTypes", typeOf);
      return id == null ? null : new ModuleDef(id, types);
    });
    List<Role> roles = root.list("roles", ROLE, r -> {
      String id = r.text("id");
      String parent = r.text("parent");
      List<AdminPrivilege> privileges =
          r.parsedStrings("privileges", false, "an admin privilege", AdminPrivilege::parse);
      return id == null ? null : new Role(id, parent, privileges);
    });
    List<Grant> grants = root.list("grants", GRANT, g -> {
      String role = g.text("role");
      ObjectType type = g.parsed("objectType", "an object type", typeOf);
      Scope scope = g.parsed("scope", "a scope", Scope::parse);
      List<Action> actions = actions(g, "actions");
      return role == null || type == null || scope == null ? null
          : new Grant(role, type, scope, actions);
    });
    List<FieldRule> fields = root.list("fields", FIELD, f -> {
      String role = f.text("role");
      ObjectType type = f.parsed("objectType", "an object type", typeOf);
      String field = f.text("field");
      FieldAccess access = f.parsed("access", "a field access", FieldAccess::parse);
      return role == null || type == null || field == null || access == null ? null
          : new FieldRule(role, type, field, access);
    });
    List<Allocation> allocations = root.list("allocations", ALLOCATION, a -> {
      String role = a.text("role");
      String unit = a.text("orgUnit");
      List<Module> mods = a.parsedStrings("modules", true, "a module id", Module::of);
      return a.problems.attempt(a.path, () -> new Allocation(role, unit, mods));
    });
    List<RecordTeam> teams = root.list("recordTeams", TEAM, t -> {
      ObjectType type = t.parsed("objectType", "an object type", typeOf);
      List<Action> actions = actions(t, "actions");
      return type == null ? null : new RecordTeam(type, actions);
    });
    List<SharingRule> sharing = root.list("sharingRules", SHARING, s -> {
      String id = s.text("id");
      List<ObjectType> types = types(s, "objectTypes", typeOf);
      List<Action> actions = actions(s, "actions");
      Group with = Groups.read(s, "sharedWith");
      Group ownedBy = s.has("ownedBy") ? Groups.read(s, "ownedBy") : null;
      List<Condition> when = conditions(s, "when");
      if (s.has("ownedBy") == s.has("when")) {
        s.problems.add(s.path, "expected exactly one of 'ownedBy' (owner-based) and 'when'"
            + " (criteria-based)");
        return null;
      }
      return id == null || with == null || (ownedBy == null && when.isEmpty()) ? null
          : new SharingRule(id, ownedBy, when, with, types, actions);
    });
    List<Deny> denies = root.list("denies", DENY, d -> {
      String id = d.text("id");
      Group who = Groups.read(d, "who");
      List<ObjectType> types = types(d, "objectTypes", typeOf);
      List<Action> actions = actions(d, "actions");
      List<Condition> when = conditions(d, "when");
      return id == null || who == null ? null : new Deny(id, who, types, actions, when);
    });
    List<ManualShare> shares = root.list("manualShares", SHARE, s -> {
      ObjectType type = s.parsed("objectType", "an object type", typeOf);
      String record = s.text("record");
      Group with = Groups.read(s, "with");
      List<Action> actions = actions(s, "actions");
      return type == null || record == null || with == null ? null
          : new ManualShare(type, record, with, actions);
    });
    return new PolicyDocument(root.bool("standardModules", false), custom,
        modules, roles, grants, fields, allocations, types(root, "hierarchyAccess", typeOf), teams,
        sharing, denies, shares);
  }

  private static List<ObjectType> types(In in, String f, Function<String, ObjectType> type) {
    return in.parsedStrings(f, true, "an object type", type);
  }

  /** The standard object types, which every policy knows without declaring them. */
  static final List<ObjectType> STANDARD_TYPES = List.of(ObjectType.CUSTOMER, ObjectType.CONTACT,
      ObjectType.LEAD, ObjectType.OPPORTUNITY, ObjectType.QUOTE, ObjectType.CONTRACT,
      ObjectType.CASE, ObjectType.CAMPAIGN, ObjectType.REPORT);

  /**
   * Parses a reference to an object type: a standard type or one the document declares in its
   * top-level {@code objectTypes}. An unknown type (a typo such as "custmer", or "Customer") is a
   * problem naming the known types and the nearest one, because a grant or deny on a type that no
   * record has would silently grant or deny nothing.
   */
  static Function<String, ObjectType> knownType(List<ObjectType> custom) {
    Set<String> known = new TreeSet<>();
    STANDARD_TYPES.forEach(t -> known.add(t.name()));
    custom.forEach(t -> known.add(t.name()));
    return name -> {
      if (known.contains(name)) {
        return ObjectType.of(name);
      }
      String nearest = Names.nearest(name, known);
      throw new CrmException("unknown object type '" + name + "'"
          + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
          + " known: " + known + " (declare custom types in the top-level objectTypes)");
    };
  }

  private static List<Action> actions(In in, String f) {
    return in.parsedStrings(f, true, "an action", Action::parse);
  }

  /** Conditions: an object of attribute → string or non-empty array of strings. */
  private static List<Condition> conditions(In in, String f) {
    List<Condition> out = new ArrayList<>();
    Map<String, JsonNode> entries = in.entries(f);
    if (in.has(f) && in.node.get(f).isObject() && entries.isEmpty()) {
      in.problems.add(in.at(f), "expected at least one condition; leave the field out to mean"
          + " every record");
    }
    for (Map.Entry<String, JsonNode> e : entries.entrySet()) {
      ProblemPath at = in.at(f).field(e.getKey());
      JsonNode v = e.getValue();
      List<String> values = new ArrayList<>();
      if (v.isTextual()) {
        values.add(v.asText());
      } else if (v.isArray() && !v.isEmpty()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isTextual()) {
            values.add(v.get(i).asText());
          } else {
            in.problems.add(at.index(i), "expected a string, but found %s",
                Problems.describe(v.get(i)));
          }
        }
      } else {
        in.problems.add(at, "expected a string or a non-empty array of strings, but found %s",
            Problems.describe(v));
      }
      if (!values.isEmpty()) {
        Condition c = in.problems.attempt(at, () -> new Condition(e.getKey(), Set.copyOf(values)));
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static Out tree(PolicyDocument policy) {
    Out root = Out.document(FORMAT).flag("standardModules", policy.standardModules())
        .strings("objectTypes", names(policy.objectTypes()));
    policy.modules().forEach(m -> root.element("modules").put("id", m.id().name())
        .strings("objectTypes", names(m.objectTypes())));
    root.array("roles");
    policy.roles().forEach(r -> root.element("roles").put("id", r.id()).put("parent", r.parent())
        .strings("privileges", r.privileges().stream().map(AdminPrivilege::label).toList()));
    policy.grants().forEach(g -> root.element("grants").put("role", g.role())
        .put("objectType", g.objectType().name()).put("scope", g.scope().label())
        .strings("actions", labels(g.actions())));
    policy.fields().forEach(f -> root.element("fields").put("role", f.role())
        .put("objectType", f.objectType().name()).put("field", f.field())
        .put("access", f.access().label()));
    policy.allocations().forEach(a -> root.element("allocations").put("role", a.role())
        .put("orgUnit", a.orgUnit())
        .strings("modules", a.modules().stream().map(Module::name).toList()));
    root.strings("hierarchyAccess", names(policy.hierarchyAccess()));
    policy.recordTeams().forEach(t -> root.element("recordTeams")
        .put("objectType", t.objectType().name()).strings("actions", labels(t.actions())));
    for (SharingRule s : policy.sharingRules()) {
      Out o = root.element("sharingRules").put("id", s.id())
          .strings("objectTypes", names(s.objectTypes())).strings("actions", labels(s.actions()));
      if (s.ownedBy() != null) {
        Groups.write(o, "ownedBy", s.ownedBy());
      }
      writeConditions(o, "when", s.when());
      Groups.write(o, "sharedWith", s.sharedWith());
    }
    for (Deny d : policy.denies()) {
      Out o = root.element("denies").put("id", d.id());
      Groups.write(o, "who", d.who());
      o.strings("objectTypes", names(d.objectTypes())).strings("actions", labels(d.actions()));
      writeConditions(o, "when", d.when());
    }
    for (ManualShare s : policy.manualShares()) {
      Out o = root.element("manualShares").put("objectType", s.objectType().name())
          .put("record", s.record());
      Groups.write(o, "with", s.with());
      o.strings("actions", labels(s.actions()));
    }
    return root;
  }

  private static void writeConditions(Out o, String f, List<Condition> when) {
    if (!when.isEmpty()) {
      Out w = o.object(f);
      when.forEach(c -> w.strings(c.attribute(), new TreeSet<>(c.values())));
    }
  }

  private static List<String> names(List<ObjectType> types) {
    return types.stream().map(ObjectType::name).toList();
  }

  private static List<String> labels(List<Action> actions) {
    return actions.stream().map(Action::label).toList();
  }
}

package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
import org.crmkit.json.Shape.Field;
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
 * AccessPolicy policy = PolicyJson.read(Path.of("policy.json"), data.organisation());
 * }</pre>
 *
 * <p>Lists that filter ({@code objectTypes} and {@code actions} of sharing rules and denies)
 * mean "all" when absent; an empty list, like an empty {@code when}, is a problem.
 */
public final class PolicyJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.policy/1";

  static final Shape ROOT = Documents.shape("policy document");
  static final Field STANDARD_MODULES = ROOT.optional("standardModules");
  static final Field OBJECT_TYPES = ROOT.optional("objectTypes");
  static final Field MODULES = ROOT.optional("modules");
  static final Field ROLES = ROOT.required("roles");
  static final Field GRANTS = ROOT.optional("grants");
  static final Field FIELDS = ROOT.optional("fields");
  static final Field ALLOCATIONS = ROOT.optional("allocations");
  static final Field HIERARCHY_ACCESS = ROOT.optional("hierarchyAccess");
  static final Field RECORD_TEAMS = ROOT.optional("recordTeams");
  static final Field SHARING_RULES = ROOT.optional("sharingRules");
  static final Field DENIES = ROOT.optional("denies");
  static final Field MANUAL_SHARES = ROOT.optional("manualShares");
  static final Shape MODULE = new Shape("module");
  static final Field M_ID = MODULE.required("id");
  static final Field M_TYPES = MODULE.required("objectTypes");
  static final Shape ROLE = new Shape("role");
  static final Field R_ID = ROLE.required("id");
  static final Field R_PARENT = ROLE.optional("parent");
  static final Field R_PRIVILEGES = ROLE.optional("privileges");
  static final Shape GRANT = new Shape("grant");
  static final Field G_ROLE = GRANT.required("role");
  static final Field G_TYPE = GRANT.required("objectType");
  static final Field G_SCOPE = GRANT.required("scope");
  static final Field G_ACTIONS = GRANT.required("actions");
  static final Shape FIELD = new Shape("field access");
  static final Field F_ROLE = FIELD.required("role");
  static final Field F_TYPE = FIELD.required("objectType");
  static final Field F_FIELD = FIELD.required("field");
  static final Field F_ACCESS = FIELD.required("access");
  static final Shape ALLOCATION = new Shape("allocation");
  static final Field A_ROLE = ALLOCATION.optional("role");
  static final Field A_UNIT = ALLOCATION.optional("orgUnit");
  static final Field A_MODULES = ALLOCATION.required("modules");
  static final Shape TEAM = new Shape("record team");
  static final Field T_TYPE = TEAM.required("objectType");
  static final Field T_ACTIONS = TEAM.required("actions");
  static final Shape SHARING = new Shape("sharing rule");
  static final Field S_ID = SHARING.required("id");
  static final Field S_TYPES = SHARING.optional("objectTypes");
  static final Field S_ACTIONS = SHARING.required("actions");
  static final Field S_OWNED_BY = SHARING.optional("ownedBy");
  static final Field S_WHEN = SHARING.optional("when");
  static final Field S_WITH = SHARING.required("sharedWith");
  static final Shape DENY = new Shape("deny");
  static final Field D_ID = DENY.required("id");
  static final Field D_WHO = DENY.required("who");
  static final Field D_TYPES = DENY.optional("objectTypes");
  static final Field D_ACTIONS = DENY.optional("actions");
  static final Field D_WHEN = DENY.optional("when");
  static final Shape SHARE = new Shape("manual share");
  static final Field MS_TYPE = SHARE.required("objectType");
  static final Field MS_RECORD = SHARE.required("record");
  static final Field MS_WITH = SHARE.required("with");
  static final Field MS_ACTIONS = SHARE.required("actions");
  private static final String WHAT = "policy document";

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
    AccessPolicy.Builder builder = builder(json);
    try {
      return builder.organisation(organisation).build();
    } catch (InvalidDefinitionException e) {
      throw e.relocated(WHAT, p -> p.startsWith("organisation") ? p
          : p.prefixedBy(Documents.ROOT));
    }
  }

  /**
   * Reads a policy document from a UTF-8 file and compiles it against {@code organisation}.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, Organisation)}
   */
  public static AccessPolicy read(Path file, Organisation organisation) throws IOException {
    return read(JsonText.read(file), organisation);
  }

  /**
   * Reads a policy document from {@code in} (UTF-8, read to the end, not closed) and compiles it.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, Organisation)}
   */
  public static AccessPolicy read(InputStream in, Organisation organisation) throws IOException {
    return read(JsonText.read(in), organisation);
  }

  /**
   * Reads a policy document from {@code in} (read to the end, not closed) and compiles it.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, Organisation)}
   */
  public static AccessPolicy read(Reader in, Organisation organisation) throws IOException {
    return read(JsonText.read(in), organisation);
  }

  /**
   * Reads a policy document into a builder (without an organisation), for a host that adds
   * definitions of its own before building.
   *
   * @throws InvalidDefinitionException listing every structural problem with its JSON path
   */
  public static AccessPolicy.Builder builder(String json) {
    return readDocument(json).builder();
  }

  /**
   * Reads a policy document's definitions without compiling them.
   *
   * @throws InvalidDefinitionException listing every structural problem with its JSON path
   */
  public static PolicyDocument readDocument(String json) {
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    List<ModuleDef> modules = new ArrayList<>();
    for (In m : root.objects(MODULES, MODULE)) {
      Module id = m.parsed(M_ID, "a module id", Module::of);
      List<ObjectType> types = types(m, M_TYPES);
      if (id != null) {
        modules.add(new ModuleDef(id, types));
      }
    }
    List<Role> roles = new ArrayList<>();
    for (In r : root.objects(ROLES, ROLE)) {
      String id = r.text(R_ID);
      String parent = r.text(R_PARENT);
      List<AdminPrivilege> privileges =
          r.parsedStrings(R_PRIVILEGES, false, "an admin privilege", AdminPrivilege::parse);
      if (id != null) {
        roles.add(new Role(id, parent, privileges));
      }
    }
    List<Grant> grants = new ArrayList<>();
    for (In g : root.objects(GRANTS, GRANT)) {
      String role = g.text(G_ROLE);
      ObjectType type = g.parsed(G_TYPE, "an object type", ObjectType::of);
      Scope scope = g.parsed(G_SCOPE, "a scope", Scope::parse);
      List<Action> actions = actions(g, G_ACTIONS);
      if (role != null && type != null && scope != null) {
        grants.add(new Grant(role, type, scope, actions));
      }
    }
    List<FieldRule> fields = new ArrayList<>();
    for (In f : root.objects(FIELDS, FIELD)) {
      String role = f.text(F_ROLE);
      ObjectType type = f.parsed(F_TYPE, "an object type", ObjectType::of);
      String field = f.text(F_FIELD);
      FieldAccess access = f.parsed(F_ACCESS, "a field access", FieldAccess::parse);
      if (role != null && type != null && field != null && access != null) {
        fields.add(new FieldRule(role, type, field, access));
      }
    }
    List<Allocation> allocations = new ArrayList<>();
    for (In a : root.objects(ALLOCATIONS, ALLOCATION)) {
      String role = a.text(A_ROLE);
      String unit = a.text(A_UNIT);
      List<Module> mods = a.parsedStrings(A_MODULES, true, "a module id", Module::of);
      Allocation allocation = a.problems.attempt(a.path, () -> new Allocation(role, unit, mods));
      if (allocation != null) {
        allocations.add(allocation);
      }
    }
    List<RecordTeam> teams = new ArrayList<>();
    for (In t : root.objects(RECORD_TEAMS, TEAM)) {
      ObjectType type = t.parsed(T_TYPE, "an object type", ObjectType::of);
      List<Action> actions = actions(t, T_ACTIONS);
      if (type != null) {
        teams.add(new RecordTeam(type, actions));
      }
    }
    List<SharingRule> sharing = new ArrayList<>();
    for (In s : root.objects(SHARING_RULES, SHARING)) {
      String id = s.text(S_ID);
      List<ObjectType> types = types(s, S_TYPES);
      List<Action> actions = actions(s, S_ACTIONS);
      Group with = Groups.read(s, S_WITH);
      Group ownedBy = s.has(S_OWNED_BY) ? Groups.read(s, S_OWNED_BY) : null;
      List<Condition> when = conditions(s, S_WHEN);
      if (s.has(S_OWNED_BY) == s.has(S_WHEN)) {
        s.problems.add(s.path, "expected exactly one of 'ownedBy' (owner-based) and 'when'"
            + " (criteria-based)");
      } else if (id != null && with != null && (ownedBy != null || !when.isEmpty())) {
        sharing.add(new SharingRule(id, ownedBy, when, with, types, actions));
      }
    }
    List<Deny> denies = new ArrayList<>();
    for (In d : root.objects(DENIES, DENY)) {
      String id = d.text(D_ID);
      Group who = Groups.read(d, D_WHO);
      List<ObjectType> types = types(d, D_TYPES);
      List<Action> actions = actions(d, D_ACTIONS);
      List<Condition> when = conditions(d, D_WHEN);
      if (id != null && who != null) {
        denies.add(new Deny(id, who, types, actions, when));
      }
    }
    List<ManualShare> shares = new ArrayList<>();
    for (In s : root.objects(MANUAL_SHARES, SHARE)) {
      ObjectType type = s.parsed(MS_TYPE, "an object type", ObjectType::of);
      String record = s.text(MS_RECORD);
      Group with = Groups.read(s, MS_WITH);
      List<Action> actions = actions(s, MS_ACTIONS);
      if (type != null && record != null && with != null) {
        shares.add(new ManualShare(type, record, with, actions));
      }
    }
    PolicyDocument doc = new PolicyDocument(root.bool(STANDARD_MODULES, false),
        types(root, OBJECT_TYPES), modules, roles, grants, fields, allocations,
        types(root, HIERARCHY_ACCESS), teams, sharing, denies, shares);
    root.problems.throwIfAny();
    return doc;
  }

  /**
   * Reads a policy document's definitions from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #readDocument(String)}
   */
  public static PolicyDocument readDocument(Path file) throws IOException {
    return readDocument(JsonText.read(file));
  }

  /**
   * Reads a policy document's definitions from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #readDocument(String)}
   */
  public static PolicyDocument readDocument(InputStream in) throws IOException {
    return readDocument(JsonText.read(in));
  }

  /**
   * Reads a policy document's definitions from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #readDocument(String)}
   */
  public static PolicyDocument readDocument(Reader in) throws IOException {
    return readDocument(JsonText.read(in));
  }

  private static List<ObjectType> types(In in, Field f) {
    return in.parsedStrings(f, true, "an object type", ObjectType::of);
  }

  private static List<Action> actions(In in, Field f) {
    return in.parsedStrings(f, true, "an action", Action::parse);
  }

  /** Conditions: an object of attribute → string or non-empty array of strings. */
  private static List<Condition> conditions(In in, Field f) {
    List<Condition> out = new ArrayList<>();
    Map<String, JsonNode> entries = in.entries(f);
    if (in.has(f) && in.node.get(f.name()).isObject() && entries.isEmpty()) {
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

  /** Writes {@code policy} as a document that {@link #readDocument} reads back equal. */
  public static String write(PolicyDocument policy) {
    Out root = Out.document(FORMAT).flag(STANDARD_MODULES, policy.standardModules())
        .strings(OBJECT_TYPES, names(policy.objectTypes()));
    policy.modules().forEach(m -> root.element(MODULES).put(M_ID, m.id().name())
        .strings(M_TYPES, names(m.objectTypes())));
    root.array(ROLES);
    policy.roles().forEach(r -> root.element(ROLES).put(R_ID, r.id()).put(R_PARENT, r.parent())
        .strings(R_PRIVILEGES, r.privileges().stream().map(AdminPrivilege::label).toList()));
    policy.grants().forEach(g -> root.element(GRANTS).put(G_ROLE, g.role())
        .put(G_TYPE, g.objectType().name()).put(G_SCOPE, g.scope().label())
        .strings(G_ACTIONS, labels(g.actions())));
    policy.fields().forEach(f -> root.element(FIELDS).put(F_ROLE, f.role())
        .put(F_TYPE, f.objectType().name()).put(F_FIELD, f.field())
        .put(F_ACCESS, f.access().label()));
    policy.allocations().forEach(a -> root.element(ALLOCATIONS).put(A_ROLE, a.role())
        .put(A_UNIT, a.orgUnit())
        .strings(A_MODULES, a.modules().stream().map(Module::name).toList()));
    root.strings(HIERARCHY_ACCESS, names(policy.hierarchyAccess()));
    policy.recordTeams().forEach(t -> root.element(RECORD_TEAMS).put(T_TYPE, t.objectType().name())
        .strings(T_ACTIONS, labels(t.actions())));
    for (SharingRule s : policy.sharingRules()) {
      Out o = root.element(SHARING_RULES).put(S_ID, s.id()).strings(S_TYPES, names(s.objectTypes()))
          .strings(S_ACTIONS, labels(s.actions()));
      if (s.ownedBy() != null) {
        Groups.write(o, S_OWNED_BY, s.ownedBy());
      }
      writeConditions(o, S_WHEN, s.when());
      Groups.write(o, S_WITH, s.sharedWith());
    }
    for (Deny d : policy.denies()) {
      Out o = root.element(DENIES).put(D_ID, d.id());
      Groups.write(o, D_WHO, d.who());
      o.strings(D_TYPES, names(d.objectTypes())).strings(D_ACTIONS, labels(d.actions()));
      writeConditions(o, D_WHEN, d.when());
    }
    for (ManualShare s : policy.manualShares()) {
      Out o = root.element(MANUAL_SHARES).put(MS_TYPE, s.objectType().name())
          .put(MS_RECORD, s.record());
      Groups.write(o, MS_WITH, s.with());
      o.strings(MS_ACTIONS, labels(s.actions()));
    }
    return root.text();
  }

  private static void writeConditions(Out o, Field f, List<Condition> when) {
    if (!when.isEmpty()) {
      Out w = o.object(f);
      when.forEach(c -> w.strings(new Field(c.attribute(), false), new TreeSet<>(c.values())));
    }
  }

  private static List<String> names(List<ObjectType> types) {
    return types.stream().map(ObjectType::name).toList();
  }

  private static List<String> labels(List<Action> actions) {
    return actions.stream().map(Action::label).toList();
  }
}

package org.crmkit.benchmarks.permissions;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;

/**
 * The benchmark organisation in Cedar the way Cedar's best-practice guide asks for it ("populate
 * the policy scope", so that policies can be indexed): every record type is its own entity type
 * ({@code Customer}, {@code Contact}, …) and each policy names it in its scope ({@code resource
 * is Customer}); the sharing rules name their audience in the scope too ({@code principal in
 * Holder::"R"}, the exact holders of role R). The host keeps the policies indexed by what the
 * scope names, as the guide suggests: one policy set per resource type ({@link #byType}) and per
 * (resource type, action) ({@link #byTypeAction}), and passes only the matching set to {@code
 * isAuthorized}. {@link #all} is the whole typed policy in one set and {@link #empty} a set
 * without policies, which measures cedar-java's fixed cost per call (JNI, JSON of the request
 * and entities).
 */
final class CedarTypedModel {
  static final EntityTypeName USER = EntityTypeName.parse("User").orElseThrow();
  static final EntityTypeName ROLE = EntityTypeName.parse("Role").orElseThrow();
  static final EntityTypeName HOLDER = EntityTypeName.parse("Holder").orElseThrow();
  static final EntityTypeName UNIT = EntityTypeName.parse("OrgUnit").orElseThrow();
  static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();

  final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
  final PolicySet all;
  final Map<ObjectType, PolicySet> byType = new HashMap<>();
  final PolicySet[][] byTypeAction;
  final Map<ObjectType, Integer> typeIndex = new HashMap<>();
  final PolicySet empty;
  final int policyCount;
  private final Map<ObjectType, EntityTypeName> entityTypes = new HashMap<>();
  private final PermissionsOrg org;
  private final Map<String, Entity> users = new HashMap<>();

  /** One policy: its resource type, actions and text. */
  private record Entry(ObjectType type, Set<Action> actions, String text) {}

  CedarTypedModel(PermissionsOrg org) throws Exception {
    this.org = org;
    List<ObjectType> types = PermissionsOrg.TYPES;
    for (int t = 0; t < types.size(); t++) {
      typeIndex.put(types.get(t), t);
      entityTypes.put(types.get(t), EntityTypeName.parse(typeName(types.get(t))).orElseThrow());
    }
    List<Entry> entries = new ArrayList<>();
    for (PermissionsOrg.Grant g : org.grants) {
      StringBuilder p = new StringBuilder();
      p.append("permit(principal in Role::\"").append(g.role()).append("\", action in [")
          .append(actions(g.actions())).append("], resource is ").append(typeName(g.type()))
          .append(')');
      switch (g.scope()) {
        case OWN:
          p.append(" when { resource.owner == principal }");
          break;
        case ORG_UNIT:
          p.append(" when { resource.owner == principal || resource.unit == principal.unit }");
          break;
        case ORG_UNIT_AND_BELOW:
          p.append(" when { resource.owner == principal || resource in principal.unit }");
          break;
        default:
          break;
      }
      entries.add(new Entry(g.type(), g.actions(), p.append(";\n").toString()));
    }
    for (PermissionsOrg.Rule r : org.rules) {
      entries.add(new Entry(r.type(), r.actions(), "permit(principal in Holder::\"" + r.role()
          + "\", action in [" + actions(r.actions()) + "], resource is " + typeName(r.type())
          + ") when { resource in OrgUnit::\"" + r.ownerUnit() + "\" };\n"));
    }
    policyCount = entries.size();
    all = parse(entries, e -> true);
    byTypeAction = new PolicySet[types.size()][Action.values().length];
    for (ObjectType t : types) {
      byType.put(t, parse(entries, e -> e.type().equals(t)));
      for (Action a : Action.values()) {
        byTypeAction[typeIndex.get(t)][a.ordinal()] =
            parse(entries, e -> e.type().equals(t) && e.actions().contains(a));
      }
    }
    empty = new PolicySet();
    empty.cache();
  }

  private static PolicySet parse(List<Entry> entries, java.util.function.Predicate<Entry> keep)
      throws Exception {
    StringBuilder text = new StringBuilder();
    for (Entry e : entries) {
      if (keep.test(e)) {
        text.append(e.text());
      }
    }
    PolicySet set = text.length() == 0 ? new PolicySet() : PolicySet.parsePolicies(text.toString());
    set.cache();
    return set;
  }

  /** {@code customer} → {@code Customer}. */
  static String typeName(ObjectType t) {
    return t.name().substring(0, 1).toUpperCase(Locale.ROOT) + t.name().substring(1);
  }

  private static String actions(Set<Action> actions) {
    List<String> out = new ArrayList<>();
    for (Action a : actions) {
      out.add("Action::\"" + a.label() + "\"");
    }
    return String.join(", ", out);
  }

  /**
   * The principal: its unit, and as parents every role at or below its roles (so a holder of a
   * parent role is {@code in} every role below it) and {@code Holder::R} for each role it holds;
   * cached per user.
   */
  Entity user(User u) {
    return users.computeIfAbsent(u.id().value(), k -> {
      Map<String, Value> attrs = new HashMap<>();
      attrs.put("unit", UNIT.of(u.orgUnit().value()));
      Set<EntityUID> parents = new HashSet<>();
      for (RoleId r : u.roles()) {
        parents.add(HOLDER.of(r.value()));
        parents.add(ROLE.of(r.value()));
        for (RoleId d : org.roles.descendants(r)) {
          parents.add(ROLE.of(d.value()));
        }
      }
      return new Entity(USER.of(u.id().value()), attrs, parents);
    });
  }

  /** The record as an entity of its own type, with its unit and every unit above as parents. */
  Entity record(AccessRecord r) {
    Map<String, Value> attrs = new HashMap<>();
    attrs.put("owner", USER.of(r.owner().value()));
    attrs.put("unit", UNIT.of(r.orgUnit().value()));
    Set<EntityUID> parents = new HashSet<>();
    parents.add(UNIT.of(r.orgUnit().value()));
    for (OrgUnitId a : org.units.ancestors(r.orgUnit())) {
      parents.add(UNIT.of(a.value()));
    }
    return new Entity(entityTypes.get(r.type()).of(r.id()), attrs, parents);
  }

  /** A prepared request: the request, its entity slice, and its type and action for indexing. */
  record Prepared(AuthorizationRequest request, Set<Entity> entities, ObjectType type,
      int typeIndex, int action) {}

  Prepared prepare(User u, Action a, AccessRecord r) {
    Set<Entity> entities = new HashSet<>();
    entities.add(user(u));
    entities.add(record(r));
    AuthorizationRequest req = new AuthorizationRequest(USER.of(u.id().value()),
        ACTION.of(a.label()), entityTypes.get(r.type()).of(r.id()), new HashMap<>());
    return new Prepared(req, entities, r.type(), typeIndex.get(r.type()), a.ordinal());
  }

  boolean isAuthorized(Prepared p, PolicySet set) throws Exception {
    AuthorizationResponse res = engine.isAuthorized(p.request(), set, p.entities());
    if (res.success.isEmpty()) {
      throw new IllegalStateException("cedar failed: " + res.errors);
    }
    return res.success.get().isAllowed();
  }

  /** The whole typed policy. */
  boolean allPolicies(Prepared p) throws Exception {
    return isAuthorized(p, all);
  }

  /** Only the policies whose scope names the record's type. */
  boolean indexedByType(Prepared p) throws Exception {
    return isAuthorized(p, byType.get(p.type()));
  }

  /** Only the policies whose scope names the record's type and the action. */
  boolean indexedByTypeAction(Prepared p) throws Exception {
    return isAuthorized(p, byTypeAction[p.typeIndex()][p.action()]);
  }
}

package org.crmkit.benchmarks.permissions;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;

/**
 * The benchmark organisation in Cedar. Entities: {@code User} (attributes {@code unit}, {@code
 * heldRoles}; parents: its roles), {@code Role} (parents: its child roles, so that a holder of a
 * parent role is {@code in} every role below it and inherits their permits), {@code OrgUnit}
 * (parent: the enclosing unit) and {@code Record} (attributes {@code type}, {@code owner}, {@code
 * unit}; parent: its org unit). One permit per grant, with the scope as a condition ({@code
 * resource.owner == principal}, {@code resource.unit == principal.unit}, {@code resource in
 * principal.unit}), and one per sharing rule ({@code principal.heldRoles.contains(R) && resource
 * in OrgUnit::U}). Each request passes the entities it needs: the principal, the roles below its
 * roles, the record and the record's and principal's unit chains (precomputed, as a host would
 * cache them).
 */
final class CedarModel {
  static final EntityTypeName USER = EntityTypeName.parse("User").orElseThrow();
  static final EntityTypeName ROLE = EntityTypeName.parse("Role").orElseThrow();
  static final EntityTypeName UNIT = EntityTypeName.parse("OrgUnit").orElseThrow();
  static final EntityTypeName RECORD = EntityTypeName.parse("Record").orElseThrow();
  static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();

  final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
  final PolicySet policies;
  final String policyText;
  private final PermissionsOrg org;
  private final Map<String, Entity> roleEntities = new HashMap<>();
  private final Map<String, Entity> unitEntities = new HashMap<>();
  private final Map<String, Set<Entity>> userSlices = new HashMap<>();

  CedarModel(PermissionsOrg org) throws Exception {
    this.org = org;
    StringBuilder p = new StringBuilder();
    for (PermissionsOrg.Grant g : org.grants) {
      p.append("permit(principal in Role::\"").append(g.role()).append("\", action in [")
          .append(actions(g.actions())).append("], resource) when { resource.type == \"")
          .append(g.type().name()).append('"');
      switch (g.scope()) {
        case OWN:
          p.append(" && resource.owner == principal");
          break;
        case ORG_UNIT:
          p.append(" && (resource.owner == principal || resource.unit == principal.unit)");
          break;
        case ORG_UNIT_AND_BELOW:
          p.append(" && (resource.owner == principal || resource in principal.unit)");
          break;
        default:
          break;
      }
      p.append(" };\n");
    }
    for (PermissionsOrg.Rule r : org.rules) {
      p.append("permit(principal, action in [").append(actions(r.actions()))
          .append("], resource) when { resource.type == \"").append(r.type().name())
          .append("\" && principal.heldRoles.contains(\"").append(r.role())
          .append("\") && resource in OrgUnit::\"").append(r.ownerUnit()).append("\" };\n");
    }
    policyText = p.toString();
    policies = PolicySet.parsePolicies(policyText);
    policies.cache();
    for (int i = 0; i < org.roleIds.size(); i++) {
      Set<EntityUID> children = new HashSet<>();
      for (RoleId c : org.roles.children(RoleId.of(org.roleIds.get(i)))) {
        children.add(ROLE.of(c.value()));
      }
      roleEntities.put(org.roleIds.get(i),
          new Entity(ROLE.of(org.roleIds.get(i)), new HashMap<>(), children));
    }
    for (OrgUnitId u : org.units.nodes()) {
      Set<EntityUID> parents = new HashSet<>();
      org.units.parent(u).ifPresent(x -> parents.add(UNIT.of(x.value())));
      unitEntities.put(u.value(), new Entity(UNIT.of(u.value()), new HashMap<>(), parents));
    }
  }

  private static String actions(Set<Action> actions) {
    List<String> out = new ArrayList<>();
    for (Action a : actions) {
      out.add("Action::\"" + a.label() + "\"");
    }
    return String.join(", ", out);
  }

  /** The principal, the roles below its roles and its unit chain; cached per user. */
  Set<Entity> userSlice(User u) {
    return userSlices.computeIfAbsent(u.id().value(), k -> {
      Set<Entity> out = new HashSet<>();
      Map<String, Value> attrs = new HashMap<>();
      attrs.put("unit", UNIT.of(u.orgUnit().value()));
      List<Value> held = new ArrayList<>();
      Set<EntityUID> parents = new HashSet<>();
      for (RoleId r : u.roles()) {
        held.add(new PrimString(r.value()));
        parents.add(ROLE.of(r.value()));
        out.add(roleEntities.get(r.value()));
        for (RoleId d : org.roles.descendants(r)) {
          out.add(roleEntities.get(d.value()));
        }
      }
      attrs.put("heldRoles", new CedarList(held));
      out.add(new Entity(USER.of(u.id().value()), attrs, parents));
      addUnitChain(u.orgUnit(), out);
      return out;
    });
  }

  /** The record entity and its unit chain. */
  Set<Entity> recordSlice(AccessRecord r) {
    Set<Entity> out = new HashSet<>();
    Map<String, Value> attrs = new HashMap<>();
    attrs.put("type", new PrimString(r.type().name()));
    attrs.put("owner", USER.of(r.owner().value()));
    attrs.put("unit", UNIT.of(r.orgUnit().value()));
    out.add(new Entity(RECORD.of(r.id()), attrs, Set.of(UNIT.of(r.orgUnit().value()))));
    addUnitChain(r.orgUnit(), out);
    return out;
  }

  private void addUnitChain(OrgUnitId unit, Set<Entity> out) {
    out.add(unitEntities.get(unit.value()));
    for (OrgUnitId a : org.units.ancestors(unit)) {
      out.add(unitEntities.get(a.value()));
    }
  }

  /** A prepared request: the request and its entity slice. */
  record Prepared(AuthorizationRequest request, Set<Entity> entities) {}

  Prepared prepare(User u, Action a, AccessRecord r) {
    Set<Entity> entities = new HashSet<>(userSlice(u));
    entities.addAll(recordSlice(r));
    AuthorizationRequest req = new AuthorizationRequest(USER.of(u.id().value()),
        ACTION.of(a.label()), RECORD.of(r.id()), new HashMap<>());
    return new Prepared(req, entities);
  }

  boolean isAuthorized(Prepared p) throws Exception {
    AuthorizationResponse res = engine.isAuthorized(p.request(), policies, p.entities());
    if (res.success.isEmpty()) {
      throw new IllegalStateException("cedar failed: " + res.errors);
    }
    return res.success.get().isAllowed();
  }
}

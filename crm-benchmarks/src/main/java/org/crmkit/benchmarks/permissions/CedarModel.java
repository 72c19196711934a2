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
 * heldRoles}; parents: its roles and every role below them, so that a holder of a parent role is
 * {@code in} every role below it and inherits their permits) and {@code Record} (attributes
 * {@code type}, {@code owner}, {@code unit}; parents: its org unit and the units above it). One permit per grant, with the scope as a condition ({@code
 * resource.owner == principal}, {@code resource.unit == principal.unit}, {@code resource in
 * principal.unit}), and one per sharing rule ({@code principal.heldRoles.contains(R) && resource
 * in OrgUnit::U}). Each request passes two entities, with the hierarchies flattened into their
 * parent sets as a host would precompute them: the principal (parents: every role at or below
 * its roles) and the record (parents: its org unit and every unit above it).
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
  }

  private static String actions(Set<Action> actions) {
    List<String> out = new ArrayList<>();
    for (Action a : actions) {
      out.add("Action::\"" + a.label() + "\"");
    }
    return String.join(", ", out);
  }

  /**
   * The principal, with the transitive closure of its roles (each held role and every role below
   * it) as parents, so that no role entity needs to travel with the request; cached per user.
   */
  Set<Entity> userSlice(User u) {
    return userSlices.computeIfAbsent(u.id().value(), k -> {
      Map<String, Value> attrs = new HashMap<>();
      attrs.put("unit", UNIT.of(u.orgUnit().value()));
      List<Value> held = new ArrayList<>();
      Set<EntityUID> parents = new HashSet<>();
      for (RoleId r : u.roles()) {
        held.add(new PrimString(r.value()));
        parents.add(ROLE.of(r.value()));
        for (RoleId d : org.roles.descendants(r)) {
          parents.add(ROLE.of(d.value()));
        }
      }
      attrs.put("heldRoles", new CedarList(held));
      return Set.of(new Entity(USER.of(u.id().value()), attrs, parents));
    });
  }

  /** The record entity, with its org unit and every unit above it as parents. */
  Set<Entity> recordSlice(AccessRecord r) {
    Map<String, Value> attrs = new HashMap<>();
    attrs.put("type", new PrimString(r.type().name()));
    attrs.put("owner", USER.of(r.owner().value()));
    attrs.put("unit", UNIT.of(r.orgUnit().value()));
    Set<EntityUID> parents = new HashSet<>();
    parents.add(UNIT.of(r.orgUnit().value()));
    for (OrgUnitId a : org.units.ancestors(r.orgUnit())) {
      parents.add(UNIT.of(a.value()));
    }
    return Set.of(new Entity(RECORD.of(r.id()), attrs, parents));
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

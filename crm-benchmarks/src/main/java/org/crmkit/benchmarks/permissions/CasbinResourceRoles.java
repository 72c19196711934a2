package org.crmkit.benchmarks.permissions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.rbac.RoleManager;
import org.casbin.jcasbin.util.Util;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.Scope;

/**
 * The benchmark organisation in jCasbin the way its documentation recommends for this workload: RBAC
 * with resource roles and no domains ({@code rbac_model_with_resource_roles.conf}). {@code g}
 * holds the users' roles and the role hierarchy ({@code g(parent, child)}: a parent inherits its
 * children's permissions), plus {@code holder:R} for the exact holders of R (the sharing rules'
 * audience); {@code g2} holds the org-unit tree as resource roles ({@code g2(unit, parentUnit)}),
 * so "the record's unit is at or below the user's" is {@code g2(r.unit, r.subunit)}. The scope is
 * a policy field: one policy line per (role, type, action, scope) and per (sharing rule, action),
 * about a thousand lines in all instead of the domain model's hundreds of thousands of links.
 *
 * <p>Casbin's performance page also recommends loading only the relevant policies per enforcer
 * (sharding); {@link Sharded} does that by object type and by (object type, action), every shard
 * sharing the one pair of role managers (the links are built once).
 */
final class CasbinResourceRoles {
  static final String MODEL = String.join("\n",
      "[request_definition]",
      "r = sub, obj, act, owner, unit, subunit",
      "[policy_definition]",
      "p = sub, obj, act, scope, unit",
      "[role_definition]",
      "g = _, _",
      "g2 = _, _",
      "[policy_effect]",
      "e = some(where (p.eft == allow))",
      "[matchers]",
      "m = r.obj == p.obj && r.act == p.act && g(r.sub, p.sub) && (p.scope == \"all\""
          + " || (p.scope != \"share\" && r.owner == r.sub)"
          + " || (p.scope == \"unit\" && r.unit == r.subunit)"
          + " || (p.scope == \"below\" && g2(r.unit, r.subunit))"
          + " || (p.scope == \"share\" && g2(r.unit, p.unit)))");

  final Enforcer enforcer;
  /** The number of policy lines this enforcer holds. */
  final int lines;

  /** The whole policy in one enforcer. */
  CasbinResourceRoles(PermissionsOrg org) {
    this(org, line -> true, null);
  }

  /**
   * The policy lines accepted by {@code keep} (fields: role, type, action, scope, unit); role
   * links from {@code shared} when given, else built here.
   */
  CasbinResourceRoles(PermissionsOrg org, Predicate<List<String>> keep,
      CasbinResourceRoles shared) {
    Util.enableLog = false;
    enforcer = new Enforcer(Model.newModelFromString(MODEL));
    enforcer.enableLog(false);
    enforcer.enableAutoBuildRoleLinks(false);
    List<List<String>> p = new ArrayList<>();
    for (PermissionsOrg.Grant g : org.grants) {
      for (Action a : g.actions()) {
        p.add(List.of(g.role(), g.type().name(), a.label(), scope(g.scope()), "*"));
      }
    }
    for (PermissionsOrg.Rule r : org.rules) {
      for (Action a : r.actions()) {
        p.add(List.of("holder:" + r.role(), r.type().name(), a.label(), "share", r.ownerUnit()));
      }
    }
    p.removeIf(keep.negate());
    lines = p.size();
    if (!p.isEmpty()) {
      enforcer.addPolicies(p);
    }
    if (shared != null) {
      // the shard evaluates g and g2 through the full enforcer's role managers: the same links,
      // built once (the matcher reads the assertion's manager, setRoleManager the enforcer's map)
      for (String ptype : List.of("g", "g2")) {
        RoleManager rm = shared.enforcer.getNamedRoleManager(ptype);
        enforcer.setRoleManager(ptype, rm);
        enforcer.getModel().model.get("g").get(ptype).rm = rm;
      }
      return;
    }
    List<List<String>> g = new ArrayList<>();
    for (int i = 0; i < org.roleIds.size(); i++) {
      String parent = org.roleParents.get(i);
      if (parent != null) {
        g.add(List.of(parent, org.roleIds.get(i)));
      }
    }
    for (User u : org.users) {
      for (RoleId role : u.roles()) {
        g.add(List.of(u.id().value(), role.value()));
        g.add(List.of(u.id().value(), "holder:" + role.value()));
      }
    }
    List<List<String>> g2 = new ArrayList<>();
    for (OrgUnitId unit : org.units.nodes()) {
      org.units.parent(unit).ifPresent(up -> g2.add(List.of(unit.value(), up.value())));
    }
    enforcer.addGroupingPolicies(g);
    enforcer.addNamedGroupingPolicies("g2", g2);
    enforcer.buildRoleLinks();
  }

  static String scope(Scope s) {
    switch (s) {
      case OWN:
        return "own";
      case ORG_UNIT:
        return "unit";
      case ORG_UNIT_AND_BELOW:
        return "below";
      case ALL:
        return "all";
      default:
        throw new IllegalArgumentException("scope not in the comparison: " + s);
    }
  }

  boolean enforce(User u, Action a, AccessRecord r) {
    return enforcer.enforce(u.id().value(), r.type().name(), a.label(), r.owner().value(),
        r.orgUnit().value(), u.orgUnit().value());
  }

  /** One enforcer per shard, all sharing the role managers of a full enforcer. */
  static final class Sharded {
    /** By type index, then by action ordinal (a single column when not sharded by action). */
    final CasbinResourceRoles[][] shards;
    final Map<org.crmkit.permissions.ObjectType, Integer> typeIndex = new HashMap<>();
    final boolean byAction;

    /** Shards by object type, or by (object type, action) when {@code byAction}. */
    Sharded(PermissionsOrg org, CasbinResourceRoles links, boolean byAction) {
      this.byAction = byAction;
      List<org.crmkit.permissions.ObjectType> types = PermissionsOrg.TYPES;
      shards = new CasbinResourceRoles[types.size()][byAction ? Action.values().length : 1];
      for (int t = 0; t < types.size(); t++) {
        String type = types.get(t).name();
        typeIndex.put(types.get(t), t);
        if (byAction) {
          for (Action a : Action.values()) {
            shards[t][a.ordinal()] = new CasbinResourceRoles(org,
                line -> line.get(1).equals(type) && line.get(2).equals(a.label()), links);
          }
        } else {
          shards[t][0] = new CasbinResourceRoles(org, line -> line.get(1).equals(type), links);
        }
      }
    }

    /** The number of enforcers. */
    int count() {
      return shards.length * shards[0].length;
    }

    boolean enforce(User u, Action a, AccessRecord r) {
      Integer t = typeIndex.get(r.type());
      if (t == null) {
        return false;
      }
      CasbinResourceRoles shard = shards[t][byAction ? a.ordinal() : 0];
      return shard.lines > 0 && shard.enforce(u, a, r);
    }
  }
}

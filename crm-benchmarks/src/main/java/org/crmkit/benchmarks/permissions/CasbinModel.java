package org.crmkit.benchmarks.permissions;

import java.util.ArrayList;
import java.util.List;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.Util;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.Scope;

/**
 * The benchmark organisation in jCasbin: RBAC with a role hierarchy and domains (domain = org
 * unit of the record). Each crmkit role R becomes one Casbin role per scope ({@code R#OWN}, {@code
 * R#ORG_UNIT}, {@code R#ORG_UNIT_AND_BELOW}, {@code R#ALL}); the role hierarchy becomes links
 * {@code g(parent#S, child#S, *)} (a parent inherits its children's permissions; {@code *} matches
 * every domain); a user holds {@code R#ORG_UNIT} in their own unit, {@code R#ORG_UNIT_AND_BELOW}
 * in every unit of their subtree, {@code R#ALL} in {@code *}, and every {@code R#S} in the pseudo
 * domain {@code own}, which the matcher consults when the record's owner is the user. A sharing
 * rule (owned in unit U and below, shared with role R) is a Casbin role {@code share-i} that
 * {@code holder:R} holds in every unit of U's subtree.
 */
final class CasbinModel {
  static final String MODEL = String.join("\n",
      "[request_definition]",
      "r = sub, dom, obj, act, owner",
      "[policy_definition]",
      "p = sub, obj, act",
      "[role_definition]",
      "g = _, _, _",
      "[policy_effect]",
      "e = some(where (p.eft == allow))",
      "[matchers]",
      "m = r.obj == p.obj && r.act == p.act && (g(r.sub, p.sub, r.dom)"
          + " || (r.owner == r.sub && g(r.sub, p.sub, \"own\")))");

  static final Scope[] SCOPES = {Scope.OWN, Scope.ORG_UNIT, Scope.ORG_UNIT_AND_BELOW, Scope.ALL};

  final Enforcer enforcer;

  CasbinModel(PermissionsOrg org) {
    Util.enableLog = false;
    enforcer = new Enforcer(Model.newModelFromString(MODEL));
    enforcer.enableLog(false);
    enforcer.enableAutoBuildRoleLinks(false);
    enforcer.addNamedDomainMatchingFunc("g", "star",
        (a, b) -> a.equals(b) || "*".equals(b));
    List<List<String>> p = new ArrayList<>();
    for (PermissionsOrg.Grant g : org.grants) {
      for (Action a : g.actions()) {
        p.add(List.of(g.role() + "#" + g.scope(), g.type().name(), a.label()));
      }
    }
    for (PermissionsOrg.Rule r : org.rules) {
      for (Action a : r.actions()) {
        p.add(List.of(r.id(), r.type().name(), a.label()));
      }
    }
    List<List<String>> g = new ArrayList<>();
    for (int i = 0; i < org.roleIds.size(); i++) {
      String parent = org.roleParents.get(i);
      if (parent != null) {
        for (Scope s : SCOPES) {
          g.add(List.of(parent + "#" + s, org.roleIds.get(i) + "#" + s, "*"));
        }
      }
    }
    for (User u : org.users) {
      String id = u.id().value();
      for (RoleId role : u.roles()) {
        String r = role.value();
        for (Scope s : SCOPES) {
          g.add(List.of(id, r + "#" + s, "own"));
        }
        g.add(List.of(id, r + "#" + Scope.ORG_UNIT, u.orgUnit().value()));
        g.add(List.of(id, r + "#" + Scope.ALL, "*"));
        g.add(List.of(id, "holder:" + r, "*"));
        g.add(List.of(id, r + "#" + Scope.ORG_UNIT_AND_BELOW, u.orgUnit().value()));
        for (OrgUnitId d : org.units.descendants(u.orgUnit())) {
          g.add(List.of(id, r + "#" + Scope.ORG_UNIT_AND_BELOW, d.value()));
        }
      }
    }
    for (PermissionsOrg.Rule r : org.rules) {
      OrgUnitId top = OrgUnitId.of(r.ownerUnit());
      g.add(List.of("holder:" + r.role(), r.id(), top.value()));
      for (OrgUnitId d : org.units.descendants(top)) {
        g.add(List.of("holder:" + r.role(), r.id(), d.value()));
      }
    }
    enforcer.addPolicies(p);
    enforcer.addGroupingPolicies(g);
    enforcer.buildRoleLinks();
  }

  boolean enforce(User u, Action a, AccessRecord r) {
    return enforcer.enforce(u.id().value(), r.orgUnit().value(), r.type().name(), a.label(),
        r.owner().value());
  }
}

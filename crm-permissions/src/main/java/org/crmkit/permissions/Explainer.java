package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Explains a decision by walking the definitions (not the indexes), so an explanation is an
 * independent second evaluation of the same semantics. Package-private.
 */
final class Explainer {
  private Explainer() {}

  static AccessDecision.Explanation explain(Compiled c, User u, Action a, AccessRecord r) {
    ObjectType t = r.type();
    String what = a.label() + " on " + t + " '" + r.id() + "'";
    if (!u.active()) {
      return deny(AccessDecision.Basis.INACTIVE_USER, null, "user '" + u.id() + "' is inactive");
    }
    List<Module> covering = new ArrayList<>();
    for (PolicyDefinitions.ModuleDef m : c.moduleDefs) {
      if (m.objectTypes().contains(t) && !covering.contains(m.id())) {
        covering.add(m.id());
      }
    }
    if (!covering.isEmpty() && covering.stream().noneMatch(m -> moduleEnabled(c, u, m))) {
      return deny(AccessDecision.Basis.MODULE_DISABLED, null,
          "object type '" + t + "' is in module(s) " + covering + ", none of which is allocated to"
              + " the user's roles " + new java.util.TreeSet<>(u.roles()) + " or org unit '"
              + u.orgUnit() + "' (or a unit above it)");
    }
    for (PolicyDefinitions.Deny d : c.defs.denies()) {
      if (d.appliesTo(t, a) && c.member(u, d.who()) && Defs.all(d.when(), r)) {
        return deny(AccessDecision.Basis.DENY_RULE, d.id(),
            "deny rule '" + d.id() + "' (" + d.who() + (d.when().isEmpty() ? "" : ", when "
                + d.when()) + ") forbids " + what + "; a deny overrides every grant");
      }
    }
    List<String> considered = new ArrayList<>();
    AccessDecision.Explanation own = base(c, u, a, r, considered);
    if (own != null) {
      return own;
    }
    if (c.defs.hierarchyAccess().contains(t)) {
      User owner = directoryUser(c, r.owner());
      int ui = c.mgmt.indexOf(u.id());
      if (owner != null && ui >= 0 && c.mgmt.isAncestorOf(u.id(), owner.id())) {
        List<String> ownerLines = new ArrayList<>();
        AccessDecision.Explanation via = base(c, owner, a, r, ownerLines);
        List<UserId> chain = new ArrayList<>();
        chain.add(owner.id());
        for (UserId m : c.mgmt.ancestors(owner.id())) {
          chain.add(m);
          if (m.equals(u.id())) {
            break;
          }
        }
        String reports = "owner '" + owner.id() + "' reports to '" + u.id() + "' (" + arrows(chain)
            + ") and hierarchy access is on for " + t;
        if (via != null) {
          List<String> lines = new ArrayList<>();
          lines.add(reports + "; the owner's own access: " + via.lines().get(0));
          return new AccessDecision.Explanation(true, AccessDecision.Basis.MANAGER_HIERARCHY,
              via.ruleId(), List.copyOf(lines));
        }
        considered.add(reports + ", but the owner may not " + a.label() + " it either");
      } else {
        considered.add("hierarchy access is on for " + t + ", but owner '" + r.owner()
            + "' does not report to '" + u.id() + "'");
      }
    } else {
      considered.add("hierarchy access is off for " + t);
    }
    List<String> lines = new ArrayList<>();
    lines.add("nothing grants " + what + " to '" + u.id() + "' (default deny); considered:");
    lines.addAll(considered);
    return new AccessDecision.Explanation(false, AccessDecision.Basis.NO_GRANT, null,
        List.copyOf(lines));
  }

  private static AccessDecision.@Nullable Explanation base(Compiled c, User u, Action a,
      AccessRecord r, List<String> considered) {
    ObjectType t = r.type();
    boolean anyGrant = false;
    List<RoleId> held = new ArrayList<>(u.roles());
    Collections.sort(held);
    for (RoleId h : held) {
      if (!c.roles.contains(h)) {
        continue;
      }
      for (int i = 0; i < c.defs.grants().size(); i++) {
        PolicyDefinitions.Grant g = c.defs.grants().get(i);
        RoleId gr = RoleId.of(g.role());
        if (!g.objectType().equals(t) || !g.actions().contains(a) || !c.roles.isInSubtree(h, gr)) {
          continue;
        }
        anyGrant = true;
        String via = "role '" + h + "'" + (gr.equals(h) ? ""
            : " inherits from role '" + gr + "' below it (" + roleChain(c.roles, h, gr) + ")")
            + " grants " + a.label() + " on " + t + " at scope " + g.scope().label()
            + " [grants[" + i + "]]";
        String missing = scopeMiss(c, u, g.scope(), r);
        if (missing == null) {
          return allow(AccessDecision.Basis.GRANT, "grants[" + i + "]", via);
        }
        considered.add(via + ": " + missing);
      }
    }
    if (!anyGrant) {
      considered.add("no role of '" + u.id() + "' " + new java.util.TreeSet<>(u.roles())
          + " (nor a role below them) grants " + a.label() + " on " + t);
    }
    User owner = directoryUser(c, r.owner());
    for (PolicyDefinitions.SharingRule s : c.defs.sharingRules()) {
      if (!s.appliesTo(t, a)) {
        continue;
      }
      String rule = "sharing rule '" + s.id() + "' shares " + (s.ownedBy() != null
          ? "records owned by " + s.ownedBy() : "records with " + s.when()) + " with "
          + s.sharedWith() + " for " + labels(s.actions());
      if (!c.member(u, s.sharedWith())) {
        considered.add(rule + ": '" + u.id() + "' is not in " + s.sharedWith());
        continue;
      }
      if (s.ownedBy() != null) {
        if (owner != null && c.member(owner, s.ownedBy())) {
          return allow(AccessDecision.Basis.SHARING_RULE, s.id(), rule);
        }
        considered.add(rule + ": owner '" + r.owner() + "' is not in " + s.ownedBy());
      } else {
        if (Defs.all(s.when(), r)) {
          return allow(AccessDecision.Basis.SHARING_RULE, s.id(), rule);
        }
        considered.add(rule + ": the record's attributes " + r.attributes() + " do not match");
      }
    }
    for (PolicyDefinitions.RecordTeam rt : c.defs.recordTeams()) {
      if (rt.objectType().equals(t) && rt.actions().contains(a) && r.members().contains(u.id())) {
        return allow(AccessDecision.Basis.RECORD_TEAM, null, "'" + u.id()
            + "' is on the record team, which may " + labels(rt.actions()) + " records of " + t);
      }
    }
    for (PolicyDefinitions.ManualShare m : c.defs.manualShares()) {
      if (m.objectType().equals(t) && m.record().equals(r.id()) && m.actions().contains(a)
          && c.member(u, m.with())) {
        return allow(AccessDecision.Basis.MANUAL_SHARE, null, "the record is shared manually with "
            + m.with() + " for " + labels(m.actions()));
      }
    }
    return null;
  }

  /** Why a scope does not reach the record, or null when it does. */
  private static @Nullable String scopeMiss(Compiled c, User u, Scope scope, AccessRecord r) {
    if (scope == Scope.ALL) {
      return null;
    }
    if (scope != Scope.NONE && r.owner().equals(u.id())) {
      return null;
    }
    switch (scope) {
      case NONE:
        return "scope none reaches no record";
      case OWN:
        return "the record is owned by '" + r.owner() + "', not '" + u.id() + "'";
      case TEAM: {
        if (r.team().isPresent() && u.teams().contains(r.team().get())) {
          return null;
        }
        User owner = directoryUser(c, r.owner());
        if (owner != null && !Collections.disjoint(owner.teams(), u.teams())) {
          return null;
        }
        return "the record's team " + r.team().map(x -> "'" + x + "'").orElse("(none)")
            + " is not one of the user's teams " + u.teams() + " and owner '" + r.owner()
            + "' shares no team with the user";
      }
      case ORG_UNIT:
        return r.orgUnit().equals(u.orgUnit()) ? null
            : "the record's org unit '" + r.orgUnit() + "' is not the user's unit '"
                + u.orgUnit() + "'";
      case ORG_UNIT_AND_BELOW: {
        Hierarchy<OrgUnitId> h = c.orgUnits;
        if (h.contains(u.orgUnit()) && h.contains(r.orgUnit())
            && h.isInSubtree(u.orgUnit(), r.orgUnit())) {
          return null;
        }
        return "the record's org unit '" + r.orgUnit() + "' is not '" + u.orgUnit()
            + "' or below it";
      }
      case TERRITORY: {
        Hierarchy<TerritoryId> h = c.territories;
        Optional<TerritoryId> rt = r.territory();
        if (rt.isPresent() && h.contains(rt.get())) {
          for (TerritoryId ut : u.territories()) {
            if (h.contains(ut) && h.isInSubtree(ut, rt.get())) {
              return null;
            }
          }
        }
        return "the record's territory " + rt.map(x -> "'" + x + "'").orElse("(none)")
            + " is not in the user's territories " + u.territories() + " or below them";
      }
      default:
        return null;
    }
  }

  static boolean moduleEnabled(Compiled c, User u, Module m) {
    for (PolicyDefinitions.Allocation al : c.defs.allocations()) {
      if (!al.modules().contains(m)) {
        continue;
      }
      if (al.role() != null) {
        RoleId target = RoleId.of(al.role());
        for (RoleId h : u.roles()) {
          if (c.roles.contains(h) && c.roles.isInSubtree(h, target)) {
            return true;
          }
        }
      } else if (al.orgUnit() != null) {
        OrgUnitId top = OrgUnitId.of(al.orgUnit());
        if (c.orgUnits.contains(u.orgUnit()) && c.orgUnits.isInSubtree(top, u.orgUnit())) {
          return true;
        }
      }
    }
    return false;
  }

  static @Nullable User directoryUser(Compiled c, UserId id) {
    Subject s = c.subjects.get(id);
    return s == null ? null : s.user;
  }

  private static String roleChain(Hierarchy<RoleId> roles, RoleId top, RoleId below) {
    List<RoleId> chain = new ArrayList<>();
    chain.add(below);
    for (RoleId p : roles.ancestors(below)) {
      chain.add(p);
      if (p.equals(top)) {
        break;
      }
    }
    Collections.reverse(chain);
    return arrows(chain);
  }

  private static String arrows(List<?> chain) {
    StringBuilder b = new StringBuilder();
    for (Object o : chain) {
      b.append(b.length() == 0 ? "" : " > ").append(o);
    }
    return b.toString();
  }

  private static String labels(java.util.Set<Action> actions) {
    return actions.stream().sorted().map(Action::label).toList().toString();
  }

  private static AccessDecision.Explanation allow(AccessDecision.Basis basis,
      @Nullable String ruleId, String line) {
    return new AccessDecision.Explanation(true, basis, ruleId, List.of(line));
  }

  private static AccessDecision.Explanation deny(AccessDecision.Basis basis,
      @Nullable String ruleId, String line) {
    return new AccessDecision.Explanation(false, basis, ruleId, List.of(line));
  }
}

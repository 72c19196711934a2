package org.crmkit.permissions;

import java.util.Map;
import java.util.Objects;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately naive evaluator straight from the definitions of a {@link World}: no indexes, no
 * compilation, parent pointers walked every time. The production engine must agree with it.
 */
final class ReferenceEvaluator {
  private final World w;

  ReferenceEvaluator(World w) {
    this.w = w;
  }

  boolean allowed(User u, Action a, AccessRecord r) {
    if (!u.active()) {
      return false;
    }
    boolean covered = false;
    boolean enabled = false;
    for (Map.Entry<Module, java.util.List<ObjectType>> m : w.modules.entrySet()) {
      if (m.getValue().contains(r.type())) {
        covered = true;
        enabled |= moduleEnabled(u, m.getKey());
      }
    }
    if (covered && !enabled) {
      return false;
    }
    for (World.Deny d : w.denies) {
      boolean typeOk = d.types().isEmpty() || d.types().contains(r.type());
      boolean actionOk = d.actions().isEmpty() || d.actions().contains(a);
      if (typeOk && actionOk && member(u, d.who()) && conditions(d.when(), r)) {
        return false;
      }
    }
    if (base(u, a, r)) {
      return true;
    }
    if (w.hierarchy.contains(r.type())) {
      User owner = directory(r.owner());
      if (owner != null && !owner.id().equals(u.id()) && reportsTo(owner, u.id())
          && base(owner, a, r)) {
        return true;
      }
    }
    return false;
  }

  private boolean base(User u, Action a, AccessRecord r) {
    for (World.Grant g : w.grants) {
      if (g.type().equals(r.type()) && g.actions().contains(a) && reaches(u, g.role())
          && scope(g.scope(), u, r)) {
        return true;
      }
    }
    for (World.Share s : w.sharing) {
      if ((!s.types().isEmpty() && !s.types().contains(r.type())) || !s.actions().contains(a)
          || !member(u, s.with())) {
        continue;
      }
      if (s.ownedBy() != null) {
        User owner = directory(r.owner());
        if (owner != null && member(owner, s.ownedBy())) {
          return true;
        }
      } else if (conditions(s.when(), r)) {
        return true;
      }
    }
    java.util.Set<Action> team = w.recordTeams.get(r.type());
    if (team != null && team.contains(a) && r.members().contains(u.id())) {
      return true;
    }
    for (World.Manual m : w.manual) {
      if (m.type().equals(r.type()) && m.recordId().equals(r.id()) && m.actions().contains(a)
          && member(u, m.with())) {
        return true;
      }
    }
    return false;
  }

  private boolean scope(Scope s, User u, AccessRecord r) {
    if (s == Scope.NONE) {
      return false;
    }
    if (s == Scope.ALL || r.owner().equals(u.id())) {
      return true;
    }
    switch (s) {
      case TEAM: {
        if (r.team().isPresent() && u.teams().contains(r.team().get())) {
          return true;
        }
        User owner = directory(r.owner());
        if (owner != null) {
          for (TeamId t : owner.teams()) {
            if (u.teams().contains(t)) {
              return true;
            }
          }
        }
        return false;
      }
      case ORG_UNIT:
        return r.orgUnit().equals(u.orgUnit());
      case ORG_UNIT_AND_BELOW:
        return w.orgParent.containsKey(u.orgUnit().value())
            && atOrBelow(w.orgParent, r.orgUnit().value(), u.orgUnit().value());
      case TERRITORY:
        if (r.territory().isEmpty()) {
          return false;
        }
        for (TerritoryId t : u.territories()) {
          if (atOrBelow(w.territoryParent, r.territory().get().value(), t.value())) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  /** Whether node is top or below it, walking parent pointers; unknown nodes are nowhere. */
  private static boolean atOrBelow(Map<String, @Nullable String> parents, String node, String top) {
    if (!parents.containsKey(node)) {
      return false;
    }
    for (String n = node; n != null; n = parents.get(n)) {
      if (n.equals(top)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one of u's roles is {@code role} or above it (a parent inherits its children). */
  private boolean reaches(User u, String role) {
    for (RoleId h : u.roles()) {
      if (atOrBelow(w.roleParent, role, h.value())) {
        return true;
      }
    }
    return false;
  }

  private boolean moduleEnabled(User u, Module m) {
    for (World.Alloc al : w.allocations) {
      if (!al.modules().contains(m)) {
        continue;
      }
      if (al.role() != null && reaches(u, al.role())) {
        return true;
      }
      if (al.unit() != null && atOrBelow(w.orgParent, u.orgUnit().value(), al.unit())) {
        return true;
      }
    }
    return false;
  }

  boolean member(User u, Group g) {
    switch (g.kind()) {
      case USER:
        return u.id().value().equals(g.id());
      case ROLE:
        return u.roles().contains(RoleId.of(g.id()));
      case ROLE_AND_BELOW:
        for (RoleId h : u.roles()) {
          if (atOrBelow(w.roleParent, h.value(), g.id())) {
            return true;
          }
        }
        return false;
      case TEAM:
        return u.teams().contains(TeamId.of(g.id()));
      case ORG_UNIT:
        return u.orgUnit().value().equals(g.id());
      case ORG_UNIT_AND_BELOW:
        return atOrBelow(w.orgParent, u.orgUnit().value(), g.id());
      default:
        return true;
    }
  }

  private static boolean conditions(java.util.List<Condition> when, AccessRecord r) {
    for (Condition c : when) {
      String v = r.attributes().get(c.attribute());
      if (v == null || !c.values().contains(v)) {
        return false;
      }
    }
    return true;
  }

  private boolean reportsTo(User owner, UserId manager) {
    User u = owner;
    for (int guard = 0; guard <= w.users.size() && u.manager().isPresent(); guard++) {
      if (u.manager().get().equals(manager)) {
        return true;
      }
      u = Objects.requireNonNull(directory(u.manager().get()));
    }
    return false;
  }

  private @Nullable User directory(UserId id) {
    for (User u : w.users) {
      if (u.id().equals(id)) {
        return u;
      }
    }
    return null;
  }
}

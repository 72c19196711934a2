package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;

/** Builds the access predicate of a user from the compiled policy. Package-private. */
final class Predicates {
  private Predicates() {}

  static AccessPredicate of(Compiled c, Subject s, Action action, ObjectType type) {
    int t = c.typeIndexOf(type);
    if (!s.active || !s.typeEnabled[t]) {
      return AccessPredicate.FALSE;
    }
    int slot = t * Compiled.ACTIONS + action.ordinal();
    List<AccessPredicate> denied = new ArrayList<>();
    PolicyDefinitions.Deny[] denies = s.denies[slot];
    if (denies != null) {
      for (PolicyDefinitions.Deny d : denies) {
        denied.add(conditions(d.when()));
      }
    }
    List<AccessPredicate> allowed = new ArrayList<>();
    allowed.add(base(c, s, t, slot));
    if (c.hierarchyOn[t] && s.mgmtPos >= 0) {
      Set<UserId> full = new HashSet<>();
      for (int p = s.mgmtPos + 1; p < s.mgmtEnd; p++) {
        Subject o = Checks.entry(c.subjects, c.mgmt.nodeAt(p));
        AccessPredicate bound = boundBase(c, o, t, slot);
        if (bound.equals(AccessPredicate.TRUE)) {
          full.add(o.id);
        } else if (!bound.equals(AccessPredicate.FALSE)) {
          allowed.add(AccessPredicate.and(List.of(new AccessPredicate.OwnerIn(Set.of(o.id)), bound)));
        }
      }
      if (!full.isEmpty()) {
        allowed.add(new AccessPredicate.OwnerIn(full));
      }
    }
    return AccessPredicate.and(List.of(AccessPredicate.or(allowed),
        AccessPredicate.not(AccessPredicate.or(denied))));
  }

  private static AccessPredicate conditions(List<Condition> when) {
    List<AccessPredicate> parts = new ArrayList<>();
    for (Condition cond : when) {
      parts.add(new AccessPredicate.AttributeIn(cond));
    }
    return AccessPredicate.and(parts);
  }

  /** Grants and shares of {@code s}, for any owner. */
  private static AccessPredicate base(Compiled c, Subject s, int t, int slot) {
    List<AccessPredicate> parts = new ArrayList<>();
    int m = s.scopes[slot];
    if (m != 0) {
      if ((m & Compiled.ALL) != 0) {
        return AccessPredicate.TRUE;
      }
      Set<UserId> owners = new HashSet<>();
      owners.add(s.id);
      if ((m & Compiled.ORG_UNIT) != 0) {
        parts.add(new AccessPredicate.OrgUnitIn(Set.of(s.user.orgUnit())));
      }
      if ((m & Compiled.ORG_BELOW) != 0 && s.orgPos >= 0) {
        Set<OrgUnitId> units = new HashSet<>();
        for (int p = s.orgPos; p < s.orgEnd; p++) {
          units.add(c.orgUnits.nodeAt(p));
        }
        parts.add(new AccessPredicate.OrgUnitIn(units));
      }
      if ((m & Compiled.TERRITORY) != 0 && s.territoryIntervals.length > 0) {
        Set<TerritoryId> ts = new HashSet<>();
        int[] iv = s.territoryIntervals;
        for (int i = 0; i < iv.length; i += 2) {
          for (int p = iv[i]; p < iv[i + 1]; p++) {
            ts.add(c.territories.nodeAt(p));
          }
        }
        parts.add(new AccessPredicate.TerritoryIn(ts));
      }
      if ((m & Compiled.TEAM) != 0) {
        if (!s.teams.isEmpty()) {
          parts.add(new AccessPredicate.TeamIn(s.teams));
        }
        if (s.teamIdx.length > 0) {
          for (Subject o : c.directory) {
            if (s.sharesTeamWith(o)) {
              owners.add(o.id);
            }
          }
        }
      }
      parts.add(new AccessPredicate.OwnerIn(owners));
    }
    int[] sources = s.ownerSources[slot];
    if (sources != null) {
      Set<UserId> owners = new HashSet<>();
      for (Subject o : c.directory) {
        for (int g : sources) {
          if (o.inGroup(g)) {
            owners.add(o.id);
            break;
          }
        }
      }
      parts.add(new AccessPredicate.OwnerIn(owners));
    }
    sharing(c, s, t, slot, parts);
    return AccessPredicate.or(parts);
  }

  /** Grants and shares of {@code o} on records that {@code o} owns. */
  private static AccessPredicate boundBase(Compiled c, Subject o, int t, int slot) {
    if (o.scopes[slot] != 0) {
      return AccessPredicate.TRUE;
    }
    int[] sources = o.ownerSources[slot];
    if (sources != null) {
      for (int g : sources) {
        if (o.inGroup(g)) {
          return AccessPredicate.TRUE;
        }
      }
    }
    List<AccessPredicate> parts = new ArrayList<>();
    sharing(c, o, t, slot, parts);
    return AccessPredicate.or(parts);
  }

  /** Criteria rules, record team, manual shares. */
  private static void sharing(Compiled c, Subject s, int t, int slot, List<AccessPredicate> parts) {
    PolicyDefinitions.SharingRule[] criteria = s.criteriaRules[slot];
    if (criteria != null) {
      for (PolicyDefinitions.SharingRule rule : criteria) {
        parts.add(conditions(rule.when()));
      }
    }
    if (c.recordTeamSlot[slot]) {
      parts.add(new AccessPredicate.MemberIs(s.id));
    }
    Map<String, List<PolicyDefinitions.ManualShare>> manual = c.manualByType[t];
    if (manual != null) {
      Action a = Compiled.ACTION_VALUES[slot - t * Compiled.ACTIONS];
      Set<String> ids = new HashSet<>();
      manual.forEach((id, shares) -> {
        for (PolicyDefinitions.ManualShare share : shares) {
          if (share.actions().contains(a) && c.member(s.user, share.with())) {
            ids.add(id);
            break;
          }
        }
      });
      if (!ids.isEmpty()) {
        parts.add(new AccessPredicate.IdIn(ids));
      }
    }
  }
}

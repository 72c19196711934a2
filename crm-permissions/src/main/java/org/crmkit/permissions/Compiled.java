package org.crmkit.permissions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/** The indexed form of a policy and its hot path. Immutable after construction; package-private. */
// every field is set by Compiler.compile before the instance is published: an initialisation
// NullAway cannot follow (it suppresses only the field-initialisation check)
@SuppressWarnings("NullAway.Init")
final class Compiled {
  static final Action[] ACTION_VALUES = Action.values();
  static final int ACTIONS = ACTION_VALUES.length;
  static final int OWN = 1 << Scope.OWN.ordinal();
  static final int TEAM = 1 << Scope.TEAM.ordinal();
  static final int ORG_UNIT = 1 << Scope.ORG_UNIT.ordinal();
  static final int ORG_BELOW = 1 << Scope.ORG_UNIT_AND_BELOW.ordinal();
  static final int TERRITORY = 1 << Scope.TERRITORY.ordinal();
  static final int ALL = 1 << Scope.ALL.ordinal();
  static final int ANY = OWN | TEAM | ORG_UNIT | ORG_BELOW | TERRITORY | ALL;

  PolicyDefinitions defs;
  /** The custom modules, then the standard modules if the definitions declare them. */
  List<PolicyDefinitions.ModuleDef> moduleDefs;
  Organisation org;
  Hierarchy<RoleId> roles;
  Hierarchy<UserId> mgmt;
  Hierarchy<OrgUnitId> orgUnits;
  Hierarchy<TerritoryId> territories;
  /** Known types; a record of any other type uses index {@code types.size()} ("other"). */
  List<ObjectType> types;
  ObjectType[] typeArray;
  Map<ObjectType, Integer> typeIndex;
  int otherType;
  int[][] roleScopes; // by role position, effective (own + roles below)
  int[] rolePrivileges; // effective
  long[] roleModules; // effective
  long[] orgModules; // by org position: allocated to the unit or a unit above it
  long[] typeModules; // by type index; 0 = not in any module
  List<Module> modules;
  boolean[] hierarchyOn; // by type index
  boolean[] recordTeamSlot; // by slot
  List<Group> groups;
  Map<Group, Integer> groupIndex;
  long[][] roleGroups; // by role position
  long[][] orgGroups; // by org position
  Map<String, long[]> userGroups;
  Map<TeamId, long[]> teamGroups;
  long[] everyoneGroups;
  Map<TeamId, Integer> teamIndex;
  @Nullable Map<String, List<PolicyDefinitions.ManualShare>>[] manualByType;
  Map<ObjectType, Map<String, Map<RoleId, FieldAccess>>> fieldRules;
  Map<UserId, Subject> subjects;
  Subject[] directory;
  /** {@code subjects.get(mgmt.nodeAt(p))} for every management position {@code p}. */
  @Nullable Subject[] subjectAtMgmt;
  /**
   * By management position: the directory user's org-unit id object and its org-unit position
   * (-1 if unknown), so that a record whose unit is that very object (a host that fills records
   * from its user objects) needs no unit look-up.
   */
  @Nullable OrgUnitId[] ownerUnit;
  int[] ownerUnitPos;

  int slots() {
    return (types.size() + 1) * ACTIONS;
  }

  /**
   * The known types by the spread hash of their names: {@code typeSlot[i]} has index {@code
   * typeSlotIndex[i]}; sized so that no two known types share a slot (a one-slot empty table when
   * no such size up to 1,024 exists, so every look-up takes {@link #typeIndexScan}).
   */
  @Nullable ObjectType[] typeSlot;
  int[] typeSlotIndex;
  int typeMask;

  static int typeHash(ObjectType t) {
    int h = t.name().hashCode();
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  /** Fills {@link #typeSlot} for {@link #typeArray}. */
  void indexTypes() {
    for (int size = 16; size <= 1024; size <<= 1) {
      @Nullable ObjectType[] slots = new ObjectType[size];
      int[] index = new int[size];
      boolean clash = false;
      for (int i = 0; i < typeArray.length && !clash; i++) {
        int at = typeHash(typeArray[i]) & (size - 1);
        clash = slots[at] != null;
        slots[at] = typeArray[i];
        index[at] = i;
      }
      if (!clash) {
        typeSlot = slots;
        typeSlotIndex = index;
        typeMask = size - 1;
        return;
      }
    }
    typeSlot = new ObjectType[1];
    typeSlotIndex = new int[1];
    typeMask = 0;
  }

  /**
   * The index of type {@code t}, or {@link #otherType}: one hashed slot (no branch that depends on
   * which type it is), the scan only for a type this policy does not name.
   */
  int typeIndexOf(ObjectType t) {
    int at = typeHash(t) & typeMask;
    ObjectType k = typeSlot[at];
    if (k == t || (k != null && k.name().equals(t.name()))) {
      return typeSlotIndex[at];
    }
    return typeIndexScan(t);
  }

  private int typeIndexScan(ObjectType t) {
    ObjectType[] known = typeArray;
    for (int i = 0; i < known.length; i++) {
      if (known[i] == t) {
        return i;
      }
    }
    Integer i = typeIndex.get(t);
    return i == null ? otherType : i;
  }

  static final byte DENY = 0;
  static final byte ALLOW = 1;
  static final byte EVALUATE = 2;

  /**
   * For bulk filtering: per type index, whether every record of the type is denied, allowed, or
   * must be evaluated one by one, for this subject and action.
   */
  byte[] verdictsByType(Subject s, int action) {
    byte[] out = new byte[types.size() + 1];
    for (int t = 0; t < out.length; t++) {
      int slot = t * ACTIONS + action;
      if (!s.active || !s.typeEnabled[t]) {
        out[t] = DENY;
      } else if ((s.scopes[slot] & ALL) != 0 && s.denies[slot] == null) {
        out[t] = ALLOW;
      } else if (s.scopes[slot] == 0 && s.ownerSources[slot] == null
          && s.criteriaRules[slot] == null && !recordTeamSlot[slot] && manualByType[t] == null
          && !(hierarchyOn[t] && s.mgmtPos >= 0 && s.mgmtEnd - s.mgmtPos > 1)) {
        out[t] = DENY;
      } else {
        out[t] = EVALUATE;
      }
    }
    return out;
  }

  /** The directory's compiled user when it is the same user, otherwise a fresh compilation. */
  Subject subject(User u) {
    Subject s = subjects.get(u.id());
    if (s != null && (s.user == u || s.user.equals(u))) {
      return s;
    }
    return Compiler.subject(this, u);
  }

  /** The directory's compiled user with this id, or a compilation of {@code u}. */
  Subject subjectById(User u) {
    Subject s = subjects.get(u.id());
    return s != null ? s : Compiler.subject(this, u);
  }

  // ---------------------------------------------------------------- the hot path

  boolean allowed(Subject s, int action, AccessRecord r) {
    if (!s.active) {
      return false;
    }
    return allowed(s, action, r, typeIndexOf(r.type()));
  }

  /** {@link #allowed(Subject, int, AccessRecord)} with the record's type index known. */
  boolean allowed(Subject s, int action, AccessRecord r, int t) {
    if (!s.active || !s.typeEnabled[t]) {
      return false;
    }
    int slot = t * ACTIONS + action;
    PolicyDefinitions.Deny[] denies = s.denies[slot];
    if (denies != null) {
      for (PolicyDefinitions.Deny d : denies) {
        if (Defs.all(d.when(), r)) {
          return false;
        }
      }
    }
    if (base(s, t, slot, r)) {
      return true;
    }
    if (hierarchyOn[t] && s.mgmtPos >= 0 && s.mgmtEnd - s.mgmtPos > 1) {
      Subject o = subjects.get(r.owner());
      return o != null && o.mgmtPos > s.mgmtPos && o.mgmtPos < s.mgmtEnd && base(o, t, slot, r);
    }
    return false;
  }

  /** Grants and shares, without module, deny and hierarchy. */
  boolean base(Subject s, int t, int slot, AccessRecord r) {
    int m = s.scopes[slot];
    Subject owner = null;
    if (m != 0) {
      if ((m & ALL) != 0 || same(r.owner().value(), s.id.value())) {
        return true;
      }
      if ((m & ORG_UNIT) != 0 && same(r.orgUnit().value(), s.user.orgUnit().value())) {
        return true;
      }
      if ((m & ORG_BELOW) != 0 && s.orgPos >= 0) {
        int p = orgUnits.indexOf(r.orgUnit());
        if (p >= s.orgPos && p < s.orgEnd) {
          return true;
        }
      }
      if ((m & TERRITORY) != 0 && r.territory().isPresent()) {
        int p = territories.indexOf(r.territory().get());
        int[] iv = s.territoryIntervals;
        for (int i = 0; i < iv.length; i += 2) {
          if (p >= iv[i] && p < iv[i + 1]) {
            return true;
          }
        }
      }
      if ((m & TEAM) != 0) {
        if (r.team().isPresent() && s.teams.contains(r.team().get())) {
          return true;
        }
        owner = subjects.get(r.owner());
        if (owner != null && s.sharesTeamWith(owner)) {
          return true;
        }
      }
    }
    int[] ownerSources = s.ownerSources[slot];
    if (ownerSources != null) {
      if (owner == null) {
        owner = subjects.get(r.owner());
      }
      if (owner != null) {
        for (int g : ownerSources) {
          if (owner.inGroup(g)) {
            return true;
          }
        }
      }
    }
    PolicyDefinitions.SharingRule[] criteria = s.criteriaRules[slot];
    if (criteria != null) {
      for (PolicyDefinitions.SharingRule rule : criteria) {
        if (Defs.all(rule.when(), r)) {
          return true;
        }
      }
    }
    if (recordTeamSlot[slot] && r.members().contains(s.id)) {
      return true;
    }
    Map<String, List<PolicyDefinitions.ManualShare>> manual = manualByType[t];
    if (manual != null) {
      List<PolicyDefinitions.ManualShare> shares = manual.get(r.id());
      if (shares != null) {
        Action a = ACTION_VALUES[slot - t * ACTIONS];
        for (PolicyDefinitions.ManualShare share : shares) {
          if (share.actions().contains(a) && member(s.user, share.with())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * String equality that compares the cached hashes first, so that a mismatch (the usual case on
   * the hot path) never reads the characters of the record's id.
   */
  private static boolean same(String a, String b) {
    return a.hashCode() == b.hashCode() && a.equals(b);
  }

  // ---------------------------------------------------------------- membership

  /** Whether {@code u} is a member of {@code g}, straight from the definitions. */
  boolean member(User u, Group g) {
    switch (g.kind()) {
      case USER:
        return u.id().value().equals(g.id());
      case ROLE:
        return u.roles().contains(RoleId.of(g.id()));
      case ROLE_AND_BELOW: {
        RoleId top = RoleId.of(g.id());
        if (!roles.contains(top)) {
          return false;
        }
        for (RoleId held : u.roles()) {
          if (roles.contains(held) && roles.isInSubtree(top, held)) {
            return true;
          }
        }
        return false;
      }
      case TEAM:
        return u.teams().contains(TeamId.of(g.id()));
      case ORG_UNIT:
        return u.orgUnit().value().equals(g.id());
      case ORG_UNIT_AND_BELOW: {
        OrgUnitId top = OrgUnitId.of(g.id());
        return orgUnits.contains(top) && orgUnits.contains(u.orgUnit())
            && orgUnits.isInSubtree(top, u.orgUnit());
      }
      case EVERYONE:
        return true;
      default:
        throw new IllegalStateException("unknown group kind " + g.kind());
    }
  }

  FieldAccess fieldAccess(User u, ObjectType type, String field) {
    Map<String, Map<RoleId, FieldAccess>> byField = fieldRules.get(type);
    Map<RoleId, FieldAccess> byRole = byField == null ? null : byField.get(field);
    if (byRole == null || u.roles().isEmpty()) {
      return FieldAccess.EDITABLE;
    }
    FieldAccess best = FieldAccess.HIDDEN;
    for (RoleId role : u.roles()) {
      FieldAccess f = byRole.getOrDefault(role, FieldAccess.EDITABLE);
      if (f.compareTo(best) > 0) {
        best = f;
      }
    }
    return best;
  }

  static long[] or(long[] a, long @Nullable [] b) {
    if (b != null) {
      for (int i = 0; i < a.length; i++) {
        a[i] |= b[i];
      }
    }
    return a;
  }

  static int[] sorted(int[] a) {
    Arrays.sort(a);
    return a;
  }

  static <K, V> Map<K, V> map() {
    return new HashMap<>();
  }
}

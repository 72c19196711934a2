package org.crmkit.permissions;

import org.crmkit.core.model.OrgUnitId;
import org.jspecify.annotations.Nullable;

/**
 * One subject's and one action's decisions, prepared for filtering many records. For each object
 * type whose applicable rules look at nothing but the record's owner and org unit (no deny, no
 * territory or team scope, no criteria rule, record team or manual share), a record is decided by
 * its owner's position in the management hierarchy and its unit's position in the org-unit
 * hierarchy: integer comparisons and one byte per owner, where {@link Compiled#allowed} compares
 * id strings and looks owners up in a hash map for every record. Anything the plan cannot decide
 * exactly (an owner or unit the organisation does not know, an owner whose own rules look at the
 * record) it answers {@link #ASK}, and the caller evaluates the record in full, so the result is
 * always that of {@link Compiled#allowed}.
 *
 * <p>Built per {@link AccessPolicy#filter} call, O(types). The per-owner verdicts are computed on
 * first use; threads filtering in parallel may compute the same verdict twice and write the same
 * byte, which is harmless. Package-private.
 */
final class FilterPlan {
  /** A per-owner verdict not computed yet. */
  private static final byte UNKNOWN = 0;
  static final byte NO = 1;
  static final byte YES = 2;
  static final byte ASK = 3;

  /** The plan for one type: which of the owner and unit terms apply and what they accept. */
  private static final class TypePlan {
    final int slot;
    /** Whether the record's owner can allow it (own records, owner-based sharing, hierarchy). */
    final boolean byOwner;
    /**
     * Own records (any granted scope covers them): the subject's management position; -2 without
     * a grant, -1 if the subject is not in the management hierarchy.
     */
    final int ownPos;
    /** Owner-based sharing rules or hierarchy access: a verdict per owner, or null if neither. */
    final byte @Nullable [] ownerVerdict;
    final boolean hierarchy;
    /** Whether the record's org unit can allow it (org-unit scopes). */
    final boolean byUnit;
    /** Org-unit scope: the position of the subject's unit; -2 without the scope, -1 if unknown. */
    final int unitPos;
    /** Org-unit-and-below scope: the subject's unit's subtree [unitFrom, unitTo), else empty. */
    final int unitFrom;
    final int unitTo;

    TypePlan(int slot, int ownPos, byte @Nullable [] ownerVerdict, boolean hierarchy, int unitPos,
        int unitFrom, int unitTo) {
      this.slot = slot;
      this.ownPos = ownPos;
      this.ownerVerdict = ownerVerdict;
      this.hierarchy = hierarchy;
      this.byOwner = ownPos != -2 || ownerVerdict != null;
      this.unitPos = unitPos;
      this.unitFrom = unitFrom;
      this.unitTo = unitTo;
      this.byUnit = unitPos != -2 || unitFrom < unitTo;
    }
  }

  private final Compiled c;
  private final Subject s;
  private final @Nullable TypePlan[] byType;

  private FilterPlan(Compiled c, Subject s, @Nullable TypePlan[] byType) {
    this.c = c;
    this.s = s;
    this.byType = byType;
  }

  /** The plan for {@code s} and {@code action}, given the per-type verdicts of the filter. */
  static FilterPlan of(Compiled c, Subject s, int action, byte[] verdicts) {
    @Nullable TypePlan[] byType = new TypePlan[verdicts.length];
    for (int t = 0; t < verdicts.length; t++) {
      if (verdicts[t] == Compiled.EVALUATE) {
        byType[t] = typePlan(c, s, t, t * Compiled.ACTIONS + action);
      }
    }
    return new FilterPlan(c, s, byType);
  }

  private static @Nullable TypePlan typePlan(Compiled c, Subject s, int t, int slot) {
    int m = s.scopes[slot];
    if (s.denies[slot] != null || (m & (Compiled.ALL | Compiled.TERRITORY | Compiled.TEAM)) != 0
        || s.criteriaRules[slot] != null || c.recordTeamSlot[slot] || c.manualByType[t] != null) {
      return null; // the record's other fields matter: evaluate each record in full
    }
    // every granted scope covers the subject's own records (Compiled.base), not only OWN
    int ownPos = m != 0 ? c.mgmt.indexOf(s.id) : -2;
    boolean hierarchy = c.hierarchyOn[t] && s.mgmtPos >= 0 && s.mgmtEnd - s.mgmtPos > 1;
    byte[] ownerVerdict = s.ownerSources[slot] != null || hierarchy
        ? new byte[c.subjectAtMgmt.length] : null;
    int unitPos = (m & Compiled.ORG_UNIT) != 0 ? c.orgUnits.indexOf(s.user.orgUnit()) : -2;
    boolean below = (m & Compiled.ORG_BELOW) != 0 && s.orgPos >= 0;
    return new TypePlan(slot, ownPos, ownerVerdict, hierarchy, unitPos, below ? s.orgPos : 0,
        below ? s.orgEnd : 0);
  }

  /** {@link #YES}, {@link #NO}, or {@link #ASK} to evaluate the record in full. */
  int decide(AccessRecord r, int t) {
    TypePlan p = byType[t];
    if (p == null) {
      return ASK;
    }
    boolean ask = false;
    int o = -1;
    if (p.byOwner) {
      o = c.mgmt.indexOf(r.owner());
      if (o < 0) {
        return ASK;
      }
      if (o == p.ownPos) {
        return YES;
      }
      byte[] verdicts = p.ownerVerdict;
      if (verdicts != null) {
        byte v = verdicts[o];
        if (v == UNKNOWN) {
          v = ownerVerdict(p, o);
          verdicts[o] = v;
        }
        if (v == YES) {
          return YES;
        }
        ask = v == ASK;
      }
    }
    if (p.byUnit) {
      OrgUnitId unit = r.orgUnit();
      // the owner's own unit object (hosts that fill records from their users): no look-up
      int u = o >= 0 && unit == c.ownerUnit[o] ? c.ownerUnitPos[o] : c.orgUnits.indexOf(unit);
      if (u < 0) {
        return ASK;
      }
      if (u == p.unitPos || (u >= p.unitFrom && u < p.unitTo)) {
        return YES;
      }
    }
    return ask ? ASK : NO;
  }

  /**
   * What the owner at management position {@code o} decides for any record it owns: an owner-based
   * sharing rule of the subject's, or hierarchy access (the owner reports to the subject and the
   * owner's own grants or owner-based rules allow: for a record the owner owns, any own grant does).
   */
  private byte ownerVerdict(TypePlan p, int o) {
    Subject owner = c.subjectAtMgmt[o];
    if (owner == null) {
      return ASK;
    }
    int[] sources = s.ownerSources[p.slot];
    if (sources != null) {
      for (int g : sources) {
        if (owner.inGroup(g)) {
          return YES;
        }
      }
    }
    if (p.hierarchy && owner.mgmtPos > s.mgmtPos && owner.mgmtPos < s.mgmtEnd) {
      if (owner.scopes[p.slot] != 0) {
        return YES;
      }
      int[] own = owner.ownerSources[p.slot];
      if (own != null) {
        for (int g : own) {
          if (owner.inGroup(g)) {
            return YES;
          }
        }
      }
      if (owner.criteriaRules[p.slot] != null) {
        return ASK;
      }
    }
    return NO;
  }
}

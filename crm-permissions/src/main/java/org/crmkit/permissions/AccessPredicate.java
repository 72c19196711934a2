package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;

/**
 * A structured predicate over records, as returned by {@link AccessPolicy#accessPredicate}: owner
 * in …, org unit in …, territory in …, owning team in …, id in …, attribute conditions, record-team
 * membership, and their combinations. {@link #test} evaluates it in memory, {@link #toSql}
 * renders it as a parameterised {@code WHERE} fragment. Immutable and thread-safe.
 */
public sealed interface AccessPredicate {

  /** The constant true. */
  AccessPredicate TRUE = new Constant(true);
  /** The constant false. */
  AccessPredicate FALSE = new Constant(false);

  /** Whether {@code record} satisfies the predicate. */
  boolean test(AccessRecord record);

  /**
   * Renders the predicate as SQL with {@code ?} placeholders; nullable columns (territory, team,
   * attributes) are guarded so that the fragment is two-valued (never UNKNOWN).
   */
  default SqlFragment toSql(SqlMapping mapping) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    Sql.render(this, mapping, sql, params);
    return new SqlFragment(sql.toString(), params);
  }

  /** A constant. @param value the value */
  record Constant(boolean value) implements AccessPredicate {
    @Override
    public boolean test(AccessRecord record) {
      return value;
    }

    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** The owner is one of {@code owners}. @param owners the owners */
  record OwnerIn(Set<UserId> owners) implements AccessPredicate {
    /** Copies the set. */
    public OwnerIn {
      owners = Set.copyOf(owners);
    }

    @Override
    public boolean test(AccessRecord record) {
      return owners.contains(record.owner());
    }

    @Override
    public String toString() {
      return "owner in " + new TreeSet<>(owners);
    }
  }

  /** The org unit is one of {@code units}. @param units the units */
  record OrgUnitIn(Set<OrgUnitId> units) implements AccessPredicate {
    /** Copies the set. */
    public OrgUnitIn {
      units = Set.copyOf(units);
    }

    @Override
    public boolean test(AccessRecord record) {
      return units.contains(record.orgUnit());
    }

    @Override
    public String toString() {
      return "orgUnit in " + new TreeSet<>(units);
    }
  }

  /** The record has a territory, one of {@code territories}. @param territories the territories */
  record TerritoryIn(Set<TerritoryId> territories) implements AccessPredicate {
    /** Copies the set. */
    public TerritoryIn {
      territories = Set.copyOf(territories);
    }

    @Override
    public boolean test(AccessRecord record) {
      return record.territory().isPresent() && territories.contains(record.territory().get());
    }

    @Override
    public String toString() {
      return "territory in " + new TreeSet<>(territories);
    }
  }

  /** The record has an owning team, one of {@code teams}. @param teams the teams */
  record TeamIn(Set<TeamId> teams) implements AccessPredicate {
    /** Copies the set. */
    public TeamIn {
      teams = Set.copyOf(teams);
    }

    @Override
    public boolean test(AccessRecord record) {
      return record.team().isPresent() && teams.contains(record.team().get());
    }

    @Override
    public String toString() {
      return "team in " + new TreeSet<>(teams);
    }
  }

  /** The record id is one of {@code ids}. @param ids the ids */
  record IdIn(Set<String> ids) implements AccessPredicate {
    /** Copies the set. */
    public IdIn {
      ids = Set.copyOf(ids);
    }

    @Override
    public boolean test(AccessRecord record) {
      return ids.contains(record.id());
    }

    @Override
    public String toString() {
      return "id in " + new TreeSet<>(ids);
    }
  }

  /** An attribute condition. @param condition the condition */
  record AttributeIn(Condition condition) implements AccessPredicate {
    @Override
    public boolean test(AccessRecord record) {
      return condition.test(record);
    }

    @Override
    public String toString() {
      return condition.toString();
    }
  }

  /** The user is on the record team. @param user the user */
  record MemberIs(UserId user) implements AccessPredicate {
    @Override
    public boolean test(AccessRecord record) {
      return record.members().contains(user);
    }

    @Override
    public String toString() {
      return "record team contains " + user;
    }
  }

  /** All of the parts hold. @param parts the parts */
  record And(List<AccessPredicate> parts) implements AccessPredicate {
    /** Copies the list. */
    public And {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(AccessRecord record) {
      for (AccessPredicate p : parts) {
        if (!p.test(record)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "(" + String.join(" and ", parts.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** At least one of the parts holds. @param parts the parts */
  record Or(List<AccessPredicate> parts) implements AccessPredicate {
    /** Copies the list. */
    public Or {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean test(AccessRecord record) {
      for (AccessPredicate p : parts) {
        if (p.test(record)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return "(" + String.join(" or ", parts.stream().map(Object::toString).toList()) + ")";
    }
  }

  /** The part does not hold. @param part the negated part */
  record Not(AccessPredicate part) implements AccessPredicate {
    @Override
    public boolean test(AccessRecord record) {
      return !part.test(record);
    }

    @Override
    public String toString() {
      return "not " + part;
    }
  }

  /** A conjunction with constants folded and nested conjunctions flattened. */
  static AccessPredicate and(List<AccessPredicate> parts) {
    List<AccessPredicate> out = new ArrayList<>();
    for (AccessPredicate p : parts) {
      if (p.equals(FALSE)) {
        return FALSE;
      }
      if (p instanceof And a) {
        out.addAll(a.parts());
      } else if (!p.equals(TRUE)) {
        out.add(p);
      }
    }
    return out.isEmpty() ? TRUE : out.size() == 1 ? out.get(0) : new And(out);
  }

  /** A disjunction with constants folded and nested disjunctions flattened. */
  static AccessPredicate or(List<AccessPredicate> parts) {
    List<AccessPredicate> out = new ArrayList<>();
    for (AccessPredicate p : parts) {
      if (p.equals(TRUE)) {
        return TRUE;
      }
      if (p instanceof Or o) {
        out.addAll(o.parts());
      } else if (!p.equals(FALSE)) {
        out.add(p);
      }
    }
    return out.isEmpty() ? FALSE : out.size() == 1 ? out.get(0) : new Or(out);
  }

  /** A negation with constants folded. */
  static AccessPredicate not(AccessPredicate p) {
    return p.equals(TRUE) ? FALSE : p.equals(FALSE) ? TRUE : new Not(p);
  }
}

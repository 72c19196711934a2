package org.crmkit.permissions;

import java.util.Locale;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * A set of users named by one property: a user, a role (optionally with the roles below it), a
 * team, an org unit (optionally with the units below it), or everyone. Used as the source and
 * target of sharing rules, the subject of deny rules and the grantee of manual shares. Immutable.
 *
 * @param kind what the id names
 * @param id the user, role, team or org unit id; {@code "*"} for {@link Kind#EVERYONE}
 */
public record Group(Kind kind, String id) {

  /** What a group's id names. */
  public enum Kind {
    /** One user. */
    USER,
    /** The users holding the role. */
    ROLE,
    /** The users holding the role or any role below it in the role hierarchy. */
    ROLE_AND_BELOW,
    /** The members of a team. */
    TEAM,
    /** The users of one org unit. */
    ORG_UNIT,
    /** The users of an org unit and every unit below it. */
    ORG_UNIT_AND_BELOW,
    /** Every user. */
    EVERYONE;

    /** The camelCase JSON key, e.g. {@code orgUnitAndBelow}. */
    public String label() {
      String[] parts = name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder b = new StringBuilder(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
      }
      return b.toString();
    }
  }

  /**
   * Creates a group.
   *
   * @throws CrmException if {@code kind} is null or {@code id} is blank
   */
  public Group {
    Checks.present("Group.kind", kind);
    Checks.nonBlank("Group.id", id);
  }

  /** One user. */
  public static Group user(String userId) {
    return new Group(Kind.USER, userId);
  }

  /** The holders of a role. */
  public static Group role(String roleId) {
    return new Group(Kind.ROLE, roleId);
  }

  /** The holders of a role or any role below it. */
  public static Group roleAndBelow(String roleId) {
    return new Group(Kind.ROLE_AND_BELOW, roleId);
  }

  /** The members of a team. */
  public static Group team(String teamId) {
    return new Group(Kind.TEAM, teamId);
  }

  /** The users of an org unit. */
  public static Group orgUnit(String orgUnitId) {
    return new Group(Kind.ORG_UNIT, orgUnitId);
  }

  /** The users of an org unit and every unit below it. */
  public static Group orgUnitAndBelow(String orgUnitId) {
    return new Group(Kind.ORG_UNIT_AND_BELOW, orgUnitId);
  }

  /** Every user. */
  public static Group everyone() {
    return new Group(Kind.EVERYONE, "*");
  }

  @Override
  public String toString() {
    return kind == Kind.EVERYONE ? "everyone" : kind.label() + " '" + id + "'";
  }
}

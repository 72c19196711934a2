package org.crmkit.permissions;

import java.util.Locale;
import org.crmkit.core.CrmException;

/**
 * The data scope of a grant, Dynamics-style: which records of an object type a grant reaches.
 * Every scope except {@link #NONE} includes the records the user owns. Immutable enum.
 */
public enum Scope {
  /** No record. */
  NONE,
  /** Records the user owns. */
  OWN,
  /**
   * Records the user owns, records whose owning team is one of the user's teams, and records owned
   * by a user who shares a team with the user.
   */
  TEAM,
  /** Records the user owns and records of the user's own org unit. */
  ORG_UNIT,
  /** Records the user owns and records of the user's org unit or any unit below it. */
  ORG_UNIT_AND_BELOW,
  /** Records the user owns and records whose territory is one of the user's territories or below. */
  TERRITORY,
  /** Every record. */
  ALL;

  /** The kebab-case name used in JSON, e.g. {@code org-unit-and-below}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label such as {@code org-unit-and-below}.
   *
   * @throws CrmException naming the value and the known scopes if it is not one
   */
  public static Scope parse(String label) {
    for (Scope s : values()) {
      if (s.label().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new CrmException("unknown scope '" + label + "'; known: "
        + java.util.Arrays.stream(values()).map(Scope::label).toList());
  }
}

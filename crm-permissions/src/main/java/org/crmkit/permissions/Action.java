package org.crmkit.permissions;

import java.util.Locale;
import org.crmkit.core.CrmException;

/** An action a user performs on a record. Immutable enum. */
public enum Action {
  /** Create a record (checked against the draft record). */
  CREATE,
  /** Read a record. */
  READ,
  /** Update a record. */
  UPDATE,
  /** Delete a record. */
  DELETE,
  /** Assign a record to another owner. */
  ASSIGN,
  /** Share a record with another user. */
  SHARE,
  /** Export a record. */
  EXPORT;

  /** The lower-case name used in JSON documents and the command line, e.g. {@code read}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a label such as {@code read} (case-insensitive).
   *
   * @throws CrmException naming the value and the known actions if it is not an action
   */
  public static Action parse(String label) {
    for (Action a : values()) {
      if (a.label().equalsIgnoreCase(label)) {
        return a;
      }
    }
    throw new CrmException("unknown action '" + label + "'; known: " + labels());
  }

  static String labels() {
    StringBuilder b = new StringBuilder("[");
    for (Action a : values()) {
      b.append(b.length() > 1 ? ", " : "").append(a.label());
    }
    return b.append(']').toString();
  }
}

package org.crmkit.permissions;

import java.util.Locale;
import org.crmkit.core.CrmException;

/** An administrative privilege, granted to roles and not tied to records. Immutable enum. */
public enum AdminPrivilege {
  /** Change system settings. */
  SYSTEM_SETTINGS,
  /** Create, change and deactivate users. */
  USER_MANAGEMENT,
  /** Back up and restore data. */
  DATA_BACKUP,
  /** Assign roles and permissions. */
  PERMISSION_ASSIGNMENT;

  /** The kebab-case name used in JSON, e.g. {@code system-settings}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label such as {@code data-backup}.
   *
   * @throws CrmException naming the value and the known privileges if it is not one
   */
  public static AdminPrivilege parse(String label) {
    for (AdminPrivilege p : values()) {
      if (p.label().equalsIgnoreCase(label)) {
        return p;
      }
    }
    throw new CrmException("unknown privilege '" + label + "'; known: "
        + java.util.Arrays.stream(values()).map(AdminPrivilege::label).toList());
  }
}

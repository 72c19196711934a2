package org.crmkit.core.assignment;

import org.crmkit.core.model.UserId;

/**
 * A pool member passed over for a lead, and why. Immutable value.
 *
 * @param user the member
 * @param reason the reason
 * @param detail specifics, e.g. {@code "5 of 5 this DAY (2026-11-22)"}
 */
public record Skip(UserId user, SkipReason reason, String detail) {
  @Override
  public String toString() {
    return user + " " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}

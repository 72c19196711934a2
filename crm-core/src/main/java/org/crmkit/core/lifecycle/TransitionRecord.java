package org.crmkit.core.lifecycle;

import java.time.Instant;
import org.crmkit.core.internal.Checks;

/**
 * One accepted transition of one subject, as the host appends it to its audit log.
 *
 * <p>Immutable value. {@code version} is the subject's version after this transition: a subject
 * starts at version 0 and each record adds one, which gives optimistic concurrency (see {@link
 * Machine#apply}).
 *
 * @param subjectId the subject (customer, lead, opportunity) id
 * @param from the state left
 * @param to the state entered (equal to {@code from} for an internal transition)
 * @param event the event that caused it
 * @param at when it happened
 * @param actor who or what caused it (a user id, "system", "scheduler")
 * @param version the subject's version after this transition; at least 1
 */
public record TransitionRecord(
    String subjectId, String from, String to, String event, Instant at, String actor, long version) {

  /**
   * Creates the record.
   *
   * @throws org.crmkit.core.CrmException if a string is blank, {@code at} is null or {@code
   *     version < 1}
   */
  public TransitionRecord {
    Checks.nonBlank("subjectId", subjectId);
    Checks.nonBlank("from", from);
    Checks.nonBlank("to", to);
    Checks.nonBlank("event", event);
    Checks.present("at", at);
    Checks.nonBlank("actor", actor);
    if (version < 1) {
      throw new org.crmkit.core.CrmException(
          "version must be >= 1 (the version after the transition), but was " + version);
    }
  }
}

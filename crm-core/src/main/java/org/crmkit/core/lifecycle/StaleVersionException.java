package org.crmkit.core.lifecycle;

import org.crmkit.core.CrmException;

/**
 * Thrown when a {@link TransitionRecord} was computed on a version of a subject that is no longer
 * current (another transition was applied in between): optimistic concurrency. Re-read the subject,
 * decide again, and retry.
 */
public final class StaleVersionException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final String subjectId;
  private final long expectedVersion;
  private final long actualVersion;

  StaleVersionException(String subjectId, long expectedVersion, long actualVersion) {
    super("stale version for subject '" + subjectId + "': the transition was decided on version "
        + expectedVersion + ", but the subject is at version " + actualVersion
        + "; re-read the subject and decide again");
    this.subjectId = subjectId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The subject concerned. */
  public String subjectId() {
    return subjectId;
  }

  /** The version the transition was decided on. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The subject's current version. */
  public long actualVersion() {
    return actualVersion;
  }
}

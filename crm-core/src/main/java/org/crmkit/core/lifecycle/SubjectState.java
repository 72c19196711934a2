package org.crmkit.core.lifecycle;

import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * What the host stores per subject: its id, its current (leaf) state and its version (the number
 * of transitions applied).
 *
 * <p>Immutable value.
 *
 * @param subjectId the subject's id
 * @param state its current state
 * @param version the number of transitions applied since the initial state; at least 0
 */
public record SubjectState(String subjectId, String state, long version) {

  /**
   * Creates the value.
   *
   * @throws CrmException if a string is blank or {@code version < 0}
   */
  public SubjectState {
    Checks.nonBlank("subjectId", subjectId);
    Checks.nonBlank("state", state);
    if (version < 0) {
      throw new CrmException("version must be >= 0, but was " + version);
    }
  }
}

package org.crmkit.core.lifecycle;

import org.crmkit.core.CrmException;

/**
 * Thrown by {@link Machine#fire} when the machine rejects the event; carries the rejected {@link
 * Decision} with its typed reason.
 */
public final class TransitionRejectedException extends CrmException {
  private static final long serialVersionUID = 1L;

  private final transient Decision decision;

  TransitionRejectedException(String subjectId, Decision decision) {
    super("subject '" + subjectId + "': " + decision.explain());
    this.decision = decision;
  }

  /** The rejected decision. */
  public Decision decision() {
    return decision;
  }
}

package org.crmkit.core.lifecycle;

import java.util.Optional;

/**
 * The result of {@link Machine#replay}: the state and version a history leads to, and the first
 * illegal step if the history is not valid (then state and version are those before that step).
 *
 * <p>Immutable value.
 *
 * @param state the state reached (after the last legal step)
 * @param version the version reached (the number of legal steps applied to the start version)
 * @param illegalStep the first illegal step, if any
 */
public record Replay(String state, long version, Optional<IllegalStep> illegalStep) {

  /** Whether every step was legal. */
  public boolean valid() {
    return illegalStep.isEmpty();
  }

  /**
   * One illegal step of a history.
   *
   * @param index the 0-based position of the record in the history
   * @param record the record
   * @param reason what is wrong with it
   */
  public record IllegalStep(int index, TransitionRecord record, String reason) {
    @Override
    public String toString() {
      return "step " + index + " (" + record.from() + " --" + record.event() + "--> " + record.to()
          + ", version " + record.version() + "): " + reason;
    }
  }
}

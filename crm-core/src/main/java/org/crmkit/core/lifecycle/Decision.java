package org.crmkit.core.lifecycle;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Machine} decides for one event in one state: accepted (the state to enter and the
 * ordered effects the host should run, as data) or rejected with a typed {@link Outcome} and an
 * explanation (no transition for the event, which guard failed and why, or a final state).
 *
 * <p>Immutable and thread-safe. Decisions for guard-free transitions and for rejections without
 * guards are computed once when the machine is built and shared, so deciding them allocates
 * nothing; compare decisions by their accessors, not by identity.
 *
 * <pre>{@code
 * Decision d = funnel.decide("lead", "convert");
 * d.accepted();   // true
 * d.state();      // "prospecting"
 * }</pre>
 */
public final class Decision {

  /** Whether a decision was accepted and, if not, why. */
  public enum Outcome {
    /** A transition was taken. */
    ACCEPTED,
    /** No transition leaves the current state (or any state enclosing it) on this event. */
    NO_TRANSITION,
    /** Transitions exist for this event, but a guard (or timer) of each failed. */
    GUARD_FAILED,
    /** The current state is final: no event is accepted. */
    FINAL_STATE
  }

  private final Outcome outcome;
  private final String from;
  private final String event;
  private final String state;
  private final List<String> effects;
  private final boolean internal;
  private final @Nullable Transition transition;
  private final @Nullable String failedGuard;
  private final String reason;
  private final int stateCode;

  Decision(
      Outcome outcome, String from, String event, String state, List<String> effects,
      boolean internal, @Nullable Transition transition, @Nullable String failedGuard,
      String reason, int stateCode) {
    this.stateCode = stateCode;
    this.outcome = outcome;
    this.from = from;
    this.event = event;
    this.state = state;
    this.effects = List.copyOf(effects);
    this.internal = internal;
    this.transition = transition;
    this.failedGuard = failedGuard;
    this.reason = reason;
  }

  /**
   * The code of {@link #state()} (see {@link Machine#stateCode}): the state to store for the
   * subject, for hosts that keep states as codes.
   */
  public int stateCode() {
    return stateCode;
  }

  /** Whether the event was accepted. */
  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }

  /** The outcome: {@link Outcome#ACCEPTED} or the typed reason of the rejection. */
  public Outcome outcome() {
    return outcome;
  }

  /** The state the decision was taken in. */
  public String from() {
    return from;
  }

  /** The event decided. */
  public String event() {
    return event;
  }

  /**
   * The state the subject is in after this decision: the target (a leaf state) when accepted,
   * {@link #from()} when rejected or internal.
   */
  public String state() {
    return state;
  }

  /**
   * The effects to run, in order: exit effects of the states left (innermost first), the
   * transition's effects, entry effects of the states entered (outermost first). Empty when
   * rejected. Unmodifiable.
   */
  public List<String> effects() {
    return effects;
  }

  /** Whether the accepted transition is internal (no state left or entered). */
  public boolean internal() {
    return internal;
  }

  /** The transition taken, when accepted. */
  public Optional<Transition> transition() {
    return Optional.ofNullable(transition);
  }

  /** The name of the guard (or {@code "timer"}) that failed, for {@link Outcome#GUARD_FAILED}. */
  public Optional<String> failedGuard() {
    return Optional.ofNullable(failedGuard);
  }

  /** Why it was rejected, or a summary of the transition when accepted. */
  public String reason() {
    return reason;
  }

  /** One line explaining the decision, e.g. {@code "rejected: no transition on 'win' in 'lead'"}. */
  public String explain() {
    return (accepted() ? "accepted: " : "rejected: ") + reason;
  }

  @Override
  public String toString() {
    return "Decision{" + outcome + ", " + from + " --" + event + "--> " + state
        + (effects.isEmpty() ? "" : ", effects=" + effects) + ", " + reason + "}";
  }
}

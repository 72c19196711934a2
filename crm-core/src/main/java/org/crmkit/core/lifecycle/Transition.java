package org.crmkit.core.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One transition of a {@link Machine} as declared: on {@code event} in {@code source} (or any
 * state inside it), go to {@code target} if every guard holds (and, for a timed transition, its
 * timer is due), emitting {@code effects}.
 *
 * <p>Immutable value; lists are unmodifiable.
 *
 * @param source the state it leaves (may be a composite state: it then applies to every state
 *     inside, unless an inner state handles the event itself)
 * @param event the event name
 * @param target the state it enters (a composite target enters its initial state); equal to
 *     {@code source} for an internal transition
 * @param guards the names of the guards that must all hold, in evaluation order
 * @param effects the names of the effects the host runs, in order
 * @param priority among transitions of the same source and event, higher is tried first
 * @param internal whether the transition stays in the current state without leaving it (no exit
 *     or entry effects)
 * @param timer for a timed transition, how long after which clock it becomes due
 */
public record Transition(
    String source,
    String event,
    String target,
    List<String> guards,
    List<String> effects,
    int priority,
    boolean internal,
    Optional<Timer> timer) {

  /** Creates the value, copying the lists. */
  public Transition {
    guards = List.copyOf(guards);
    effects = List.copyOf(effects);
  }

  /**
   * The timer of a timed transition: it is due once {@code after} has elapsed since the instant
   * the context holds under {@code clock} (for example {@code lastPurchaseAt}).
   *
   * @param after how long after the clock instant the transition is due; positive
   * @param clock the name of the context value holding the instant the delay counts from
   */
  public record Timer(Duration after, String clock) {}
}

package org.crmkit.core.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One state of a {@link Machine} as declared: its name, its parent (for hierarchical states), whether
 * it is final, the effects run on entering and leaving it, and free attributes (for example the win
 * probability of a sales stage).
 *
 * <p>Immutable value; collections are unmodifiable.
 *
 * @param name the state's name, unique in its machine
 * @param parent the enclosing composite state, if any
 * @param isFinal whether no transition leaves this state
 * @param onEntry effects (names) run when the state is entered, in order
 * @param onExit effects (names) run when the state is left, in order
 * @param attributes free key/value data (sorted by key)
 */
public record State(
    String name,
    Optional<String> parent,
    boolean isFinal,
    List<String> onEntry,
    List<String> onExit,
    Map<String, String> attributes) {

  /** Creates the value, copying the collections. */
  public State {
    onEntry = List.copyOf(onEntry);
    onExit = List.copyOf(onExit);
    attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
  }
}

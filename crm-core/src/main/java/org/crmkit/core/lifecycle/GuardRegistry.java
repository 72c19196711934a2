package org.crmkit.core.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Binds guard names used in machine definitions (for example JSON documents) to code.
 *
 * <p>Immutable and thread-safe. Lookups are O(1).
 *
 * <pre>{@code
 * GuardRegistry guards = GuardRegistry.builder()
 *     .guard("first-order-paid", Guard.atLeast("paidOrders", 1))
 *     .build();
 * }</pre>
 */
public final class GuardRegistry {
  private static final GuardRegistry ASSUME_SATISFIED = new GuardRegistry(Map.of(), true);

  private final Map<String, Guard> guards;
  private final boolean assumeSatisfied;

  private GuardRegistry(Map<String, Guard> guards, boolean assumeSatisfied) {
    this.guards = guards;
    this.assumeSatisfied = assumeSatisfied;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A registry binding the given names to guards.
   *
   * @throws org.crmkit.core.CrmException if a name is blank or a guard is null
   */
  public static GuardRegistry of(Map<String, Guard> guards) {
    Builder b = builder();
    Checks.present("guards", guards).forEach(b::guard);
    return b.build();
  }

  /**
   * A registry that binds every name to a guard that always holds. For tools that replay
   * persisted events whose guard inputs were not kept (the event happened, so its guards held).
   */
  public static GuardRegistry assumeSatisfied() {
    return ASSUME_SATISFIED;
  }

  /** The guard bound to {@code name}, if any. */
  public Optional<Guard> find(String name) {
    @Nullable Guard g = guards.get(name);
    if (g == null && assumeSatisfied) {
      return Optional.of(Guard.always());
    }
    return Optional.ofNullable(g);
  }

  /** The names bound explicitly (empty for {@link #assumeSatisfied()}); unmodifiable. */
  public Set<String> names() {
    return guards.keySet();
  }

  /** A mutable builder of a {@link GuardRegistry}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Guard> guards = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Binds {@code name} to {@code guard}, replacing an earlier binding of the same name.
     *
     * @throws org.crmkit.core.CrmException if {@code name} is blank or {@code guard} is null
     */
    public Builder guard(String name, Guard guard) {
      guards.put(Checks.nonBlank("guard name", name), Checks.present("guard", guard));
      return this;
    }

    /** The registry. */
    public GuardRegistry build() {
      return new GuardRegistry(Map.copyOf(guards), false);
    }
  }
}

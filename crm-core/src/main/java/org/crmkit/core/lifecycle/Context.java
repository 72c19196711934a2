package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * The facts about one subject that guards and timers read when a {@link Machine} decides: named
 * values (a score, a count of paid orders, the instant of the last purchase) and, for timed
 * transitions, the current instant.
 *
 * <p>Hosts may implement this interface over their own entity to avoid copying; {@link #of(Map)}
 * wraps a map. Implementations must not change while a decision is being taken; the ones created
 * here are immutable and thread-safe.
 *
 * <pre>{@code
 * Context facts = Context.of(Map.of("paidOrders", 1), Instant.parse("2026-03-01T00:00:00Z"));
 * }</pre>
 */
public interface Context {

  /** The value named {@code key}, or empty if this context does not hold it. */
  Optional<Object> get(String key);

  /** The current instant, which timed transitions compare against; empty if not given. */
  Optional<Instant> now();

  /**
   * The value named {@code key} as a number: empty if absent or not a {@link Number}.
   */
  default OptionalDouble number(String key) {
    Optional<Object> v = get(key);
    if (v.isPresent() && v.get() instanceof Number) {
      return OptionalDouble.of(((Number) v.get()).doubleValue());
    }
    return OptionalDouble.empty();
  }

  /** Whether the value named {@code key} is {@link Boolean#TRUE}. */
  default boolean flag(String key) {
    return get(key).map(Boolean.TRUE::equals).orElse(false);
  }

  /** The value named {@code key} as an instant: empty if absent or not an {@link Instant}. */
  default Optional<Instant> instant(String key) {
    return get(key).filter(Instant.class::isInstance).map(Instant.class::cast);
  }

  /** A context holding nothing (no values, no current instant). */
  static Context empty() {
    return MapContext.EMPTY;
  }

  /**
   * A context over a copy of {@code facts}, without a current instant.
   *
   * @throws CrmException if a key or value is null
   */
  static Context of(Map<String, ?> facts) {
    return new MapContext(copy(facts), null);
  }

  /**
   * A context over a copy of {@code facts} at the instant {@code now}.
   *
   * @throws CrmException if a key or value or {@code now} is null
   */
  static Context of(Map<String, ?> facts, Instant now) {
    return new MapContext(copy(facts), Checks.present("now", now));
  }

  private static Map<String, Object> copy(Map<String, ?> facts) {
    Checks.present("facts", facts);
    Map<String, Object> m = new HashMap<>();
    facts.forEach((k, v) -> {
      if (k == null || v == null) {
        throw new CrmException("context facts must not hold null keys or values, but found "
            + k + " = " + v);
      }
      m.put(k, v);
    });
    return Map.copyOf(m);
  }
}

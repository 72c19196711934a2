package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A {@link Context} over an immutable map. */
final class MapContext implements Context {
  static final MapContext EMPTY = new MapContext(Map.of(), null);

  private final Map<String, Object> facts;
  private final @Nullable Instant now;

  MapContext(Map<String, Object> facts, @Nullable Instant now) {
    this.facts = facts;
    this.now = now;
  }

  @Override
  public Optional<Object> get(String key) {
    return Optional.ofNullable(facts.get(key));
  }

  @Override
  public Optional<Instant> now() {
    return Optional.ofNullable(now);
  }

  @Override
  public String toString() {
    return "Context" + facts + (now == null ? "" : " at " + now);
  }
}

package org.crmkit.core.model;

import java.util.Optional;
import org.crmkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A sales territory: a node of the geography (global, region, country, city) with its level.
 * Territories form a hierarchy through {@link #parent()}; see {@code Hierarchies.ofTerritories}.
 */
@Value.Immutable
public abstract class Territory {

  /** The territory's identifier. */
  public abstract TerritoryId id();

  /** Display name; not blank. */
  public abstract String name();

  /** The enclosing territory; empty for a root (e.g. "global"). */
  public abstract Optional<TerritoryId> parent();

  /** The level name, e.g. "global", "region", "country", "city". */
  public abstract String level();

  @Value.Check
  void check() {
    Checks.nonBlank("Territory.name", name());
    Checks.nonBlank("Territory.level", level());
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Territory} values; {@code id}, {@code name} and {@code level} are required. */
  public static final class Builder extends ImmutableTerritory.Builder {}
}

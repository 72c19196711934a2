package org.crmkit.core.model;

import java.util.Optional;
import org.crmkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A product line or product category (e.g. electronics → phones), with its own team, marketing
 * and service. Product lines form a hierarchy through {@link #parent()}.
 */
@Value.Immutable
public abstract class ProductLine {

  /** The product line's identifier. */
  public abstract ProductLineId id();

  /** Display name; not blank. */
  public abstract String name();

  /** The enclosing product line; empty for a top-level line. */
  public abstract Optional<ProductLineId> parent();

  @Value.Check
  void check() {
    Checks.nonBlank("ProductLine.name", name());
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ProductLine} values; {@code id} and {@code name} are required. */
  public static final class Builder extends ImmutableProductLine.Builder {}
}

package org.crmkit.core.assignment;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the lead (or account) to assign: the attributes assignment rules look at. Every
 * attribute but the id is optional; a lead without an attribute never matches a condition that
 * constrains it. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * Lead lead = Lead.builder().id("L-1").territory(TerritoryId.of("berlin"))
 *     .sizeBand(SizeBand.ENTERPRISE).score(72).build();
 * }</pre>
 */
@Value.Immutable
public abstract class Lead {

  /** The host's identifier of the lead or account; not blank. */
  public abstract String id();

  /** The lead's territory (typically a city or a country). */
  public abstract Optional<TerritoryId> territory();

  /** The product line the lead is interested in. */
  public abstract Optional<ProductLineId> productLine();

  /** The lead's industry, e.g. {@code "manufacturing"}; compared exactly. */
  public abstract Optional<String> industry();

  /** The lead's company size band. */
  public abstract Optional<SizeBand> sizeBand();

  /** Where the lead came from, e.g. {@code "web"}, {@code "partner"}; compared exactly. */
  public abstract Optional<String> source();

  /** The lead score; finite when present. */
  public abstract OptionalDouble score();

  /** The lead's value tier, e.g. {@code "high"}; compared exactly. */
  public abstract Optional<String> valueTier();

  /** Further attributes the host carries along (not used by conditions); unmodifiable. */
  public abstract Map<String, String> attributes();

  // Unwrapped copies for the engine's hot path (no Optional per access); computed once.

  @Value.Derived
  @Value.Auxiliary
  @Nullable TerritoryId territoryOrNull() {
    return territory().orElse(null);
  }

  @Value.Derived
  @Value.Auxiliary
  @Nullable ProductLineId productLineOrNull() {
    return productLine().orElse(null);
  }

  @Value.Derived
  @Value.Auxiliary
  @Nullable String industryOrNull() {
    return industry().orElse(null);
  }

  @Value.Derived
  @Value.Auxiliary
  @Nullable String sourceOrNull() {
    return source().orElse(null);
  }

  @Value.Derived
  @Value.Auxiliary
  @Nullable String valueTierOrNull() {
    return valueTier().orElse(null);
  }

  /** The size band's bit ({@code 1 << ordinal}), or 0 when absent. */
  @Value.Derived
  @Value.Auxiliary
  int sizeBit() {
    return sizeBand().map(b -> 1 << b.ordinal()).orElse(0);
  }

  /** The score, or NaN when absent. */
  @Value.Derived
  @Value.Auxiliary
  double scoreOrNaN() {
    return score().orElse(Double.NaN);
  }

  @Value.Check
  void check() {
    Checks.nonBlank("Lead.id", id());
    if (score().isPresent() && !Double.isFinite(score().getAsDouble())) {
      throw new CrmException("Lead.score must be finite, but was " + score().getAsDouble()
          + " (lead '" + id() + "')");
    }
  }

  /** A new builder; {@code id} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Lead} values. */
  public static final class Builder extends ImmutableLead.Builder {}
}

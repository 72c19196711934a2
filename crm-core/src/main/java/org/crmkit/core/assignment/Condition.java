package org.crmkit.core.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.immutables.value.Value;

/**
 * The condition of an assignment entry: a conjunction over the lead's attributes. Each set that is
 * empty places no constraint; a non-empty set requires the lead's attribute to be present and one
 * of its values (territories and product lines: the value or any of its descendants in the rules'
 * hierarchy). The score range is inclusive on both ends. Immutable and thread-safe.
 *
 * <pre>{@code
 * Condition emeaEnterprise = Condition.builder()
 *     .addTerritories(TerritoryId.of("emea")).addSizeBands(SizeBand.ENTERPRISE).build();
 * }</pre>
 */
@Value.Immutable
public abstract class Condition {

  /** Territories; a lead matches if its territory is one of them or below one of them. */
  public abstract Set<TerritoryId> territories();

  /** Product lines; a lead matches if its product line is one of them or below one of them. */
  public abstract Set<ProductLineId> productLines();

  /** Industries, compared exactly. */
  public abstract Set<String> industries();

  /** Size bands. */
  public abstract Set<SizeBand> sizeBands();

  /** Lead sources, compared exactly. */
  public abstract Set<String> sources();

  /** Value tiers, compared exactly. */
  public abstract Set<String> valueTiers();

  /** The lowest matching score, inclusive; absent for no lower bound. */
  public abstract OptionalDouble minScore();

  /** The highest matching score, inclusive; absent for no upper bound. */
  public abstract OptionalDouble maxScore();

  /** Whether this condition places no constraint at all (matches every lead). */
  public final boolean isAny() {
    return territories().isEmpty() && productLines().isEmpty() && industries().isEmpty()
        && sizeBands().isEmpty() && sources().isEmpty() && valueTiers().isEmpty()
        && minScore().isEmpty() && maxScore().isEmpty();
  }

  /** The condition that matches every lead. */
  public static Condition any() {
    return builder().build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A short human-readable form, e.g. {@code territory in [emea] and size in [ENTERPRISE]}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (!territories().isEmpty()) {
      parts.add("territory in " + territories());
    }
    if (!productLines().isEmpty()) {
      parts.add("product line in " + productLines());
    }
    if (!industries().isEmpty()) {
      parts.add("industry in " + industries());
    }
    if (!sizeBands().isEmpty()) {
      parts.add("size in " + sizeBands());
    }
    if (!sources().isEmpty()) {
      parts.add("source in " + sources());
    }
    if (!valueTiers().isEmpty()) {
      parts.add("value tier in " + valueTiers());
    }
    if (minScore().isPresent()) {
      parts.add("score >= " + minScore().getAsDouble());
    }
    if (maxScore().isPresent()) {
      parts.add("score <= " + maxScore().getAsDouble());
    }
    return parts.isEmpty() ? "any lead" : String.join(" and ", parts);
  }

  /** Builds {@link Condition} values. */
  public static final class Builder extends ImmutableCondition.Builder {}
}

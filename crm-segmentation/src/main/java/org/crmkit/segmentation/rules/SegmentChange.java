package org.crmkit.segmentation.rules;

import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * A customer moved from one segment to another when re-scored (e.g. Champions → At Risk).
 * Immutable.
 *
 * @param customer the customer
 * @param from the previous segment; null if the customer was new or in a gap
 * @param to the new segment; null if the customer now falls in a gap
 * @param asOf the as-of date of the re-scoring
 */
public record SegmentChange(
    CustomerId customer, @Nullable String from, @Nullable String to, LocalDate asOf) {

  /** The previous segment, if any. */
  public Optional<String> previous() {
    return Optional.ofNullable(from);
  }

  /** The new segment, if any. */
  public Optional<String> current() {
    return Optional.ofNullable(to);
  }

  @Override
  public String toString() {
    return customer + ": " + (from == null ? "-" : from) + " -> " + (to == null ? "-" : to)
        + " (" + asOf + ")";
  }
}

package org.crmkit.core.assignment;

import java.time.Instant;
import org.crmkit.core.CrmException;

/**
 * An interval when a rep is away, {@code [from, until)}. Immutable value.
 *
 * @param from the first instant away
 * @param until the first instant back; after {@code from}
 */
public record OutOfOffice(Instant from, Instant until) {

  /**
   * Creates the interval.
   *
   * @throws CrmException if either end is null or {@code until} is not after {@code from}
   */
  public OutOfOffice {
    if (from == null || until == null) {
      throw new CrmException("OutOfOffice.from and until are required, but were " + from + " and "
          + until);
    }
    if (!until.isAfter(from)) {
      throw new CrmException("OutOfOffice.until must be after from, but was " + until
          + " (from " + from + ")");
    }
  }

  /** Whether {@code at} is in the interval. */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && at.isBefore(until);
  }
}

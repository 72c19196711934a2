package org.crmkit.core.assignment;

import org.crmkit.core.CrmException;

/**
 * The most leads a rep may receive by distribution per period (a day, an ISO week or a calendar
 * month in the rep's time zone). Immutable value.
 *
 * @param limit the most leads per period; at least 1
 * @param period the period
 */
public record Capacity(int limit, Period period) {

  /** The period a capacity counts over. */
  public enum Period {
    /** A calendar day. */
    DAY,
    /** An ISO week (Monday to Sunday). */
    WEEK,
    /** A calendar month. */
    MONTH
  }

  /**
   * Creates the value.
   *
   * @throws CrmException if {@code limit < 1} or {@code period} is null
   */
  public Capacity {
    if (limit < 1) {
      throw new CrmException("Capacity.limit must be >= 1, but was " + limit);
    }
    if (period == null) {
      throw new CrmException("Capacity.period is required, but was null");
    }
  }

  /** {@code limit} per day. */
  public static Capacity perDay(int limit) {
    return new Capacity(limit, Period.DAY);
  }
}

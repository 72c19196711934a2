package org.crmkit.spark.clv;

import java.util.Locale;
import org.crmkit.core.CrmException;

/**
 * How {@link SparkClv} rounds the times {@code t_x} and {@code T} of the (x, t_x, T) tuples before
 * counting them: {@link #DAY}, the default, keeps the exact whole days (crmkit's summaries); {@link
 * #WEEK} rounds each time to the nearest whole week, so that far fewer distinct tuples reach the
 * driver (an approximation: the fit then differs from the exact one; {@link ClvFitResult} reports
 * the tuple counts).
 */
public enum TimeRounding {
  /** Whole days: exact, the fit equals crmkit's single-machine fit. */
  DAY(1),
  /** The nearest whole week: {@code days + 3} rounded down to a multiple of 7 (opt-in, approximate). */
  WEEK(7);

  private final int days;

  TimeRounding(int days) {
    this.days = days;
  }

  /** The rounding step in days. */
  public int days() {
    return days;
  }

  /** The command-line name: {@code day} or {@code week}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The rounding with this label (case-insensitive).
   *
   * @throws CrmException naming the accepted labels if there is none
   */
  public static TimeRounding parse(String label) {
    for (TimeRounding r : values()) {
      if (r.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return r;
      }
    }
    throw new CrmException("--round-times must be 'day' or 'week', but was '" + label + "'");
  }
}

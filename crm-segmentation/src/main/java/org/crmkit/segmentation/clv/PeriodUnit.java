package org.crmkit.segmentation.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.CrmException;

/** The unit in which the lifetime-value models measure time: days or weeks (7 days). */
public enum PeriodUnit {
  /** One calendar day. */
  DAY(1),
  /** Seven calendar days. */
  WEEK(7);

  private final int days;

  PeriodUnit(int days) {
    this.days = days;
  }

  /** The number of calendar days in one period. */
  public int days() {
    return days;
  }

  /** The time from {@code from} to {@code to} in this unit (days divided by {@link #days()}). */
  public double between(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / (double) days;
  }

  /** The lower-case name used in files and on the command line: {@code day} or {@code week}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code day} or {@code week} (case-insensitive).
   *
   * @throws CrmException naming the value and the accepted ones if it is neither
   */
  public static PeriodUnit parse(String text) {
    for (PeriodUnit u : values()) {
      if (u.label().equalsIgnoreCase(text.strip())) {
        return u;
      }
    }
    throw new CrmException("unit must be 'day' or 'week', but was '" + text + "'");
  }
}

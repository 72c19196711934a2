package org.crmkit.core.assignment;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.crmkit.core.CrmException;

/**
 * The days and daily hours {@code [start, end)} a rep works, in the rep's time zone. Immutable
 * value. Shifts across midnight are not supported (split them into two reps' profiles or use
 * out-of-office intervals).
 *
 * @param days the working days; not empty
 * @param start the start of the working day
 * @param end the end of the working day; after {@code start}
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

  /**
   * Creates the value.
   *
   * @throws CrmException if a part is null, {@code days} is empty or {@code end} is not after
   *     {@code start}
   */
  public WorkingHours {
    if (days == null || start == null || end == null) {
      throw new CrmException("WorkingHours.days, start and end are required");
    }
    if (days.isEmpty()) {
      throw new CrmException("WorkingHours.days must not be empty");
    }
    if (!end.isAfter(start)) {
      throw new CrmException("WorkingHours.end must be after start, but was " + end
          + " (start " + start + ")");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  /** Monday to Friday, {@code start} to {@code end}. */
  public static WorkingHours weekdays(LocalTime start, LocalTime end) {
    return new WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end);
  }
}

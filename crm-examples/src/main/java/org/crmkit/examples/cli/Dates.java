package org.crmkit.examples.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * The one date rule of the command line's date options ({@code --as-of}, {@code
 * --calibration-end}) and of transaction CSVs: an ISO calendar date {@code yyyy-MM-dd} with a
 * four-digit year from 0001 to 9999, so that every day count between two dates is exact.
 */
final class Dates {
  private Dates() {}

  /**
   * Parses the value of a date option.
   *
   * @throws InvalidInputException in one plain line, e.g. "--as-of: '1998-02-30' is not a date
   *     (yyyy-MM-dd, years 0001 to 9999)"
   */
  static LocalDate option(String option, String text) {
    String s = text.strip();
    if (s.matches("\\d{4}-\\d{2}-\\d{2}") && !s.startsWith("0000")) {
      try {
        return LocalDate.of(Integer.parseInt(s.substring(0, 4)),
            Integer.parseInt(s.substring(5, 7)), Integer.parseInt(s.substring(8, 10)));
      } catch (DateTimeException e) {
        // reported below
      }
    }
    throw new InvalidInputException(List.of(option + ": '" + text
        + "' is not a date (yyyy-MM-dd, years 0001 to 9999)"));
  }
}

package org.crmkit.core.lifecycle;

import java.time.Duration;

/** Formats durations for diagrams and explanations. */
final class Durations {
  private Durations() {}

  /** ISO-8601 text, in whole days ("P180D") when the duration is a whole number of days. */
  static String format(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
  }
}

package org.crmkit.segmentation.forecast;

import java.util.Map;

/**
 * One stage of a funnel as the audit log shows it, as of the analysis instant. Counts are of
 * distinct subjects. Immutable.
 *
 * @param stage the state's name
 * @param entered subjects that were ever in the stage
 * @param advanced subjects that left the stage to a state that is not lost
 * @param won subjects that entered the stage and are now in a won state
 * @param lost subjects that entered the stage and are now in a lost state
 * @param current subjects in the stage now
 * @param conversionRate of the subjects that left the stage, the share that advanced; NaN if none left
 * @param winRate {@code won / (won + lost)}: the share of closed subjects from this stage that were
 *     won; NaN if none closed
 * @param exits by next state, how many times the stage was left to it
 * @param medianDays the median time in the stage, in days (Kaplan-Meier: stays still open count
 *     as censored); NaN when unknown (fewer than half of the timed stays ended)
 * @param quartileDays the 25th percentile time in stage, in days (NaN when unknown)
 * @param upperQuartileDays the 75th percentile (NaN when unknown)
 * @param p90Days the 90th percentile (NaN when unknown)
 * @param timedStays the stays whose entry time is in the log (a subject's first state has none)
 */
public record StageStatistics(String stage, int entered, int advanced, int won, int lost, int current,
    double conversionRate, double winRate, Map<String, Integer> exits, double medianDays, double quartileDays,
    double upperQuartileDays, double p90Days, int timedStays) {

  /** Copies the map. */
  public StageStatistics {
    exits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exits));
  }
}

package org.crmkit.segmentation.forecast;

import java.util.Arrays;

/**
 * The Kaplan-Meier product-limit estimate of a duration distribution with right-censored
 * observations (open stage visits). Not part of the public API.
 */
final class KaplanMeier {
  private KaplanMeier() {}

  /**
   * The q-quantile (smallest t with S(t) <= 1 − q) of the durations, events where {@code ended}
   * is true and censored otherwise; NaN when the estimate never falls that low (too much censoring)
   * or there is no observation.
   */
  static double quantile(double[] durations, boolean[] ended, double q) {
    int n = durations.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // events before censorings at equal times (the usual convention)
    Arrays.sort(order, (a, b) -> durations[a] != durations[b] ? Double.compare(durations[a], durations[b])
        : Boolean.compare(!ended[a], !ended[b]));
    double s = 1;
    int atRisk = n;
    int i = 0;
    while (i < n) {
      double t = durations[order[i]];
      int events = 0;
      int leaving = 0;
      while (i < n && durations[order[i]] == t) {
        if (ended[order[i]]) {
          events++;
        }
        leaving++;
        i++;
      }
      if (events > 0) {
        s *= 1 - (double) events / atRisk;
        if (s <= 1 - q + 1e-12) {
          return t;
        }
      }
      atRisk -= leaving;
    }
    return Double.NaN;
  }
}

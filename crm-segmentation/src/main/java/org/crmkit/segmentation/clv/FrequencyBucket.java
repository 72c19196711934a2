package org.crmkit.segmentation.clv;

import java.util.Map;

/**
 * Calibration vs hold-out for the customers with one calibration frequency: how many they are,
 * how many purchases they made on average in the hold-out period, and how many each model expected.
 * A row of the classic "conditional expectations" plot. Immutable.
 *
 * @param frequency the calibration repeat purchases {@code x}; the last bucket is open
 *     ({@code x >= frequency}, see {@code open})
 * @param open whether the bucket holds every {@code x >= frequency}
 * @param customers the customers in the bucket (sum of weights)
 * @param actualMean the mean hold-out purchases per customer
 * @param expectedMean by model label, the mean expected hold-out purchases per customer
 */
public record FrequencyBucket(int frequency, boolean open, double customers, double actualMean,
    Map<String, Double> expectedMean) {

  /** Copies the map (its order kept). */
  public FrequencyBucket {
    expectedMean = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expectedMean));
  }
}

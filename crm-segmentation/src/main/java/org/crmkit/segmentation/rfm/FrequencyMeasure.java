package org.crmkit.segmentation.rfm;

/** What "frequency" counts. */
public enum FrequencyMeasure {
  /** The number of transactions (the default). */
  TRANSACTIONS,
  /** The number of distinct calendar days with at least one transaction. */
  DISTINCT_DAYS
}

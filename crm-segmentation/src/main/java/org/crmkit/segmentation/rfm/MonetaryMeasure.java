package org.crmkit.segmentation.rfm;

/** What "monetary" measures. Negative amounts (returns) are included in both. */
public enum MonetaryMeasure {
  /** The sum of the amounts (the default). */
  TOTAL,
  /** The sum of the amounts divided by the number of transactions. */
  MEAN
}

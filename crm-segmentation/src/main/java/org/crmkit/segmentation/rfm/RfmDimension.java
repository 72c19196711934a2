package org.crmkit.segmentation.rfm;

/** One of the three RFM dimensions. */
public enum RfmDimension {
  /** Whole days from the last purchase to the as-of date (fewer is better). */
  RECENCY,
  /** Transactions or distinct purchase days (more is better). */
  FREQUENCY,
  /** Total or mean amount (more is better). */
  MONETARY
}

package org.crmkit.segmentation.tiers;

/** A deal-size tier of a single deal or order amount. */
public enum DealSize {
  /** Big deals. */
  BIG,
  /** Medium deals. */
  MEDIUM,
  /** Small deals. */
  SMALL
}

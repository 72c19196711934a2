package org.crmkit.segmentation.tiers;

/** A customer value tier: personal service, nurturing, or cost-controlled standard service. */
public enum ValueTier {
  /** High-value customers: personal service. */
  HIGH,
  /** Medium-value customers: nurturing. */
  MEDIUM,
  /** Low-value customers: cost-controlled standard service. */
  LOW
}

package org.crmkit.segmentation.clv;

/**
 * One period of a retention projection. Immutable.
 *
 * @param period periods since the cohort started (0 = start)
 * @param survival the share of the cohort still active at the period, in [0, 1]
 * @param retentionRate the share of those active at {@code period − 1} still active; NaN at period 0
 */
public record RetentionPoint(int period, double survival, double retentionRate) {}

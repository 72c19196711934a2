package org.crmkit.segmentation.clv;

/**
 * A fitted BG/NBD model: the maximum-likelihood parameters and how the fit went. Immutable.
 *
 * @param parameters the estimates
 * @param report log-likelihood, standard errors (names {@code r, alpha, a, b}), optimiser effort
 */
public record BgNbdFit(BgNbdParameters parameters, FitReport report) {}

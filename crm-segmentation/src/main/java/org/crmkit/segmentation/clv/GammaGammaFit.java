package org.crmkit.segmentation.clv;

/**
 * A fitted Gamma-Gamma spend model. Immutable.
 *
 * @param parameters the estimates
 * @param report log-likelihood, standard errors (names {@code p, q, gamma}), optimiser effort;
 *     its {@code observations} are the repeat buyers with positive mean spend
 * @param excludedNonPositiveSpend repeat buyers left out of the fit because their mean spend was
 *     zero or negative
 */
public record GammaGammaFit(GammaGammaParameters parameters, FitReport report, int excludedNonPositiveSpend) {}

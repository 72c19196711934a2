package org.crmkit.segmentation.clv;

/**
 * Something that limits how a fitted model may be read. Immutable.
 *
 * @param code a stable identifier: {@code "boundary"} (a parameter ran to the optimiser's bound),
 *     {@code "degenerate"} (two parameters ran off together so the model became a simpler one),
 *     {@code "not-identified"} (no standard errors: the likelihood is flat in some direction),
 *     {@code "weakly-identified"} (a standard error larger than its estimate), {@code
 *     "not-converged"} (the optimiser stopped before meeting its tolerance)
 * @param message what happened and what it means for the predictions, in plain words
 */
public record FitWarning(String code, String message) {}

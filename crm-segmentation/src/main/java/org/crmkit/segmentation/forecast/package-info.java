/**
 * Funnel analytics and pipeline forecasts from a lifecycle audit log: per-stage counts,
 * conversion and win rates, time-in-stage distributions (Kaplan-Meier, so deals still open count
 * as censored, not as fast), cohort conversion curves ({@link
 * org.crmkit.segmentation.forecast.FunnelAnalysis}); and the expected won revenue of the open
 * pipeline per future period with a prediction interval ({@link
 * org.crmkit.segmentation.forecast.PipelineForecast}). Every type here is immutable and
 * thread-safe.
 */
@NullMarked
package org.crmkit.segmentation.forecast;

import org.jspecify.annotations.NullMarked;

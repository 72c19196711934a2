package org.crmkit.spark.clv;

import org.crmkit.segmentation.clv.ClvModel;

/**
 * A lifetime-value model fitted by {@link SparkClv} with what reached the driver: the number of
 * calibrated customers, the distinct (x, t_x, T) tuples in whole days ({@code exactTuples}) and
 * after the opt-in rounding of times ({@code fittedTuples}, the rows the purchase model was fitted
 * on), and the (x, repeat spend) tuples and customers Gamma-Gamma was fitted on. Immutable.
 *
 * @param model the fitted model
 * @param customers customers whose first purchase is on or before the calibration end
 * @param exactTuples distinct (x, t_x, T) in whole days
 * @param fittedTuples distinct (x, t_x, T) the purchase model was fitted on (equal to {@code
 *     exactTuples} unless times were rounded)
 * @param spendTuples distinct (x, repeat spend) of the repeat buyers Gamma-Gamma saw
 * @param spendCustomers repeat buyers Gamma-Gamma saw (all of them unless sampled)
 */
public record ClvFitResult(ClvModel model, long customers, long exactTuples, long fittedTuples,
    long spendTuples, long spendCustomers) {}

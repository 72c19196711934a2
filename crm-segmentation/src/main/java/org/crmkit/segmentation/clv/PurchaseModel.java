package org.crmkit.segmentation.clv;

import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * A fitted model of repeat purchasing and dropout ("buy till you die"): BG/NBD, Pareto/NBD,
 * MBG/NBD or BG/BB, behind one contract so that a user can swap models. Implementations are
 * immutable records of the model's parameters, thread-safe.
 *
 * <p>Every method reads a {@link CustomerSummary} as the literature's {@code (x, t_x, T)}: repeat
 * purchases, time of the last one and time observed, all from the first purchase, in the unit the
 * model was fitted in. For the discrete-time BG/BB model {@code T} is the number of transaction
 * opportunities {@code n} and {@code t_x} the opportunity of the last transaction, both integers,
 * and horizons count opportunities.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * PurchaseFit fit = PurchaseModelKind.PARETO_NBD.fit(WeightedSummaries.of(data.customers()));
 * PurchaseModel model = fit.model();
 * double alive = model.probabilityAlive(customer);
 * double next52 = model.expectedPurchases(customer, 52);
 * }</pre>
 */
public interface PurchaseModel {

  /** Which model this is. */
  PurchaseModelKind kind();

  /**
   * The parameters by their names in the model's paper, in the paper's order (e.g. {@code r,
   * alpha, s, beta} for Pareto/NBD); unmodifiable.
   */
  Map<String, Double> parameters();

  /** The log-likelihood of one customer's calibration summary. */
  double logLikelihood(CustomerSummary c);

  /** The total log-likelihood of the customers; O(n). */
  default double logLikelihood(List<CustomerSummary> customers) {
    double sum = 0;
    for (CustomerSummary c : customers) {
      sum += logLikelihood(c);
    }
    return sum;
  }

  /**
   * The probability that the customer is still alive at the end of the calibration period (for
   * BG/BB: alive at the next transaction opportunity); in [0, 1].
   */
  double probabilityAlive(CustomerSummary c);

  /**
   * The expected number of purchases of the customer in the {@code t} periods after the
   * calibration end (for BG/BB: in the next {@code t} opportunities); finite and {@code >= 0}.
   *
   * @throws CrmException if {@code t} is negative or not finite (for BG/BB: not an integer), or
   *     the expectation overflows
   */
  double expectedPurchases(CustomerSummary c, double t);

  /**
   * The expected number of repeat purchases of a new customer in the {@code t} periods after the
   * first purchase (for BG/BB: in the first {@code t} opportunities): the model's population curve.
   *
   * @throws CrmException as {@link #expectedPurchases}
   */
  double expectedRepeatPurchases(double t);
}

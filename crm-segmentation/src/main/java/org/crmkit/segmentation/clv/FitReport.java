package org.crmkit.segmentation.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * How a maximum-likelihood fit went: the maximised log-likelihood, asymptotic standard errors,
 * optimiser effort and whether it converged. Immutable.
 *
 * @param logLikelihood the log-likelihood at the estimate (finite)
 * @param standardErrors by parameter name, in the model's parameter order: square roots of the
 *     diagonal of the inverse of the negated Hessian of the log-likelihood (numerically
 *     differentiated at the estimate); empty when that Hessian is not negative definite (for
 *     example when a parameter ran to a bound), or for a model read from a file without them
 * @param iterations optimiser iterations: evaluations that improved the best log-likelihood so far
 *     (accepted steps; BOBYQA itself does not count iterations)
 * @param evaluations log-likelihood evaluations by the optimiser
 * @param converged whether the optimiser met its tolerance with every parameter inside its
 *     bounds ({@code e^-25 .. e^25})
 * @param observations how many customers the likelihood covered
 */
public record FitReport(
    double logLikelihood,
    Map<String, Double> standardErrors,
    int iterations,
    int evaluations,
    boolean converged,
    int observations) {

  /**
   * Creates a report; the map is copied preserving its order.
   *
   * @throws CrmException if the log-likelihood is not finite or a count is negative
   */
  public FitReport {
    if (!Double.isFinite(logLikelihood)) {
      throw new CrmException("FitReport.logLikelihood must be finite, but was " + logLikelihood);
    }
    if (iterations < 0 || evaluations < 0 || observations < 0) {
      throw new CrmException("FitReport counts must be >= 0, but were " + iterations + ", "
          + evaluations + ", " + observations);
    }
    standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
  }
}

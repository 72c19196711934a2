package org.crmkit.segmentation.clv;

import java.util.List;
import java.util.stream.Collectors;
import org.crmkit.core.CrmException;

/**
 * A purchase model fitted by maximum likelihood: the estimate, how the fit went, and what the
 * analyst should know about it (a parameter at a bound, a model that degenerated into a simpler
 * one, parameters the data do not identify). Immutable.
 *
 * @param model the estimate
 * @param report log-likelihood, standard errors by parameter name, optimiser effort
 * @param warnings what limits the fit's interpretation; empty for a clean fit
 */
public record PurchaseFit(PurchaseModel model, FitReport report, List<FitWarning> warnings) {

  /**
   * Creates a fit; the warnings are copied.
   *
   * @throws CrmException if a part is null
   */
  public PurchaseFit {
    if (model == null || report == null || warnings == null) {
      throw new CrmException("PurchaseFit needs model, report and warnings, but one was null");
    }
    warnings = List.copyOf(warnings);
  }

  /** A fit read from a document or built by hand, with its warnings recomputed from the estimate. */
  public static PurchaseFit of(PurchaseModel model, FitReport report) {
    return new PurchaseFit(model, report, FitWarnings.of(model, report));
  }

  /** The number of free parameters. */
  public int parameterCount() {
    return model.parameters().size();
  }

  /**
   * Akaike's information criterion, {@code 2k − 2 LL}; smaller is better.
   */
  public double aic() {
    return 2 * parameterCount() - 2 * report.logLikelihood();
  }

  /**
   * The Bayesian information criterion, {@code k ln n − 2 LL} with {@code n} the weighted number
   * of customers the likelihood covered; smaller is better.
   */
  public double bic() {
    return parameterCount() * Math.log(Math.max(1, report.observations())) - 2 * report.logLikelihood();
  }

  /** The warnings' messages, one per line; empty when there are none. */
  public String explain() {
    return warnings.stream().map(FitWarning::message).collect(Collectors.joining("\n"));
  }
}

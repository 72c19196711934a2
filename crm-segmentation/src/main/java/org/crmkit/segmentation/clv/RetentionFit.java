package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.CrmException;

/**
 * A fitted shifted-beta-geometric retention model: the estimate, how the fit went and its
 * warnings. Immutable.
 *
 * @param model the estimate
 * @param report log-likelihood, standard errors ({@code alpha, beta}), optimiser effort; its
 *     observations are the cohort size
 * @param warnings what limits the fit's interpretation; empty for a clean fit
 */
public record RetentionFit(ShiftedBetaGeometric model, FitReport report, List<FitWarning> warnings) {

  /**
   * One period of projection vs actual. Immutable.
   *
   * @param period periods since the cohort started
   * @param actualSurvival the observed share still active; NaN beyond the data
   * @param projectedSurvival the model's survival
   */
  public record Tracking(int period, double actualSurvival, double projectedSurvival) {}

  /** Copies the warnings. */
  public RetentionFit {
    warnings = List.copyOf(warnings);
  }

  /**
   * The projection against the observed counts of a cohort (the diagnostic "retention projection
   * vs actual"): for each period {@code 0 … max(T, periods)} the projected survival and, where
   * observed, the actual survival {@code n_t / n_0} (NaN beyond the data).
   *
   * @throws CrmException if {@code active} is empty or starts with 0, or {@code periods < 0}
   */
  public List<Tracking> projectionVsActual(List<Long> active, int periods) {
    if (active == null || active.isEmpty() || active.get(0) == null || active.get(0) <= 0 || periods < 0) {
      throw new CrmException("need a cohort with a positive size at period 0 and periods >= 0");
    }
    int last = Math.max(active.size() - 1, periods);
    List<Tracking> out = new ArrayList<>();
    for (RetentionPoint p : model.project(last)) {
      double actual = p.period() < active.size() ? (double) active.get(p.period()) / active.get(0) : Double.NaN;
      out.add(new Tracking(p.period(), actual, p.survival()));
    }
    return List.copyOf(out);
  }
}

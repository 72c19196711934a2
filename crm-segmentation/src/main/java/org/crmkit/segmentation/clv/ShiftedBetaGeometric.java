package org.crmkit.segmentation.clv;

import static org.crmkit.segmentation.clv.BgNbdParameters.positive;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.CrmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007, "How to
 * project customer retention"): each customer renews at every period end with probability
 * {@code 1 − θ} until the first failure, θ ~ Beta({@code alpha}, {@code beta}) across customers.
 * So the cohort's retention rate rises over time (the customers most likely to churn leave
 * first). Immutable and thread-safe.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * RetentionFit fit = ShiftedBetaGeometric.fit(List.of(1000L, 869L, 743L, 653L, 593L, 551L, 517L, 491L));
 * double survivalYear12 = fit.model().survival(12);
 * }</pre>
 *
 * @param alpha first shape of the churn-probability distribution (&gt; 0)
 * @param beta second shape of the churn-probability distribution (&gt; 0)
 */
public record ShiftedBetaGeometric(double alpha, double beta) {
  private static final Logger LOG = LoggerFactory.getLogger(ShiftedBetaGeometric.class);

  /**
   * Creates the parameters.
   *
   * @throws CrmException naming the parameter if one is not a finite positive number
   */
  public ShiftedBetaGeometric {
    positive("alpha", alpha);
    positive("beta", beta);
  }

  /**
   * The share of the cohort still active at period {@code t}: {@code S(t) = B(α, β+t)/B(α, β)},
   * computed as the product of the retention rates; {@code S(0) = 1}. O(t).
   *
   * @throws CrmException if {@code t < 0}
   */
  public double survival(int t) {
    if (t < 0) {
      throw new CrmException("period t must be >= 0, but was " + t);
    }
    double s = 1;
    for (int k = 1; k <= t; k++) {
      s *= retentionRate(k);
    }
    return s;
  }

  /**
   * The share of those active at {@code t − 1} still active at {@code t}:
   * {@code r(t) = (β + t − 1)/(α + β + t − 1)}, rising with t. O(1).
   *
   * @throws CrmException if {@code t < 1}
   */
  public double retentionRate(int t) {
    if (t < 1) {
      throw new CrmException("a retention rate needs period t >= 1, but was " + t);
    }
    return (beta + t - 1) / (alpha + beta + t - 1);
  }

  /** The probability that a customer churns at period {@code t >= 1}: {@code S(t−1) − S(t)}. */
  public double churnProbability(int t) {
    return survival(t - 1) * (1 - retentionRate(t));
  }

  /**
   * The projected survival and retention rates for periods {@code 0 … periods}; the retention rate
   * of period 0 is undefined (NaN). O(periods).
   *
   * @throws CrmException if {@code periods < 0} or over 1,000,000
   */
  public List<RetentionPoint> project(int periods) {
    if (periods < 0 || periods > 1_000_000) {
      throw new CrmException("periods must be in [0, 1000000], but was " + periods);
    }
    List<RetentionPoint> out = new ArrayList<>(periods + 1);
    double s = 1;
    out.add(new RetentionPoint(0, 1, Double.NaN));
    for (int t = 1; t <= periods; t++) {
      double r = retentionRate(t);
      s *= r;
      out.add(new RetentionPoint(t, s, r));
    }
    return List.copyOf(out);
  }

  /**
   * The discounted expected residual lifetime of a customer active in period {@code n} (who has
   * survived {@code n} renewals): the expected number of further renewals, each discounted by
   * {@code (1 + d)} per period, {@code Σ_{k≥1} S(n+k)/S(n) (1+d)^{−k}} (Fader &amp; Hardie 2010's
   * DERL without the current period's payment). Multiply by the margin per period for the
   * residual value. Summed term by term until the rest, bounded by a geometric series, is below
   * 1e-15 of the sum: about {@code 35/ln(1+d)} terms.
   *
   * @throws CrmException if {@code n < 0} or {@code d} is not a finite number &gt; 0 (without
   *     discount the sum diverges when {@code alpha <= 1})
   */
  public double discountedExpectedResidualLifetime(int n, double d) {
    if (n < 0 || !(d > 0) || !Double.isFinite(d)) {
      throw new CrmException("need n >= 0 and a finite discount rate d > 0, but got n = " + n + ", d = " + d);
    }
    double q = 1 / (1 + d);
    double term = 1;
    double sum = 0;
    for (long k = 1; k < 100_000_000L; k++) {
      term *= (beta + n + k - 1) / (alpha + beta + n + k - 1) * q;
      sum += term;
      if (term * q / (1 - q) <= 1e-15 * sum) {
        return sum;
      }
    }
    return sum;
  }

  /**
   * The log-likelihood of a cohort's active counts: {@code Σ_{t=1}^{T} (n_{t−1} − n_t) ln P(churn
   * at t) + n_T ln S(T)}. O(T).
   *
   * @throws CrmException as {@link #fit}
   */
  public double logLikelihood(List<Long> active) {
    long[] n = checked(active);
    return logLikelihood(alpha, beta, n);
  }

  static double logLikelihood(double alpha, double beta, long[] n) {
    double logS = 0;
    double sum = 0;
    for (int t = 1; t < n.length; t++) {
      double r = (beta + t - 1) / (alpha + beta + t - 1);
      double logChurn = logS + Math.log(alpha / (alpha + beta + t - 1));
      logS += Math.log(r);
      long lost = n[t - 1] - n[t];
      if (lost > 0) {
        sum += lost * logChurn;
      }
    }
    return sum + n[n.length - 1] * logS;
  }

  /**
   * Fits α, β by maximum likelihood to a cohort's counts of active customers at the start of
   * periods {@code 0 … T}, period 0 being the cohort size.
   *
   * @throws CrmException if there are fewer than two counts, a count is negative or null, the
   *     counts increase, or the cohort is empty
   * @throws DegenerateDataException if nobody churns or everybody churns in the first period (the
   *     heterogeneity of churn is then not identified)
   */
  public static RetentionFit fit(List<Long> active) {
    long[] n = checked(active);
    if (n[n.length - 1] == n[0]) {
      throw new DegenerateDataException("the sBG model needs churn, but all " + n[0]
          + " customers are still active at period " + (n.length - 1));
    }
    MaximumLikelihood.Estimate e = MaximumLikelihood.maximize(
        theta -> logLikelihood(Math.exp(theta[0]), Math.exp(theta[1]), n),
        new double[] {0, 0}, new String[] {"alpha", "beta"}, (int) Math.min(Integer.MAX_VALUE, n[0]), "sBG");
    ShiftedBetaGeometric m = new ShiftedBetaGeometric(e.parameters()[0], e.parameters()[1]);
    List<FitWarning> warnings = new ArrayList<>();
    m.parametersByName().forEach((k, v) -> {
      if (Math.abs(Math.log(v)) >= MaximumLikelihood.BOUND - 1e-3) {
        warnings.add(new FitWarning("boundary", "sBG: parameter " + k + " ran to the optimiser's bound (" + v
            + "): the data hardly show heterogeneity in churn; retention projections are extrapolations"));
      }
    });
    if (m.alpha() > FitWarnings.DIVERGED && m.beta() > FitWarnings.DIVERGED) {
      warnings.add(new FitWarning("degenerate", "sBG: alpha and beta ran off together: every customer has the"
          + " same churn probability " + m.alpha() / (m.alpha() + m.beta()) + " (a geometric model): the"
          + " retention rate is projected flat"));
    }
    if (e.report().standardErrors().isEmpty()) {
      warnings.add(new FitWarning("not-identified", "sBG: no standard errors: the log-likelihood is not strictly"
          + " concave at the estimate"));
    }
    RetentionFit fit = new RetentionFit(m, e.report(), warnings);
    LOG.debug("sBG fitted on a cohort of {}: {}", n[0], m);
    return fit;
  }

  /** {@code alpha, beta} by name; unmodifiable. */
  public java.util.Map<String, Double> parametersByName() {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    out.put("alpha", alpha);
    out.put("beta", beta);
    return java.util.Collections.unmodifiableMap(out);
  }

  private static long[] checked(List<Long> active) {
    if (active == null || active.size() < 2) {
      throw new CrmException("a cohort needs active counts for periods 0 and at least 1, but got "
          + (active == null ? null : active.size() + " counts"));
    }
    long[] n = new long[active.size()];
    for (int t = 0; t < n.length; t++) {
      Long v = active.get(t);
      if (v == null || v < 0) {
        throw new CrmException("the active count of period " + t + " must be >= 0, but was " + v);
      }
      n[t] = v;
      if (t > 0 && n[t] > n[t - 1]) {
        throw new CrmException("active counts cannot increase in a cohort, but period " + t + " has " + n[t]
            + " after " + n[t - 1]);
      }
    }
    if (n[0] == 0) {
      throw new CrmException("the cohort (period 0) must have at least one customer, but had 0");
    }
    return n;
  }
}

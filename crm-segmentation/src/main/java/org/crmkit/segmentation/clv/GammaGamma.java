package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.List;
import org.crmkit.core.CrmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood fitting of the Gamma-Gamma spend model on the repeat buyers. Stateless and
 * thread-safe.
 *
 * <p>Only customers with {@code x > 0} and a mean repeat spend &gt; 0 enter the likelihood; repeat
 * buyers with zero or negative mean spend are counted in {@link GammaGammaFit#excludedNonPositiveSpend()}.
 * The optimiser (Hipparchus BOBYQA) works on the logarithms of {@code p, q, gamma}.
 */
public final class GammaGamma {
  /** The fewest repeat buyers with positive spend a fit accepts. */
  public static final int MIN_REPEAT_BUYERS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(GammaGamma.class);
  private static final String[] NAMES = {"p", "q", "gamma"};

  private record SpendKey(int x, double mean) {}

  private static final java.util.Comparator<SpendKey> SPEND_ORDER =
      java.util.Comparator.comparingInt(SpendKey::x).thenComparingDouble(SpendKey::mean);

  private GammaGamma() {}

  /**
   * Fits the model to the repeat buyers among {@code customers}.
   *
   * @throws DegenerateDataException if fewer than {@link #MIN_REPEAT_BUYERS} repeat buyers have a
   *     positive mean spend, or all their mean spends are equal (the spread of spend, hence p and
   *     q, is not identified)
   * @throws CrmException if {@code customers} is null
   */
  public static GammaGammaFit fit(List<CustomerSummary> customers) {
    if (customers == null) {
      throw new CrmException("customers is required, but was null");
    }
    return fit(WeightedSummaries.of(customers));
  }

  /**
   * Fits the model to the repeat buyers among weighted summaries (a weight is the number of
   * customers with that summary; counts in the report are weights rounded to integers).
   *
   * @throws DegenerateDataException as {@link #fit(List)}, counting weights
   * @throws CrmException if {@code data} is null
   */
  public static GammaGammaFit fit(WeightedSummaries data) {
    if (data == null) {
      throw new CrmException("data is required, but was null");
    }
    // the repeat buyers with positive spend, merged by equal (x, m̄) and sorted: every sum below
    // is then the same computation whatever the order or grouping of the input (per customer or
    // as weighted tuples), so both give the same parameters
    java.util.TreeMap<SpendKey, Double> merged = new java.util.TreeMap<>(SPEND_ORDER);
    double used = 0;
    double excluded = 0;
    for (int i = 0; i < data.size(); i++) {
      CustomerSummary c = data.customers().get(i);
      if (c.repeatPurchases() > 0) {
        if (c.meanRepeatSpend() > 0) {
          merged.merge(new SpendKey(c.repeatPurchases(), c.meanRepeatSpend()), data.weight(i), Double::sum);
        } else {
          excluded += data.weight(i);
        }
      }
    }
    for (double w : merged.values()) {
      used += w;
    }
    if (used < MIN_REPEAT_BUYERS) {
      throw new DegenerateDataException("Gamma-Gamma needs at least " + MIN_REPEAT_BUYERS
          + " repeat buyers with a mean spend > 0, but got " + count(used)
          + (excluded > 0 ? " (" + count(excluded) + " more with a mean spend <= 0 are excluded)" : ""));
    }
    int rows = merged.size();
    int[] x = new int[rows];
    double[] m = new double[rows];
    double[] w = new double[rows];
    int k = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double sum = 0;
    for (java.util.Map.Entry<SpendKey, Double> e : merged.entrySet()) {
      x[k] = e.getKey().x();
      m[k] = e.getKey().mean();
      w[k] = e.getValue();
      min = Math.min(min, m[k]);
      max = Math.max(max, m[k]);
      sum += w[k] * m[k];
      k++;
    }
    if (max - min <= 1e-9 * max) {
      throw new DegenerateDataException("Gamma-Gamma needs varying spend, but all " + count(used)
          + " repeat buyers have the same mean spend " + max + ": p and q are not identified");
    }
    double mean = sum / used;
    int[] distinct = java.util.Arrays.stream(x).distinct().sorted().toArray();
    int maxX = distinct[distinct.length - 1];
    double[] logXm = new double[rows];
    double[] xm = new double[rows];
    double logMSum = 0;
    for (int i = 0; i < rows; i++) {
      xm[i] = x[i] * m[i];
      logXm[i] = Math.log(xm[i]);
      logMSum += w[i] * Math.log(m[i]);
    }
    double logMTotal = logMSum;
    double total = used;
    double[] lgCache = new double[maxX + 1];
    double[] start = {0, Math.log(2), Math.log(mean)};
    MaximumLikelihood.Estimate e = MaximumLikelihood.maximize(
        theta -> logLikelihood(theta, x, w, total, xm, logXm, logMTotal, distinct, lgCache), start, NAMES,
        (int) Math.round(used), "Gamma-Gamma");
    double[] p = e.parameters();
    GammaGammaFit fit = new GammaGammaFit(new GammaGammaParameters(p[0], p[1], p[2]), e.report(),
        (int) Math.round(excluded));
    LOG.debug("Gamma-Gamma fitted on {} repeat buyers: {} {}", used, fit.parameters(), fit.report());
    return fit;
  }

  /** A weight as a count: an integer when it is one. */
  private static String count(double weight) {
    return weight == Math.rint(weight) ? String.valueOf((long) weight) : String.valueOf(weight);
  }

  /**
   * {@code Σ ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ+m̄x)},
   * written as {@code px·ln(x m̄) − ln m̄} for the middle terms; the log-gammas depend only on x and
   * are computed once per distinct x.
   */
  private static double logLikelihood(double[] theta, int[] x, double[] w, double total, double[] xm,
      double[] logXm, double logMTotal, int[] distinct, double[] lgCache) {
    double p = Math.exp(theta[0]);
    double q = Math.exp(theta[1]);
    double g = Math.exp(theta[2]);
    double lgQ = logGamma(q);
    for (int v : distinct) {
      lgCache[v] = logGamma(p * v + q) - logGamma(p * v);
    }
    double sum = total * (q * Math.log(g) - lgQ) - logMTotal;
    for (int i = 0; i < x.length; i++) {
      double px = p * x[i];
      sum += w[i] * (lgCache[x[i]] + px * logXm[i] - (px + q) * Math.log(g + xm[i]));
    }
    return sum;
  }
}

package org.crmkit.segmentation.clv;

import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood fitting of the BG/NBD model. Stateless and thread-safe.
 *
 * <p>The optimiser (Hipparchus BOBYQA) works on the logarithms of {@code r, alpha, a, b}, each
 * bounded to {@code [-25, 25]}. One likelihood evaluation costs O(n) with the log-gamma terms
 * computed once per distinct {@code x}.
 */
public final class BgNbd {
  /** The fewest customers a fit accepts. */
  public static final int MIN_CUSTOMERS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(BgNbd.class);
  private static final String[] NAMES = {"r", "alpha", "a", "b"};

  private BgNbd() {}

  /**
   * Fits the model to calibration summaries.
   *
   * @throws DegenerateDataException if there are fewer than {@link #MIN_CUSTOMERS} customers,
   *     no repeat buyer, or the likelihood cannot be evaluated at the estimate
   * @throws CrmException if {@code customers} is null
   */
  public static BgNbdFit fit(List<CustomerSummary> customers) {
    if (customers == null) {
      throw new CrmException("customers is required, but was null");
    }
    return fit(WeightedSummaries.of(customers));
  }

  /**
   * Fits the model to weighted calibration summaries (a weight is the number of customers with
   * that summary).
   *
   * @throws DegenerateDataException if the weights add up to fewer than {@link #MIN_CUSTOMERS}
   *     customers, no repeat buyer, or the likelihood cannot be evaluated at the estimate
   * @throws CrmException if {@code data} is null
   */
  public static BgNbdFit fit(WeightedSummaries data) {
    if (data == null) {
      throw new CrmException("data is required, but was null");
    }
    SummaryRows rows = checked(data, "BG/NBD");
    Objective objective = new Objective(rows.x, rows.tx, rows.bigT, rows.weight, rows.maxX);
    double rate = rows.weightedX / rows.weightedT;
    double[] start = {0, Math.log(1 / rate), 0, 0};
    MaximumLikelihood.Estimate e = MaximumLikelihood.maximize(objective::value, start, NAMES,
        (int) Math.round(rows.totalWeight), "BG/NBD");
    double[] p = e.parameters();
    BgNbdFit fit = new BgNbdFit(new BgNbdParameters(p[0], p[1], p[2], p[3]), e.report());
    LOG.debug("BG/NBD fitted on {} customers: {} {}", rows.totalWeight, fit.parameters(), fit.report());
    return fit;
  }

  /** The rows of {@code data}, checked for what every continuous-time model needs. */
  static SummaryRows checked(WeightedSummaries data, String model) {
    SummaryRows rows = new SummaryRows(data);
    if (rows.totalWeight < MIN_CUSTOMERS) {
      throw new DegenerateDataException(model + " needs at least " + MIN_CUSTOMERS
          + " customers, but got " + (data.size() == rows.totalWeight ? String.valueOf(data.size())
              : rows.totalWeight + " (total weight)"));
    }
    if (rows.weightedX == 0) {
      throw new DegenerateDataException(model + " needs repeat buyers (x > 0), but all " + data.size()
          + " customers have x = 0: the purchase and dropout processes are not identified");
    }
    if (rows.weightedT == 0) {
      throw new DegenerateDataException(model + " needs customers observed for some time (T > 0), but every T is 0");
    }
    return rows;
  }

  /**
   * The total log-likelihood over log-parameters. Customers with equal {@code (x, t_x, T)} are
   * merged with a weight (day-resolution data repeat them often: every one-time buyer of a day
   * is the same); log-gammas are computed once per distinct {@code x}, and {@code ln(α+T)},
   * {@code ln(α+t_x)} once per distinct time, so an evaluation costs one exp and one log1p per
   * distinct repeat-buyer summary.
   */
  static final class Objective {
    private final int[] x;
    private final int[] txIndex;
    private final int[] bigTIndex;
    private final double[] weight;
    private final double[] times;
    private final double[] logTimes;
    private final int[] distinctX;
    private final double[] shared;
    private final double[] logBx;
    private final double total;

    Objective(int[] xs, double[] txs, double[] bigTs, double[] ws, int maxX) {
      java.util.Map<Double, Integer> timeIndex = new java.util.HashMap<>();
      java.util.Map<java.util.List<Object>, Double> rows = new java.util.LinkedHashMap<>();
      for (int i = 0; i < xs.length; i++) {
        timeIndex.putIfAbsent(txs[i], timeIndex.size());
        timeIndex.putIfAbsent(bigTs[i], timeIndex.size());
        rows.merge(java.util.List.of(xs[i], txs[i], bigTs[i]), ws[i], Double::sum);
      }
      int n = rows.size();
      x = new int[n];
      txIndex = new int[n];
      bigTIndex = new int[n];
      weight = new double[n];
      int k = 0;
      for (java.util.Map.Entry<java.util.List<Object>, Double> e : rows.entrySet()) {
        x[k] = (Integer) e.getKey().get(0);
        txIndex[k] = Checks.entry(timeIndex, (Double) e.getKey().get(1));
        bigTIndex[k] = Checks.entry(timeIndex, (Double) e.getKey().get(2));
        weight[k] = e.getValue();
        k++;
      }
      times = new double[timeIndex.size()];
      timeIndex.forEach((t, i) -> times[i] = t);
      logTimes = new double[times.length];
      distinctX = java.util.Arrays.stream(xs).distinct().sorted().toArray();
      shared = new double[maxX + 1];
      logBx = new double[maxX + 1];
      double tw = 0;
      for (double v : ws) {
        tw += v;
      }
      total = tw;
    }

    double value(double[] theta) {
      double r = Math.exp(theta[0]);
      double alpha = Math.exp(theta[1]);
      double a = Math.exp(theta[2]);
      double b = Math.exp(theta[3]);
      double logA = Math.log(a);
      for (int v : distinctX) {
        shared[v] = BgNbdMath.logGammaRatio(r, v) + BgNbdMath.logGammaRatio(b, v)
            - BgNbdMath.logGammaRatio(a + b, v);
        logBx[v] = v == 0 ? 0 : logA - Math.log(b + v - 1);
      }
      for (int i = 0; i < times.length; i++) {
        logTimes[i] = Math.log(alpha + times[i]);
      }
      double sum = total * r * Math.log(alpha);
      for (int i = 0; i < x.length; i++) {
        int xi = x[i];
        double t1 = -(r + xi) * logTimes[bigTIndex[i]];
        double tail;
        if (xi == 0) {
          tail = t1;
        } else {
          double t2 = logBx[xi] - (r + xi) * logTimes[txIndex[i]];
          double hi = Math.max(t1, t2);
          tail = hi + Math.log1p(Math.exp(Math.min(t1, t2) - hi));
        }
        sum += weight[i] * (shared[xi] + tail);
      }
      return sum;
    }
  }
}

package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weighted summaries merged by equal {@code (x, t_x, T)} and sorted by {@code (x, t_x, T)}, as
 * arrays for likelihood loops. The canonical order makes every sum over the rows (the
 * log-likelihood, the start point) the same computation whatever the order or grouping of the
 * input, so a fit on per-customer summaries and one on the same customers grouped into weighted
 * tuples (as a distributed engine hands them over) give the same parameters, bit for bit, when
 * the weights are whole numbers (their sums are then exact). Not part of the public API.
 */
final class SummaryRows {
  final int[] x;
  final double[] tx;
  final double[] bigT;
  final double[] weight;
  final double totalWeight;
  final double weightedX;
  final double weightedT;
  final int maxX;

  private record Key(int x, double tx, double bigT) {}

  private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::x)
      .thenComparingDouble(Key::tx).thenComparingDouble(Key::bigT);

  SummaryRows(WeightedSummaries data) {
    Map<Key, Double> rows = new TreeMap<>(ORDER);
    for (int i = 0; i < data.size(); i++) {
      CustomerSummary c = data.customers().get(i);
      // + 0.0 turns -0.0 into 0.0, so that the two zeros are one key
      rows.merge(new Key(c.repeatPurchases(), c.recency() + 0.0, c.age() + 0.0), data.weight(i),
          Double::sum);
    }
    int n = rows.size();
    x = new int[n];
    tx = new double[n];
    bigT = new double[n];
    weight = new double[n];
    int k = 0;
    double tw = 0;
    double wx = 0;
    double wt = 0;
    int mx = 0;
    for (Map.Entry<Key, Double> e : rows.entrySet()) {
      x[k] = e.getKey().x();
      tx[k] = e.getKey().tx();
      bigT[k] = e.getKey().bigT();
      weight[k] = e.getValue();
      tw += weight[k];
      wx += weight[k] * x[k];
      wt += weight[k] * bigT[k];
      mx = Math.max(mx, x[k]);
      k++;
    }
    totalWeight = tw;
    weightedX = wx;
    weightedT = wt;
    maxX = mx;
  }

  int size() {
    return x.length;
  }

  /** The rows as summaries (for per-row likelihood functions). */
  List<CustomerSummary> summaries() {
    List<CustomerSummary> out = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      out.add(CustomerSummary.of("row" + i, x[i], tx[i], bigT[i], 0));
    }
    return out;
  }
}

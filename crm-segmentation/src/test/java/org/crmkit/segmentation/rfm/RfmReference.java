package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;

/**
 * A deliberately naive RFM scorer, straight from the definitions: O(N²) counting of strictly worse
 * customers for TIES_SHARE, a full comparator sort for STABLE_SPLIT.
 */
final class RfmReference {
  private RfmReference() {}

  static List<RfmScore> score(List<Transaction> txs, LocalDate asOf, int n, TiePolicy ties,
      FrequencyMeasure fm, MonetaryMeasure mm) {
    Map<CustomerId, List<Transaction>> by = new TreeMap<>();
    for (Transaction t : txs) {
      if (!t.date().isAfter(asOf)) {
        by.computeIfAbsent(t.customer(), k -> new ArrayList<>()).add(t);
      }
    }
    List<CustomerId> ids = new ArrayList<>(by.keySet());
    int size = ids.size();
    long[] rec = new long[size];
    int[] freq = new int[size];
    double[] mon = new double[size];
    for (int i = 0; i < size; i++) {
      List<Transaction> list = by.get(ids.get(i));
      LocalDate last = list.get(0).date();
      double sum = 0;
      Set<LocalDate> days = new HashSet<>();
      for (Transaction t : list) {
        if (t.date().isAfter(last)) {
          last = t.date();
        }
        sum += t.amount();
        days.add(t.date());
      }
      rec[i] = ChronoUnit.DAYS.between(last, asOf);
      freq[i] = fm == FrequencyMeasure.TRANSACTIONS ? list.size() : days.size();
      mon[i] = mm == MonetaryMeasure.TOTAL ? sum : sum / list.size();
    }
    double[] gr = new double[size];
    double[] gf = new double[size];
    double[] gm = new double[size];
    for (int i = 0; i < size; i++) {
      gr[i] = -rec[i];
      gf[i] = freq[i];
      gm[i] = mon[i];
    }
    int[] r = scores(gr, n, ties);
    int[] f = scores(gf, n, ties);
    int[] m = scores(gm, n, ties);
    List<RfmScore> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      out.add(new RfmScore(ids.get(i), (int) rec[i], freq[i], mon[i], r[i], f[i], m[i]));
    }
    return out;
  }

  /** Goodness values of customers in id order. */
  private static int[] scores(double[] g, int n, TiePolicy ties) {
    int size = g.length;
    int[] s = new int[size];
    if (ties == TiePolicy.TIES_SHARE) {
      for (int i = 0; i < size; i++) {
        int worse = 0;
        for (int j = 0; j < size; j++) {
          if (g[j] < g[i]) {
            worse++;
          }
        }
        s[i] = 1 + (int) ((long) n * worse / size);
      }
    } else {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        order.add(i);
      }
      order.sort(Comparator.<Integer>comparingDouble(i -> g[i]).thenComparingInt(i -> i));
      for (int p = 0; p < size; p++) {
        s[order.get(p)] = 1 + (int) ((long) n * p / size);
      }
    }
    return s;
  }
}

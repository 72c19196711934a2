package org.crmkit.segmentation.tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.rfm.RfmScore;

/**
 * Assigns value tiers to any per-customer value (revenue, an RFM score total, a lifetime-value
 * prediction). Every method gives equal values the same tier and does not depend on the order of
 * the input. Results are unmodifiable maps sorted by customer id. Stateless and thread-safe;
 * O(C log C) for C customers.
 *
 * <pre>{@code
 * Map<CustomerId, ValueTier> tiers = ValueTiers.byCumulativeShare(revenue, 0.80, 0.95);
 * }</pre>
 */
public final class ValueTiers {
  private ValueTiers() {}

  /**
   * Tiers by cumulative share of the positive total: sorted from the highest value down, a
   * customer is HIGH if the customers with a strictly greater value make less than {@code
   * highShare} of the total, MEDIUM if they make less than {@code mediumShare}, LOW otherwise. So
   * with (0.8, 0.95) the HIGH customers are the smallest top group making at least 80% of the
   * total. Values of zero or less are always LOW. Shares are computed exactly: each value is read
   * as the shortest decimal its double stands for and summed without rounding, so the result
   * never depends on the map's iteration order.
   *
   * @throws CrmException if a value is not finite, the shares are not {@code 0 < highShare <=
   *     mediumShare <= 1}, or no value is positive
   */
  public static Map<CustomerId, ValueTier> byCumulativeShare(
      Map<CustomerId, Double> values, double highShare, double mediumShare) {
    checkValues(values);
    if (!(highShare > 0 && highShare <= mediumShare && mediumShare <= 1)) {
      throw new CrmException("shares must satisfy 0 < highShare <= mediumShare <= 1, but were "
          + highShare + " and " + mediumShare);
    }
    // exact decimal sums (each value read as the shortest decimal its double stands for), so the
    // tiers never depend on the map's iteration order
    BigDecimal total = BigDecimal.ZERO;
    for (double v : values.values()) {
      if (v > 0) {
        total = total.add(BigDecimal.valueOf(v));
      }
    }
    if (total.signum() <= 0) {
      throw new CrmException("cumulative-share tiers need at least one positive value, but all "
          + values.size() + " values are <= 0");
    }
    BigDecimal highLimit = total.multiply(BigDecimal.valueOf(highShare));
    BigDecimal mediumLimit = total.multiply(BigDecimal.valueOf(mediumShare));
    double[] desc = positiveDescending(values);
    Map<Double, ValueTier> tierOf = new HashMap<>();
    BigDecimal running = BigDecimal.ZERO;   // the sum of the values strictly greater
    for (int i = 0; i < desc.length; i++) {
      if (i == 0 || desc[i] != desc[i - 1]) {
        tierOf.put(desc[i], running.compareTo(highLimit) < 0 ? ValueTier.HIGH
            : running.compareTo(mediumLimit) < 0 ? ValueTier.MEDIUM : ValueTier.LOW);
      }
      running = running.add(BigDecimal.valueOf(desc[i]));
    }
    Map<CustomerId, ValueTier> out = new TreeMap<>();
    for (Map.Entry<CustomerId, Double> e : values.entrySet()) {
      double v = e.getValue();
      out.put(e.getKey(), v > 0 ? Checks.entry(tierOf, v) : ValueTier.LOW);
    }
    return sorted(out);
  }

  /**
   * Tiers by thresholds: HIGH if the value is at least {@code highAtLeast}, MEDIUM if at least
   * {@code mediumAtLeast}, LOW otherwise.
   *
   * @throws CrmException if a value or threshold is not finite or {@code mediumAtLeast >
   *     highAtLeast}
   */
  public static Map<CustomerId, ValueTier> byThresholds(
      Map<CustomerId, Double> values, double highAtLeast, double mediumAtLeast) {
    checkValues(values);
    if (!Double.isFinite(highAtLeast) || !Double.isFinite(mediumAtLeast)
        || mediumAtLeast > highAtLeast) {
      throw new CrmException("thresholds must be finite with mediumAtLeast <= highAtLeast, but were "
          + highAtLeast + " and " + mediumAtLeast);
    }
    Map<CustomerId, ValueTier> out = new TreeMap<>();
    values.forEach((id, v) -> out.put(id, v >= highAtLeast ? ValueTier.HIGH
        : v >= mediumAtLeast ? ValueTier.MEDIUM : ValueTier.LOW));
    return sorted(out);
  }

  /**
   * Tiers by quantiles of the customer count: a customer is HIGH if fewer than {@code
   * highFraction × C} customers have a strictly greater value, MEDIUM if fewer than {@code
   * mediumFraction × C} do, LOW otherwise (so ties stay together; a tier may exceed its fraction).
   *
   * @throws CrmException if a value is not finite or not {@code 0 <= highFraction <=
   *     mediumFraction <= 1}
   */
  public static Map<CustomerId, ValueTier> byQuantiles(
      Map<CustomerId, Double> values, double highFraction, double mediumFraction) {
    checkValues(values);
    if (!(highFraction >= 0 && highFraction <= mediumFraction && mediumFraction <= 1)) {
      throw new CrmException("fractions must satisfy 0 <= highFraction <= mediumFraction <= 1, but"
          + " were " + highFraction + " and " + mediumFraction);
    }
    double[] asc = values.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = asc.length;
    Map<CustomerId, ValueTier> out = new TreeMap<>();
    for (Map.Entry<CustomerId, Double> e : values.entrySet()) {
      int better = n - upperBound(asc, e.getValue());
      out.put(e.getKey(), better < highFraction * n ? ValueTier.HIGH
          : better < mediumFraction * n ? ValueTier.MEDIUM : ValueTier.LOW);
    }
    return sorted(out);
  }

  /** The RFM score total r + f + m of each customer, as a value to tier. */
  public static Map<CustomerId, Double> scoreTotals(List<RfmScore> scores) {
    Map<CustomerId, Double> out = new TreeMap<>();
    for (RfmScore s : scores) {
      out.put(s.customer(), (double) (s.r() + s.f() + s.m()));
    }
    return sorted(out);
  }

  /** How many customers each tier holds, in HIGH, MEDIUM, LOW order. */
  public static Map<ValueTier, Integer> counts(Map<CustomerId, ValueTier> tiers) {
    Map<ValueTier, Integer> out = new LinkedHashMap<>();
    for (ValueTier t : ValueTier.values()) {
      out.put(t, 0);
    }
    tiers.values().forEach(t -> out.merge(t, 1, Integer::sum));
    return java.util.Collections.unmodifiableMap(out);
  }

  private static void checkValues(Map<CustomerId, Double> values) {
    Checks.present("values", values);
    List<String> bad = new ArrayList<>();
    values.forEach((id, v) -> {
      if (v == null || !Double.isFinite(v)) {
        bad.add(id + "=" + v);
      }
    });
    if (!bad.isEmpty()) {
      throw new CrmException("values must be finite numbers, but found " + bad.size() + ": "
          + bad.subList(0, Math.min(5, bad.size())));
    }
  }

  private static double[] positiveDescending(Map<CustomerId, Double> values) {
    double[] pos = values.values().stream().mapToDouble(Double::doubleValue).filter(v -> v > 0)
        .toArray();
    Arrays.sort(pos);
    for (int i = 0, j = pos.length - 1; i < j; i++, j--) {
      double t = pos[i];
      pos[i] = pos[j];
      pos[j] = t;
    }
    return pos;
  }

  private static int upperBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static <V> Map<CustomerId, V> sorted(Map<CustomerId, V> map) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}

package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * Model diagnostics as data, ready to plot or print: calibration vs hold-out purchases by
 * frequency, the P(alive) and expected-purchases matrices over (frequency, recency), and the
 * cumulative hold-out tracking curve. Stateless and thread-safe; every result is immutable.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * Diagnostics.Grid alive = Diagnostics.probabilityAliveMatrix(model, 39, 20, 40);
 * double pAlive = alive.values().get(5).get(10); // x = 5, t_x = alive.recencies().get(10)
 * }</pre>
 */
public final class Diagnostics {
  /** The default last (open) frequency bucket: {@code x >= 7}. */
  public static final int DEFAULT_MAX_FREQUENCY = 7;

  private Diagnostics() {}

  /**
   * A value per (frequency, recency) pair, for a heat map. Immutable.
   *
   * @param age the customers' age T (or BG/BB's n) the grid is computed at
   * @param frequencies the rows: {@code x = 0, 1, …}
   * @param recencies the columns: {@code t_x} from 0 to T
   * @param values {@code values.get(i).get(j)} at {@code frequencies[i], recencies[j]}; NaN where
   *     the pair is impossible ({@code x > 0} at {@code t_x = 0}, {@code x = 0} at {@code t_x > 0})
   */
  public record Grid(double age, List<Integer> frequencies, List<Double> recencies, List<List<Double>> values) {
    /** Copies the lists. */
    public Grid {
      frequencies = List.copyOf(frequencies);
      recencies = List.copyOf(recencies);
      values = values.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A point of the cumulative tracking curve. Immutable.
   *
   * @param period periods after the calibration end
   * @param actual cumulative actual repeat purchases up to the period
   * @param expected cumulative expected repeat purchases up to the period
   */
  public record TrackingPoint(int period, double actual, double expected) {}

  /**
   * Calibration vs hold-out by frequency: for each {@code x = 0 … maxFrequency} (the last bucket
   * open), the mean actual hold-out purchases per customer and each model's mean expectation over
   * {@code holdoutPeriods}. O(n · models).
   *
   * @throws CrmException if {@code holdoutPeriods} is not &gt; 0, {@code maxFrequency < 1}, or
   *     {@code models} is empty
   */
  public static List<FrequencyBucket> calibrationVsHoldout(WeightedSummaries data, double holdoutPeriods,
      int maxFrequency, List<? extends PurchaseModel> models) {
    if (!(holdoutPeriods > 0) || !Double.isFinite(holdoutPeriods)) {
      throw new CrmException("holdoutPeriods must be a finite number > 0, but was " + holdoutPeriods);
    }
    if (maxFrequency < 1 || models == null || models.isEmpty()) {
      throw new CrmException("need maxFrequency >= 1 and at least one model, but got " + maxFrequency + " and " + models);
    }
    int n = maxFrequency + 1;
    double[] w = new double[n];
    double[] actual = new double[n];
    double[][] expected = new double[models.size()][n];
    for (int i = 0; i < data.size(); i++) {
      CustomerSummary c = data.customers().get(i);
      double wi = data.weight(i);
      int b = Math.min(c.repeatPurchases(), maxFrequency);
      w[b] += wi;
      actual[b] += wi * c.holdoutPurchases();
      for (int m = 0; m < models.size(); m++) {
        expected[m][b] += wi * models.get(m).expectedPurchases(c, holdoutPeriods);
      }
    }
    List<FrequencyBucket> out = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      if (w[b] == 0) {
        continue;
      }
      Map<String, Double> e = new LinkedHashMap<>();
      for (int m = 0; m < models.size(); m++) {
        e.put(models.get(m).kind().label(), expected[m][b] / w[b]);
      }
      out.add(new FrequencyBucket(b, b == maxFrequency, w[b], actual[b] / w[b], e));
    }
    return List.copyOf(out);
  }

  /**
   * P(alive) over frequencies {@code 0 … maxFrequency} and {@code recencyPoints} recencies evenly
   * spaced over {@code [0, age]}, at age {@code age} (for BG/BB: whole opportunities 0 … n, and
   * {@code recencyPoints} is ignored). O(frequencies · recencies).
   *
   * @throws CrmException if {@code age} is not &gt; 0, {@code maxFrequency < 0} or {@code recencyPoints < 2}
   */
  public static Grid probabilityAliveMatrix(PurchaseModel model, double age, int maxFrequency, int recencyPoints) {
    return grid(model, age, maxFrequency, recencyPoints, (m, c) -> m.probabilityAlive(c));
  }

  /**
   * The expected purchases in the next {@code horizon} periods over the same grid as
   * {@link #probabilityAliveMatrix}.
   *
   * @throws CrmException as {@link #probabilityAliveMatrix}, or if the horizon is invalid for the model
   */
  public static Grid expectedPurchasesMatrix(PurchaseModel model, double age, int maxFrequency, int recencyPoints,
      double horizon) {
    return grid(model, age, maxFrequency, recencyPoints, (m, c) -> m.expectedPurchases(c, horizon));
  }

  private interface Cell {
    double at(PurchaseModel m, CustomerSummary c);
  }

  private static Grid grid(PurchaseModel model, double age, int maxFrequency, int recencyPoints, Cell cell) {
    if (!(age > 0) || !Double.isFinite(age) || maxFrequency < 0 || recencyPoints < 2) {
      throw new CrmException("need age > 0, maxFrequency >= 0 and recencyPoints >= 2, but got " + age + ", "
          + maxFrequency + ", " + recencyPoints);
    }
    boolean discrete = model.kind().discrete();
    if (discrete && age != Math.rint(age)) {
      throw new CrmException("BG/BB counts whole opportunities: age must be a whole number, but was " + age);
    }
    int cols = discrete ? (int) age + 1 : recencyPoints;
    List<Double> rec = new ArrayList<>();
    for (int j = 0; j < cols; j++) {
      rec.add(discrete ? j : age * j / (cols - 1));
    }
    List<Integer> freq = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    for (int x = 0; x <= maxFrequency; x++) {
      freq.add(x);
      List<Double> row = new ArrayList<>();
      for (double tx : rec) {
        boolean possible = x == 0 ? tx == 0 : tx > 0 && (!discrete || x <= tx);
        row.add(possible ? cell.at(model, CustomerSummary.of("grid", x, tx, age, 0)) : Double.NaN);
      }
      values.add(row);
    }
    return new Grid(age, freq, rec, values);
  }

  /**
   * The cumulative tracking curve of the hold-out period: per period after the calibration end,
   * the actual repeat purchases of the calibrated customers and the model's expectation.
   *
   * @throws CrmException if {@code periods < 1}
   */
  public static List<TrackingPoint> trackingCurve(ClvModel model, ClvData data, int periods) {
    double[] actual = data.holdoutCumulativeRepeatPurchases(periods);
    double[] expected = model.expectedCumulativeRepeatPurchases(data.customers(), periods);
    List<TrackingPoint> out = new ArrayList<>(periods);
    for (int k = 0; k < periods; k++) {
      out.add(new TrackingPoint(k + 1, actual[k], expected[k]));
    }
    return List.copyOf(out);
  }
}

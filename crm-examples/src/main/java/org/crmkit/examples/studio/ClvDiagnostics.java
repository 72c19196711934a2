package org.crmkit.examples.studio;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.clv.BgNbdParameters;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.Diagnostics;
import org.crmkit.segmentation.clv.FrequencyBucket;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseModel;
import org.crmkit.segmentation.clv.WeightedSummaries;

/**
 * Lifetime-value diagnostics for the segments page: BG/NBD fitted on a calibration period and
 * checked on the following hold-out weeks, with the library's {@link Diagnostics} (calibration vs
 * hold-out purchases by calibration frequency, the P(alive) matrix over frequency and recency,
 * the cumulative tracking curve), shaped for the page's charts. Immutable result; O(customers ×
 * hold-out weeks) to compute.
 */
final class ClvDiagnostics {
  /** Hold-out length in weeks. */
  static final int HOLDOUT_WEEKS = 26;
  /** Calibration frequencies 0..MAX_BUCKET-1 each get a bucket, the rest share the last. */
  static final int MAX_BUCKET = 7;
  /** The P(alive) matrix's frequency and recency resolution. */
  static final int MATRIX_STEPS = 20;

  private ClvDiagnostics() {}

  /**
   * The diagnostics of {@code transactions}, with the hold-out = the last 26 weeks; a map with
   * {@code available = false} and a {@code reason} when the data cannot be fitted.
   */
  static Map<String, Object> of(List<Transaction> transactions) {
    Map<String, Object> m = new LinkedHashMap<>();
    LocalDate first = transactions.stream().map(Transaction::date).min(LocalDate::compareTo).orElseThrow();
    LocalDate end = transactions.stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
    LocalDate calibrationEnd = end.minusWeeks(HOLDOUT_WEEKS);
    if (ChronoUnit.WEEKS.between(first, calibrationEnd) < HOLDOUT_WEEKS) {
      m.put("available", false);
      m.put("reason", "the log spans " + ChronoUnit.DAYS.between(first, end) + " days; lifetime-value"
          + " diagnostics need at least " + 2 * HOLDOUT_WEEKS + " weeks (calibration and hold-out)");
      return m;
    }
    ClvData data = ClvData.of(transactions, calibrationEnd, end, PeriodUnit.WEEK);
    ClvModel model;
    try {
      model = ClvModel.fit(data);
    } catch (CrmException e) {
      m.put("available", false);
      m.put("reason", "the models could not be fitted: " + e.getMessage());
      return m;
    }
    BgNbdParameters p = model.bgNbd().parameters();
    PurchaseModel purchases = model.purchases().model();
    List<CustomerSummary> customers = data.customers();
    m.put("available", true);
    m.put("calibrationEnd", calibrationEnd.toString());
    m.put("holdoutEnd", end.toString());
    m.put("customers", customers.size());
    m.put("parameters", Map.of("r", p.r(), "alpha", p.alpha(), "a", p.a(), "b", p.b()));

    // calibration vs hold-out: mean hold-out purchases by calibration repeat purchases
    List<String> labels = new ArrayList<>();
    List<Double> meanActual = new ArrayList<>();
    List<Double> meanExpected = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    for (FrequencyBucket b : Diagnostics.calibrationVsHoldout(WeightedSummaries.of(customers),
        HOLDOUT_WEEKS, MAX_BUCKET, List.of(purchases))) {
      labels.add(b.open() ? b.frequency() + "+" : Integer.toString(b.frequency()));
      meanActual.add(b.actualMean());
      meanExpected.add(b.expectedMean().values().iterator().next());
      sizes.add(b.customers());
    }
    m.put("calibrationVsHoldout", Map.of("frequency", labels, "actual", meanActual,
        "expected", meanExpected, "customers", sizes));

    // P(alive) matrix over (repeat purchases, recency) for a customer of the longest age, up to
    // the 99th percentile of repeat purchases: the rare heaviest buyers would squeeze the rest
    double age = customers.stream().mapToDouble(CustomerSummary::age).max().orElse(1);
    int[] xsSorted = customers.stream().mapToInt(CustomerSummary::repeatPurchases).sorted().toArray();
    int maxX = Math.max(1, xsSorted[(int) Math.floor(0.99 * (xsSorted.length - 1))]);
    int xStep = Math.max(1, (int) Math.ceil(maxX / (double) MATRIX_STEPS));
    Diagnostics.Grid grid = Diagnostics.probabilityAliveMatrix(purchases, age, maxX, MATRIX_STEPS + 1);
    List<String> xs = new ArrayList<>();
    List<String> recencies = new ArrayList<>();
    List<Object[]> cells = new ArrayList<>();
    grid.recencies().forEach(r -> recencies.add(Long.toString(Math.round(r))));
    int row = 0;
    for (int i = 0; i < grid.frequencies().size(); i += xStep, row++) {
      xs.add(Integer.toString(grid.frequencies().get(i)));
      List<Double> values = grid.values().get(i);
      for (int j = 0; j < values.size(); j++) {
        if (!Double.isNaN(values.get(j))) {   // NaN: an impossible (frequency, recency) pair
          cells.add(new Object[] {j, row, round(values.get(j))});
        }
      }
    }
    m.put("pAlive", Map.of("frequency", xs, "recency", recencies, "cells", cells,
        "age", round(age)));

    // tracking: cumulative repeat purchases in the hold-out weeks, observed and expected
    List<String> weeks = new ArrayList<>();
    List<Double> obs = new ArrayList<>();
    List<Double> pred = new ArrayList<>();
    for (Diagnostics.TrackingPoint t : Diagnostics.trackingCurve(model, data, HOLDOUT_WEEKS)) {
      weeks.add(Integer.toString(t.period()));
      obs.add(t.actual());
      pred.add(round(t.expected()));
    }
    m.put("tracking", Map.of("week", weeks, "actual", obs, "expected", pred));
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

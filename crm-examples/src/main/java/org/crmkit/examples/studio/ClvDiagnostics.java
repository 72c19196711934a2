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
import org.crmkit.segmentation.clv.PeriodUnit;

/**
 * Lifetime-value diagnostics for the segments page, computed from the public CLV API (BG/NBD
 * fitted on a calibration period, checked on the following hold-out weeks), in the form of
 * lifetimes' plots: calibration vs hold-out purchases by calibration frequency, the P(alive)
 * matrix over frequency and recency, and the cumulative tracking curve. This is the only place the
 * studio computes diagnostics, so that it can switch to the library's own diagnostics API once
 * that exists. Immutable result; O(customers × hold-out weeks) to compute.
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
    List<CustomerSummary> customers = data.customers();
    m.put("available", true);
    m.put("calibrationEnd", calibrationEnd.toString());
    m.put("holdoutEnd", end.toString());
    m.put("customers", customers.size());
    m.put("parameters", Map.of("r", p.r(), "alpha", p.alpha(), "a", p.a(), "b", p.b()));

    // calibration vs hold-out: mean hold-out purchases by calibration repeat purchases
    double[] actual = new double[MAX_BUCKET + 1];
    double[] expected = new double[MAX_BUCKET + 1];
    int[] counts = new int[MAX_BUCKET + 1];
    for (CustomerSummary c : customers) {
      int k = Math.min(c.repeatPurchases(), MAX_BUCKET);
      actual[k] += c.holdoutPurchases();
      expected[k] += p.expectedPurchases(c, HOLDOUT_WEEKS);
      counts[k]++;
    }
    List<String> labels = new ArrayList<>();
    List<Double> meanActual = new ArrayList<>();
    List<Double> meanExpected = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int k = 0; k <= MAX_BUCKET; k++) {
      labels.add(k < MAX_BUCKET ? Integer.toString(k) : MAX_BUCKET + "+");
      meanActual.add(counts[k] == 0 ? 0 : actual[k] / counts[k]);
      meanExpected.add(counts[k] == 0 ? 0 : expected[k] / counts[k]);
      sizes.add(counts[k]);
    }
    m.put("calibrationVsHoldout", Map.of("frequency", labels, "actual", meanActual,
        "expected", meanExpected, "customers", sizes));

    // P(alive) matrix over (repeat purchases, recency) for a customer of the longest age
    double age = customers.stream().mapToDouble(CustomerSummary::age).max().orElse(1);
    // up to the 99th percentile of repeat purchases: the rare heaviest buyers would squeeze the rest
    int[] xsSorted = customers.stream().mapToInt(CustomerSummary::repeatPurchases).sorted().toArray();
    int maxX = Math.max(1, xsSorted[(int) Math.floor(0.99 * (xsSorted.length - 1))]);
    int xStep = Math.max(1, (int) Math.ceil(maxX / (double) MATRIX_STEPS));
    List<String> xs = new ArrayList<>();
    List<String> recencies = new ArrayList<>();
    List<Object[]> cells = new ArrayList<>();
    for (int j = 0; j <= MATRIX_STEPS; j++) {
      recencies.add(Long.toString(Math.round(age * j / MATRIX_STEPS)));
    }
    int row = 0;
    for (int x = 0; x <= maxX; x += xStep, row++) {
      xs.add(Integer.toString(x));
      for (int j = 0; j <= MATRIX_STEPS; j++) {
        double recency = age * j / MATRIX_STEPS;
        if (x == 0 && j > 0) {
          continue;   // without repeat purchases the recency is 0 by definition
        }
        CustomerSummary c = new CustomerSummary(customers.get(0).customer(), x,
            x == 0 ? 0 : recency, age, 0, 0);
        cells.add(new Object[] {j, row, round(p.probabilityAlive(c))});
      }
    }
    m.put("pAlive", Map.of("frequency", xs, "recency", recencies, "cells", cells,
        "age", round(age)));

    // tracking: cumulative repeat purchases in the hold-out weeks, observed and expected
    double[] observed = data.holdoutCumulativeRepeatPurchases(HOLDOUT_WEEKS);
    double[] predicted = model.expectedCumulativeRepeatPurchases(customers, HOLDOUT_WEEKS);
    List<String> weeks = new ArrayList<>();
    List<Double> obs = new ArrayList<>();
    List<Double> pred = new ArrayList<>();
    for (int k = 0; k < HOLDOUT_WEEKS; k++) {
      weeks.add(Integer.toString(k + 1));
      obs.add(observed[k]);
      pred.add(round(predicted[k]));
    }
    m.put("tracking", Map.of("week", weeks, "actual", obs, "expected", pred));
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}

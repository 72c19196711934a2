package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * Purchase models fitted to the same summaries, side by side: log-likelihood, AIC, BIC, the
 * hold-out error by calibration-frequency bucket, and each fit's warnings. Immutable.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * ModelComparison table = ModelComparison.fit(WeightedSummaries.of(data.customers()), 39,
 *     List.of(PurchaseModelKind.BG_NBD, PurchaseModelKind.PARETO_NBD, PurchaseModelKind.MBG_NBD));
 * ModelComparison.Row best = table.bestByBic();
 * }</pre>
 *
 * @param holdoutPeriods the length of the hold-out period the hold-out purchases were counted in
 *     (0: no hold-out, and no buckets)
 * @param rows one row per model, in the order given
 * @param buckets calibration vs hold-out by frequency, over all models; empty without hold-out
 */
public record ModelComparison(double holdoutPeriods, List<Row> rows, List<FrequencyBucket> buckets) {

  /** Copies the lists. */
  public ModelComparison {
    rows = List.copyOf(rows);
    buckets = List.copyOf(buckets);
  }

  /**
   * One model's line of the table.
   *
   * @param fit the fit (model, report, warnings)
   * @param logLikelihood the maximised log-likelihood
   * @param aic {@code 2k − 2 LL}
   * @param bic {@code k ln n − 2 LL}
   * @param holdoutMeanAbsoluteError the customer-weighted mean over frequency buckets of
   *     |mean expected − mean actual| hold-out purchases per customer; NaN without hold-out
   * @param holdoutExpectedTotal the expected hold-out purchases summed over all customers; NaN
   *     without hold-out
   */
  public record Row(PurchaseFit fit, double logLikelihood, double aic, double bic,
      double holdoutMeanAbsoluteError, double holdoutExpectedTotal) {}

  /**
   * Fits every kind to {@code data} and compares them; hold-out purchases are read from each
   * summary's {@link CustomerSummary#holdoutPurchases()} over {@code holdoutPeriods}.
   *
   * @throws CrmException if {@code kinds} is empty, mixes BG/BB (discrete) with continuous-time
   *     models (their likelihoods are not comparable), or {@code holdoutPeriods < 0}
   * @throws DegenerateDataException if a model cannot be fitted
   */
  public static ModelComparison fit(WeightedSummaries data, double holdoutPeriods, List<PurchaseModelKind> kinds) {
    if (kinds == null || kinds.isEmpty()) {
      throw new CrmException("kinds must name at least one model, but was " + kinds);
    }
    List<PurchaseFit> fits = new ArrayList<>();
    for (PurchaseModelKind k : kinds) {
      fits.add(k.fit(data));
    }
    return of(data, holdoutPeriods, fits);
  }

  /**
   * Compares fitted models on {@code data}.
   *
   * @throws CrmException as {@link #fit}
   */
  public static ModelComparison of(WeightedSummaries data, double holdoutPeriods, List<PurchaseFit> fits) {
    if (fits == null || fits.isEmpty()) {
      throw new CrmException("fits must hold at least one model, but was " + fits);
    }
    if (!(holdoutPeriods >= 0) || !Double.isFinite(holdoutPeriods)) {
      throw new CrmException("holdoutPeriods must be a finite number >= 0, but was " + holdoutPeriods);
    }
    long discrete = fits.stream().filter(f -> f.model().kind().discrete()).count();
    if (discrete != 0 && discrete != fits.size()) {
      throw new CrmException("BG/BB (discrete opportunities) cannot be compared with continuous-time models:"
          + " their likelihoods are of different data");
    }
    List<FrequencyBucket> buckets = holdoutPeriods > 0
        ? Diagnostics.calibrationVsHoldout(data, holdoutPeriods, Diagnostics.DEFAULT_MAX_FREQUENCY,
            fits.stream().map(PurchaseFit::model).toList())
        : List.of();
    List<Row> rows = new ArrayList<>();
    for (PurchaseFit f : fits) {
      double mae = Double.NaN;
      double total = Double.NaN;
      if (!buckets.isEmpty()) {
        double err = 0;
        double w = 0;
        total = 0;
        for (FrequencyBucket b : buckets) {
          double e = FitWarnings.value(b.expectedMean(), f.model().kind().label());
          err += b.customers() * Math.abs(e - b.actualMean());
          w += b.customers();
          total += b.customers() * e;
        }
        mae = err / w;
      }
      rows.add(new Row(f, f.report().logLikelihood(), f.aic(), f.bic(), mae, total));
    }
    return new ModelComparison(holdoutPeriods, rows, buckets);
  }

  /** The row with the smallest BIC (the first one on a tie). */
  public Row bestByBic() {
    Row best = rows.get(0);
    for (Row r : rows) {
      if (r.bic() < best.bic()) {
        best = r;
      }
    }
    return best;
  }

  /** The comparison as a map from model label to row, in order; unmodifiable. */
  public Map<String, Row> byLabel() {
    Map<String, Row> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r.fit().model().kind().label(), r));
    return java.util.Collections.unmodifiableMap(out);
  }
}

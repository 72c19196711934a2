package org.crmkit.segmentation.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;

/**
 * A fitted lifetime-value model: a purchase and dropout model (BG/NBD by default, or Pareto/NBD or
 * MBG/NBD, see {@link PurchaseModelKind}), Gamma-Gamma for spend, with the calibration end and the
 * period unit of the data they were fitted on. Predictions are as of the calibration end.
 * Immutable and thread-safe.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * ClvData data = ClvData.of(transactions, LocalDate.parse("1997-09-30"), PeriodUnit.WEEK);
 * ClvModel model = ClvModel.fit(data);
 * ClvPredictions next52 = model.predict(data.customers(), 52, 0.01);
 * Map<CustomerId, Double> clv = next52.clvByCustomer();
 * }</pre>
 *
 * @param calibrationEnd the last day of the calibration period: the "now" of every prediction
 * @param unit the period unit of every time (recency, age, horizon)
 * @param purchases the purchase and dropout model with its fit report and warnings (a
 *     continuous-time model: BG/BB counts discrete opportunities and is fitted on summaries)
 * @param gammaGamma the spend model
 */
public record ClvModel(LocalDate calibrationEnd, PeriodUnit unit, PurchaseFit purchases, GammaGammaFit gammaGamma) {
  /** The longest horizon {@link #predict} accepts, in periods of the model's unit. */
  public static final int MAX_HORIZON = 100_000;

  /**
   * Creates a model from its parts.
   *
   * @throws CrmException if a part is null, or the purchase model is BG/BB (discrete opportunities)
   */
  public ClvModel {
    if (calibrationEnd == null || unit == null || purchases == null || gammaGamma == null) {
      throw new CrmException("ClvModel needs calibrationEnd, unit, purchases and gammaGamma, but one was null");
    }
    if (purchases.model().kind().discrete()) {
      throw new CrmException("ClvModel needs a continuous-time purchase model, but got "
          + purchases.model().kind().label() + ": fit BG/BB on summaries with PurchaseModelKind.BG_BB.fit");
    }
  }

  /**
   * Creates a BG/NBD model from its parts.
   *
   * @throws CrmException if a part is null
   */
  public ClvModel(LocalDate calibrationEnd, PeriodUnit unit, BgNbdFit bgNbd, GammaGammaFit gammaGamma) {
    this(calibrationEnd, unit, purchasesOf(bgNbd), gammaGamma);
  }

  private static PurchaseFit purchasesOf(BgNbdFit bgNbd) {
    if (bgNbd == null) {
      throw new CrmException("ClvModel needs calibrationEnd, unit, bgNbd and gammaGamma, but bgNbd was null");
    }
    return PurchaseFit.of(bgNbd.parameters(), bgNbd.report());
  }

  /**
   * The BG/NBD fit, for a model whose purchase model is BG/NBD.
   *
   * @throws CrmException if the purchase model is another one (use {@link #purchases()})
   */
  public BgNbdFit bgNbd() {
    if (!(purchases.model() instanceof BgNbdParameters p)) {
      throw new CrmException("this lifetime-value model uses " + purchases.model().kind().label()
          + ", not bg-nbd; read it with purchases()");
    }
    return new BgNbdFit(p, purchases.report());
  }

  /**
   * Fits BG/NBD on every customer of {@code data} and Gamma-Gamma on its repeat buyers with
   * positive mean spend. On the CDNOW sample (2,357 customers) this takes some tens of
   * milliseconds.
   *
   * @throws DegenerateDataException if either model cannot be fitted (see {@link BgNbd#fit} and
   *     {@link GammaGamma#fit})
   */
  public static ClvModel fit(ClvData data) {
    return fit(data, PurchaseModelKind.BG_NBD);
  }

  /**
   * Fits the purchase model {@code kind} on every customer of {@code data} and Gamma-Gamma on its
   * repeat buyers with positive mean spend.
   *
   * @throws DegenerateDataException if either model cannot be fitted
   * @throws CrmException if {@code kind} is BG/BB (discrete opportunities: fit it on summaries)
   */
  public static ClvModel fit(ClvData data, PurchaseModelKind kind) {
    if (kind == null || kind.discrete()) {
      throw new CrmException("a lifetime-value model from transactions needs bg-nbd, pareto-nbd or mbg-nbd, but got "
          + (kind == null ? null : kind.label()) + " (BG/BB counts discrete opportunities: fit it on a summary)");
    }
    return new ClvModel(data.calibrationEnd(), data.unit(),
        kind.fit(WeightedSummaries.of(data.customers())), GammaGamma.fit(data.customers()));
  }

  /**
   * The predictions for one customer over {@code horizon} periods after the calibration end.
   *
   * <p>The lifetime value is the expected discounted spend of the purchases in the horizon:
   * {@code CLV = E[M] · Σ_{k=1..H} (E[Y(k)] − E[Y(k−1)]) / (1 + d)^k}, where {@code E[Y(k)]} is
   * the purchase model's expected number of purchases in the first {@code k} periods, {@code E[M]} the
   * Gamma-Gamma expected spend per purchase and {@code d} the discount rate per period: each
   * period's expected purchases are discounted at the period's end. The cost does not grow with
   * the horizon: without discount one evaluation of {@code E[Y(H)]}; with discount the periods
   * are summed only while {@code (1+d)^{−k} E[Y(H)]} can still change the sum (about
   * {@code 37/ln(1+d)} periods at most), each an evaluation of the model's expectation (a closed
   * form for Pareto/NBD, a short series for BG/NBD and MBG/NBD).
   *
   * @throws CrmException if {@code horizon} is not in {@code [1, MAX_HORIZON]}, {@code discount} is negative or not finite,
   *     the expected spend is infinite (see {@link GammaGammaParameters#expectedSpend}), the
   *     expected purchases cannot be summed (see {@link BgNbdParameters#expectedPurchases}) or
   *     the value overflows a double; never returns NaN or an infinity
   */
  public CustomerPrediction predict(CustomerSummary customer, int horizon, double discount) {
    checkHorizonAndDiscount(horizon, discount);
    double[] curve = aliveCurve(customer.repeatPurchases(), customer.recency(), customer.age(), horizon, discount);
    return prediction(customer, curve, purchases.model().probabilityAlive(customer));
  }

  /**
   * The predictions for many customers; like {@link #predict(CustomerSummary, int, double)} for
   * each, but the expectation of an alive customer, which depends only on {@code x} and {@code T},
   * is computed once per distinct {@code (x, T)} pair, and P(alive) once per distinct
   * {@code (x, t_x, T)}: with day-resolution data that is at most the distinct repeat counts times
   * the days of the cohort window (squared for P(alive)), so the cost is close to O(n).
   *
   * @throws CrmException as {@link #predict(CustomerSummary, int, double)}
   */
  public ClvPredictions predict(List<CustomerSummary> customers, int horizon, double discount) {
    checkHorizonAndDiscount(horizon, discount);
    Map<Key, double[]> curves = new HashMap<>();
    Map<AliveKey, Double> alive = new HashMap<>();
    PurchaseModel m = purchases.model();
    List<CustomerPrediction> out = new ArrayList<>(customers.size());
    for (CustomerSummary c : customers) {
      double[] curve = curves.computeIfAbsent(new Key(c.repeatPurchases(), c.age()),
          k -> aliveCurve(k.x(), 0, k.age(), horizon, discount));
      // P(alive) depends on (x, t_x, T) only: Pareto/NBD's costs two hypergeometric series
      double p = alive.computeIfAbsent(new AliveKey(c.repeatPurchases(), c.recency(), c.age()),
          k -> m.probabilityAlive(c));
      out.add(prediction(c, curve, p));
    }
    return new ClvPredictions(horizon, discount, out);
  }

  /**
   * The expected cumulative repeat purchases of {@code customers} in the hold-out period: element
   * {@code k - 1} is {@code Σ_i E[Y_i(k)]}, the expected purchase days within {@code k} periods
   * after the calibration end. Compare with {@link ClvData#holdoutCumulativeRepeatPurchases}.
   * O(n · periods) with caching by {@code (x, T)}. Every element is finite, and the array is
   * non-decreasing.
   *
   * @throws CrmException if {@code periods < 1}, or a customer's expectation cannot be summed
   *     (see {@link BgNbdParameters#expectedPurchases})
   */
  public double[] expectedCumulativeRepeatPurchases(List<CustomerSummary> customers, int periods) {
    if (periods < 1) {
      throw new CrmException("periods must be >= 1, but was " + periods);
    }
    PurchaseModel m = purchases.model();
    Map<Key, double[]> cache = new HashMap<>();
    double[] out = new double[periods];
    for (CustomerSummary c : customers) {
      double[] u = cache.computeIfAbsent(new Key(c.repeatPurchases(), c.age()), k -> {
        double[] v = new double[periods];
        double previous = 0;
        for (int t = 1; t <= periods; t++) {
          previous = Math.max(previous, AliveExpectation.of(m, k.x(), k.age(), t));
          v[t - 1] = previous;
        }
        return v;
      });
      double alive = m.probabilityAlive(c);
      for (int t = 0; t < periods; t++) {
        out[t] += alive * u[t];
      }
    }
    return out;
  }

  private record Key(int x, double age) {}

  private record AliveKey(int x, double recency, double age) {}

  /**
   * For a customer alive at T with x repeat purchases: {@code [U(H), Σ_k (U(k) − U(k−1))/(1+d)^k]}
   * where U is {@link AliveExpectation#of}; the sum stops once the remaining periods cannot change
   * it ({@code (1+d)^{−k} (U(H) − U(k)) <= 1e-16 · sum}).
   */
  private double[] aliveCurve(int x, double tx, double age, int horizon, double discount) {
    PurchaseModel m = purchases.model();
    double total = AliveExpectation.of(m, x, age, horizon);
    if (discount == 0) {
      return new double[] {total, total};
    }
    double previous = 0;
    double discounted = 0;
    double factor = 1;
    double step = 1 / (1 + discount);
    for (int k = 1; k <= horizon; k++) {
      // the exact curve is non-decreasing; rounding must not make a period's purchases negative
      double u = k == horizon ? Math.max(previous, total)
          : Math.min(total, Math.max(previous, AliveExpectation.of(m, x, age, k)));
      factor *= step;
      discounted += (u - previous) * factor;
      previous = u;
      if (factor * (total - u) <= 1e-16 * discounted) {
        break;
      }
    }
    return new double[] {total, discounted};
  }

  private CustomerPrediction prediction(CustomerSummary c, double[] curve, double alive) {
    double spend = gammaGamma.parameters().expectedSpend(c);
    double clv = spend * alive * curve[1];
    if (!Double.isFinite(clv)) {
      throw new CrmException("the lifetime value of customer " + c.customer() + " overflows (expected spend "
          + spend + ", expected purchases " + alive * curve[0] + "): the model's parameters are out of range");
    }
    return new CustomerPrediction(c.customer(), alive, alive * curve[0], spend, clv);
  }

  private static void checkHorizonAndDiscount(int horizon, double discount) {
    if (horizon < 1) {
      throw new CrmException("horizon must be >= 1 period, but was " + horizon);
    }
    if (horizon > MAX_HORIZON) {
      throw new CrmException("horizon must be <= " + MAX_HORIZON + " periods, but was " + horizon);
    }
    if (!(discount >= 0) || !Double.isFinite(discount)) {
      throw new CrmException("discount must be a finite rate >= 0 per period, but was " + discount);
    }
  }
}

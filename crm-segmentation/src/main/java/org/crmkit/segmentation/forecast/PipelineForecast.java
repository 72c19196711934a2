package org.crmkit.segmentation.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.crmkit.core.CrmException;

/**
 * The expected won revenue of an open pipeline per future period, with a prediction interval,
 * from the funnel's history. Immutable.
 *
 * <p>Method, per open deal in stage s that has been there d days, with H the horizon in days: the
 * reference set is the history's stays in s with a known entry that lasted more than d days in s
 * and began at least {@code d + H} days before the analysis instant, so that what happened to
 * each within the deal's horizon is fully observed (no bias towards quick closes from stays still
 * open). The deal's probability of being won in period k is the share of the reference stays won
 * {@code (k−1)·P .. k·P} days after their d-th day in the stage. With fewer than
 * {@value #MIN_CLOSED} reference stays, the condition on d is dropped (stays of s begun at least H
 * days ago, timed from their entry), and failing that every timed stay of s is used. A declared
 * win probability (e.g. the machine's {@code win-probability}) replaces the probability of a win
 * within the horizon, keeping the empirical timing. The expectation per period is exact over the
 * reference stays; the interval comes from a seeded simulation of the deals as independent (won
 * within the horizon or not, and when), so it reflects the lumpiness of large deals.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * PipelineForecast f = PipelineForecast.of(funnel, openDeals, 6, 30, 0.8, Map.of(), 42);
 * double nextMonth = f.periods().get(0).expected();
 * }</pre>
 *
 * @param periodDays the length of a period, in days
 * @param level the coverage of the prediction intervals, e.g. 0.8
 * @param periods per future period: the expected won revenue and its interval
 * @param total the whole horizon: the expected won revenue and its interval
 * @param deals per open deal: its win probability within the horizon and expected revenue
 */
public record PipelineForecast(int periodDays, double level, List<Period> periods, Period total, List<DealForecast> deals) {
  /** Reference stays needed to condition on a deal's days in stage. */
  public static final int MIN_CLOSED = 20;
  private static final int SIMULATIONS = 10_000;

  /** Copies the lists. */
  public PipelineForecast {
    periods = List.copyOf(periods);
    deals = List.copyOf(deals);
  }

  /**
   * One period of the forecast. Immutable.
   *
   * @param index 1 for the first period after now
   * @param expected the expected won revenue
   * @param lower the lower end of the prediction interval
   * @param upper the upper end of the prediction interval
   */
  public record Period(int index, double expected, double lower, double upper) {}

  /**
   * One deal's forecast. Immutable.
   *
   * @param id the deal
   * @param stage its stage
   * @param winProbability the probability that it is won within the horizon
   * @param expectedRevenue its expected won revenue within the horizon
   */
  public record DealForecast(String id, String stage, double winProbability, double expectedRevenue) {}

  /**
   * Forecasts the won revenue of {@code deals} over {@code periods} periods of {@code periodDays}
   * days. O(deals · history stays of their stage + simulations · deals).
   *
   * @param declaredWinProbabilities by stage, a win probability to use instead of the history's
   *     (empty map: all from history)
   * @param seed the simulation's seed (the interval is reproducible)
   * @throws CrmException if {@code periods} is not in [1, 1000], {@code periodDays < 1}, {@code level}
   *     not in (0, 1), a declared probability is not in [0, 1], or a deal's stage has no history
   *     of won deals to time it (and no other stage has any)
   */
  public static PipelineForecast of(FunnelAnalysis history, List<OpenDeal> deals, int periods, int periodDays,
      double level, Map<String, Double> declaredWinProbabilities, long seed) {
    if (periods < 1 || periods > 1000 || periodDays < 1 || !(level > 0 && level < 1)) {
      throw new CrmException("need 1 <= periods <= 1000, periodDays >= 1 and 0 < level < 1, but got " + periods
          + ", " + periodDays + ", " + level);
    }
    declaredWinProbabilities.forEach((k, v) -> {
      if (!(v >= 0 && v <= 1)) {
        throw new CrmException("declared win probability of '" + k + "' must be in [0, 1], but was " + v);
      }
    });
    Map<String, List<double[]>> closings = history.closings();
    double horizon = (double) periods * periodDays;
    int n = deals.size();
    double[] p = new double[n];
    double[][] remaining = new double[n][];
    double[] expected = new double[periods];
    List<DealForecast> dealForecasts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      OpenDeal deal = deals.get(i);
      List<double[]> stays = closings.getOrDefault(deal.stage(), List.of());
      double d = deal.daysInStage();
      // [0] days in stage, [1] days from entry to outcome, [2] status, [3] days from entry to now
      List<double[]> reference = stays.stream().filter(c -> c[0] > d && c[3] >= d + horizon).toList();
      double offset = d;
      if (reference.size() < MIN_CLOSED) {
        reference = stays.stream().filter(c -> c[3] >= horizon).toList();
        offset = 0;
      }
      if (reference.size() < MIN_CLOSED) {
        reference = stays;
        offset = 0;
      }
      double off = offset;
      double[] wins = reference.stream().filter(c -> c[2] == 1 && c[1] - off >= 0 && c[1] - off < horizon)
          .mapToDouble(c -> c[1] - off).toArray();
      double empirical = reference.isEmpty() ? 0 : (double) wins.length / reference.size();
      Double declared = declaredWinProbabilities.get(deal.stage());
      p[i] = declared != null ? declared : empirical;
      if (p[i] > 0 && wins.length == 0) {
        throw new CrmException("deal " + deal.id() + " in stage '" + deal.stage() + "': no won deal in the history"
            + " of that stage to time its win");
      }
      remaining[i] = wins;
      double dealExpected = 0;
      for (double r : wins) {
        int k = (int) Math.floor(r / periodDays);
        double v = deal.amount() * p[i] / wins.length;
        expected[k] += v;
        dealExpected += v;
      }
      dealForecasts.add(new DealForecast(deal.id(), deal.stage(), p[i], dealExpected));
    }
    double[][] sims = new double[periods + 1][SIMULATIONS];
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < SIMULATIONS; s++) {
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < p[i] && remaining[i].length > 0) {
          double r = remaining[i][random.nextInt(remaining[i].length)];
          int k = (int) Math.floor(r / periodDays);
          sims[k][s] += deals.get(i).amount();
          sims[periods][s] += deals.get(i).amount();
        }
      }
    }
    double lo = (1 - level) / 2;
    double hi = 1 - lo;
    List<Period> out = new ArrayList<>();
    double total = 0;
    for (int k = 0; k < periods; k++) {
      Arrays.sort(sims[k]);
      out.add(new Period(k + 1, expected[k], quantile(sims[k], lo), quantile(sims[k], hi)));
      total += expected[k];
    }
    Arrays.sort(sims[periods]);
    return new PipelineForecast(periodDays, level, out,
        new Period(0, total, quantile(sims[periods], lo), quantile(sims[periods], hi)), dealForecasts);
  }

  private static double quantile(double[] sorted, double q) {
    int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
    return sorted[i];
  }
}

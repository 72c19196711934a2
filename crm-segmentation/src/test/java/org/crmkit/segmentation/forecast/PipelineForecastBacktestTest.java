package org.crmkit.segmentation.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.junit.jupiter.api.Test;

/**
 * Back-tests of the pipeline forecast on seeded histories: the forecast made as of day 540 from
 * the log up to then, against the revenue the open deals then actually won in each of the next six
 * 30-day periods. The errors are printed.
 */
class PipelineForecastBacktestTest {
  static final FunnelOutcomes OUTCOMES = FunnelOutcomes.fromMachine(SalesFunnel.machine());

  /** One back-test: {forecast total, actual total, periods inside their interval}. */
  static double[] backtest(long seed, boolean print) {
    PipelineSimulator sim = new PipelineSimulator(seed, 730, 4);
    Instant asOf = PipelineSimulator.ORIGIN.plusSeconds(540L * 86_400);
    FunnelAnalysis history = FunnelAnalysis.of(sim.records, OUTCOMES, asOf);
    List<OpenDeal> open = sim.openAt(asOf);
    PipelineForecast f = PipelineForecast.of(history, open, 6, 30, 0.8, Map.of(), seed);

    double[] actual = new double[6];
    for (OpenDeal d : open) {
      Instant won = sim.wonAt.get(d.id());
      if (won != null) {
        int k = (int) Math.floor((won.toEpochMilli() - asOf.toEpochMilli()) / (30 * 86_400_000.0));
        if (k < 6) {
          actual[k] += d.amount();
        }
      }
    }
    double totalActual = java.util.Arrays.stream(actual).sum();
    int covered = 0;
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < 6; k++) {
      PipelineForecast.Period p = f.periods().get(k);
      if (actual[k] >= p.lower() && actual[k] <= p.upper()) {
        covered++;
      }
      line.append(String.format(" [%d: %.0f in %.0f..%.0f, actual %.0f]", k + 1, p.expected(), p.lower(), p.upper(), actual[k]));
    }
    if (print) {
      System.out.printf("back-test seed %d: %d open deals; 6-period won revenue forecast %.0f (80%% %.0f..%.0f), actual %.0f,"
          + " error %+.1f%%;%s%n", seed, open.size(), f.total().expected(), f.total().lower(), f.total().upper(),
          totalActual, 100 * (f.total().expected() - totalActual) / totalActual, line);
    }
    // the expectation per period sums to the total and to the deals' shares
    assertThat(f.periods().stream().mapToDouble(PipelineForecast.Period::expected).sum())
        .isCloseTo(f.total().expected(), within(1e-6 * f.total().expected()));
    assertThat(f.deals().stream().mapToDouble(PipelineForecast.DealForecast::expectedRevenue).sum())
        .isCloseTo(f.total().expected(), within(1e-6 * f.total().expected()));
    boolean totalCovered = totalActual >= f.total().lower() && totalActual <= f.total().upper();
    return new double[] {f.total().expected(), totalActual, covered, totalCovered ? 1 : 0};
  }

  @Test
  void forecastsMadeAtAPastDateMatchWhatThenHappened() {
    int seeds = 40;
    double absError = 0;
    double bias = 0;
    double covered = 0;
    double totalsCovered = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      double[] r = backtest(seed, seed <= 3);
      double e = (r[0] - r[1]) / r[1];
      absError += Math.abs(e);
      bias += e;
      covered += r[2];
      totalsCovered += r[3];
    }
    System.out.printf("back-test over %d seeded histories (forecast as of day 540, 6 periods of 30 days): mean absolute"
        + " error of the 6-period total %.1f%%, mean signed error %+.1f%%, 80%% intervals cover %.0f%% of the periods"
        + " and %.0f%% of the totals%n", seeds, 100 * absError / seeds, 100 * bias / seeds,
        100 * covered / (6.0 * seeds), 100 * totalsCovered / seeds);
    assertThat(absError / seeds).isLessThan(0.20);
    assertThat(Math.abs(bias / seeds)).isLessThan(0.08);
    assertThat(covered / (6.0 * seeds)).isBetween(0.7, 0.95);
    assertThat(totalsCovered / seeds).isBetween(0.6, 0.97);
  }

  @Test
  void laterStagesWinMoreOften() {
    PipelineSimulator sim = new PipelineSimulator(9, 730, 4);
    FunnelAnalysis history = FunnelAnalysis.of(sim.records, OUTCOMES, PipelineSimulator.ORIGIN.plusSeconds(700L * 86_400));
    // the simulation's true win probabilities from each stage: 0.6*0.7*0.6*0.7, 0.7*0.6*0.7, 0.6*0.7, 0.7
    assertThat(history.stage("prospecting").orElseThrow().winRate()).isCloseTo(0.1764, within(0.03));
    assertThat(history.stage("negotiation").orElseThrow().winRate()).isCloseTo(0.7, within(0.05));
    assertThat(history.stage("qualification").orElseThrow().medianDays()).isCloseTo(15 * Math.log(2), within(1.5));
    PipelineForecast declared = PipelineForecast.of(history, List.of(new OpenDeal("x", "proposal", 1000, 0)), 3, 30,
        0.8, Map.of("proposal", 0.5), 1);
    assertThat(declared.deals().get(0).winProbability()).isEqualTo(0.5);
    assertThatThrownBy(() -> PipelineForecast.of(history, List.of(), 0, 30, 0.8, Map.of(), 1))
        .isInstanceOf(CrmException.class);
  }
}

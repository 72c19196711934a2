package org.crmkit.segmentation.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.junit.jupiter.api.Test;

/** Funnel statistics on a hand-made log whose answers are counted by hand. */
class FunnelAnalysisTest {
  static final FunnelOutcomes OUTCOMES = FunnelOutcomes.fromMachine(SalesFunnel.machine());

  static TransitionRecord r(String s, String from, String to, String day, long v) {
    return new TransitionRecord(s, from, to, "e", Instant.parse(day + "T00:00:00Z"), "u", v);
  }

  static final List<TransitionRecord> LOG = List.of(
      r("a", "lead", "prospecting", "2024-01-01", 1), r("a", "prospecting", "proposal", "2024-01-11", 2),
      r("a", "proposal", "won", "2024-01-31", 3),
      r("b", "lead", "prospecting", "2024-01-02", 1), r("b", "prospecting", "lost", "2024-01-06", 2),
      r("c", "lead", "prospecting", "2024-01-03", 1), r("c", "prospecting", "proposal", "2024-01-23", 2),
      r("d", "lead", "prospecting", "2024-02-01", 1),
      r("e", "lead", "prospecting", "2024-01-05", 1), r("e", "prospecting", "proposal", "2024-01-11", 2),
      r("e", "proposal", "lost", "2024-02-10", 3));

  @Test
  void machineDeclaresTheOutcomes() {
    assertThat(OUTCOMES.won()).containsExactly("won");
    assertThat(OUTCOMES.lost()).containsExactly("lost");
  }

  @Test
  void countsRatesAndTimesPerStage() {
    FunnelAnalysis f = FunnelAnalysis.of(LOG, OUTCOMES, Instant.parse("2024-02-15T00:00:00Z"));
    assertThat(f.subjects()).isEqualTo(5);
    assertThat(f.stages()).extracting(StageStatistics::stage).containsExactly("lead", "prospecting", "proposal", "won", "lost");
    StageStatistics p = f.stage("prospecting").orElseThrow();
    assertThat(p.entered()).isEqualTo(5);
    assertThat(p.advanced()).isEqualTo(3);         // a, c, e
    assertThat(p.current()).isEqualTo(1);          // d
    assertThat(p.conversionRate()).isEqualTo(0.75); // 3 of the 4 that left
    assertThat(p.won()).isEqualTo(1);
    assertThat(p.lost()).isEqualTo(2);
    assertThat(p.winRate()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(p.exits()).containsEntry("proposal", 3).containsEntry("lost", 1);
    // stays: a 10, b 4, c 20, e 6 days ended; d 14 days open (censored)
    // Kaplan-Meier: S(4) = 4/5, S(6) = 3/5, S(10) = 2/5 -> median 10; after 14 (censored) S(20) = 0
    assertThat(p.timedStays()).isEqualTo(5);
    assertThat(p.medianDays()).isEqualTo(10.0);
    assertThat(p.quartileDays()).isEqualTo(6.0);
    assertThat(p.p90Days()).isEqualTo(20.0);
    StageStatistics proposal = f.stage("proposal").orElseThrow();
    assertThat(proposal.entered()).isEqualTo(3);
    assertThat(proposal.current()).isEqualTo(1);
    assertThat(proposal.winRate()).isEqualTo(0.5);
    assertThat(f.stage("won").orElseThrow().medianDays()).isNaN();
  }

  @Test
  void anEarlierInstantSeesOnlyTheRecordsUpToIt() {
    FunnelAnalysis f = FunnelAnalysis.of(LOG, OUTCOMES, Instant.parse("2024-01-10T00:00:00Z"));
    assertThat(f.subjects()).isEqualTo(4);
    assertThat(f.stage("prospecting").orElseThrow().current()).isEqualTo(3);
    assertThat(f.stage("proposal")).isEmpty();
  }

  @Test
  void cohortCurvesCountWinsWithinEachWindow() {
    FunnelAnalysis f = FunnelAnalysis.of(LOG, OUTCOMES, Instant.parse("2024-03-01T00:00:00Z"));
    List<CohortCurve> c = f.cohortCurves(28, 3);
    // cohort of 2024-01-01 (a, b, c, e): a won on 01-31 (within 2 windows); cohort of 01-29 (d):
    // one window (to 02-26) has elapsed by 03-01
    assertThat(c).hasSize(2);
    assertThat(c.get(0).subjects()).isEqualTo(4);
    assertThat(c.get(0).wonShare()).containsExactly(0.0, 0.25);
    assertThat(c.get(1).subjects()).isEqualTo(1);
    assertThat(c.get(1).wonShare()).containsExactly(0.0);
  }

  @Test
  void brokenChainsAreTypedErrors() {
    List<TransitionRecord> broken = List.of(r("x", "lead", "prospecting", "2024-01-01", 1),
        r("x", "proposal", "won", "2024-01-02", 2));
    assertThatThrownBy(() -> FunnelAnalysis.of(broken, OUTCOMES, Instant.parse("2024-02-01T00:00:00Z")))
        .isInstanceOf(CrmException.class).hasMessageContaining("do not chain");
  }

  @Test
  void kaplanMeierWithoutCensoringIsTheEmpiricalQuantile() {
    double[] d = {5, 1, 4, 2, 3};
    boolean[] all = {true, true, true, true, true};
    assertThat(KaplanMeier.quantile(d, all, 0.5)).isEqualTo(3.0);
    assertThat(KaplanMeier.quantile(d, all, 0.2)).isEqualTo(1.0);
    assertThat(KaplanMeier.quantile(d, new boolean[] {false, true, false, false, false}, 0.5)).isNaN();
  }
}

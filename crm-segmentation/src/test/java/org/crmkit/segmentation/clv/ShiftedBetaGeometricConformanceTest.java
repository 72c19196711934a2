package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.Test;

/**
 * The published sBG estimates of Fader &amp; Hardie (2007), "How to project customer retention",
 * Journal of Interactive Marketing 21(1), for the two cohorts of 1,000 customers (active at the
 * start of years 0..7, as listed in issue #17), reproduced to the precision shown there.
 */
class ShiftedBetaGeometricConformanceTest {
  static final List<Long> HIGH_END = List.of(1000L, 869L, 743L, 653L, 593L, 551L, 517L, 491L);
  static final List<Long> REGULAR = List.of(1000L, 631L, 468L, 382L, 326L, 289L, 262L, 241L);

  @Test
  void highEndMatchesThePaper() {
    RetentionFit fit = ShiftedBetaGeometric.fit(HIGH_END);
    System.out.printf("sBG High End: alpha %.4f beta %.4f LL %.4f se %s%n", fit.model().alpha(), fit.model().beta(),
        fit.report().logLikelihood(), fit.report().standardErrors());
    assertThat(fit.model().alpha()).isCloseTo(0.668, within(0.0005));
    assertThat(fit.model().beta()).isCloseTo(3.806, within(0.0005));
    assertThat(fit.report().observations()).isEqualTo(1000);
    assertThat(fit.warnings()).isEmpty();
  }

  @Test
  void regularMatchesThePaper() {
    RetentionFit fit = ShiftedBetaGeometric.fit(REGULAR);
    System.out.printf("sBG Regular: alpha %.4f beta %.4f LL %.4f%n", fit.model().alpha(), fit.model().beta(),
        fit.report().logLikelihood());
    assertThat(fit.model().alpha()).isCloseTo(0.704, within(0.0005));
    assertThat(fit.model().beta()).isCloseTo(1.182, within(0.0005));
  }

  @Test
  void likelihoodEqualsTheDirectSumOverChurnPeriods() {
    // naive: P(churn at t) and S(T) from the Beta integral by the trapezoid rule over θ
    ShiftedBetaGeometric m = new ShiftedBetaGeometric(0.668, 3.806);
    double naive = 0;
    for (int t = 1; t < HIGH_END.size(); t++) {
      int tt = t;
      double p = NaiveModels.betaMoment(0.668, 3.806, 1, tt - 1);
      naive += (HIGH_END.get(t - 1) - HIGH_END.get(t)) * Math.log(p);
    }
    naive += HIGH_END.get(7) * Math.log(NaiveModels.betaMoment(0.668, 3.806, 0, 7));
    assertThat(m.logLikelihood(HIGH_END)).isCloseTo(naive, within(1e-6 * Math.abs(naive)));
    assertThat(m.survival(7)).isCloseTo(NaiveModels.betaMoment(0.668, 3.806, 0, 7), within(1e-9));
  }

  @Test
  void projectionRetentionRatesRiseAndSurvivalFalls() {
    ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(REGULAR).model();
    List<RetentionPoint> p = m.project(12);
    assertThat(p).hasSize(13);
    assertThat(p.get(0).survival()).isEqualTo(1.0);
    assertThat(p.get(0).retentionRate()).isNaN();
    for (int t = 1; t <= 12; t++) {
      assertThat(p.get(t).survival()).isLessThan(p.get(t - 1).survival());
      assertThat(p.get(t).survival()).isCloseTo(p.get(t - 1).survival() * p.get(t).retentionRate(), within(1e-15));
      if (t > 1) {
        assertThat(p.get(t).retentionRate()).isGreaterThan(p.get(t - 1).retentionRate());
      }
    }
    // projection vs the observed years: within 2 percentage points over the calibration years
    ShiftedBetaGeometric.fit(REGULAR).projectionVsActual(REGULAR, 12).stream().filter(x -> x.period() <= 7)
        .forEach(x -> assertThat(x.projectedSurvival()).isCloseTo(x.actualSurvival(), within(0.02)));
  }

  @Test
  void discountedResidualLifetimeEqualsTheNaiveSum() {
    ShiftedBetaGeometric m = new ShiftedBetaGeometric(0.668, 3.806);
    double naive = 0;
    for (int k = 1; k < 5000; k++) {
      naive += m.survival(3 + k) / m.survival(3) / Math.pow(1.1, k);
    }
    assertThat(m.discountedExpectedResidualLifetime(3, 0.1)).isCloseTo(naive, within(1e-9));
    assertThatThrownBy(() -> m.discountedExpectedResidualLifetime(3, 0)).isInstanceOf(CrmException.class);
  }

  @Test
  void badCohortsAreTypedErrors() {
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(List.of(100L))).isInstanceOf(CrmException.class)
        .hasMessageContaining("periods 0 and at least 1");
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(List.of(100L, 90L, 95L))).isInstanceOf(CrmException.class)
        .hasMessage("active counts cannot increase in a cohort, but period 2 has 95 after 90");
    assertThatThrownBy(() -> ShiftedBetaGeometric.fit(List.of(100L, 100L))).isInstanceOf(DegenerateDataException.class);
  }
}

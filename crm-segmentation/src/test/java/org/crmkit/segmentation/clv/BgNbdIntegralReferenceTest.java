package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link BgNbdMath#aliveExpectationIntegral} (the integral over the dropout
 * probability) against the series of {@link BgNbdMath#aliveExpectation} where those converge, and
 * the counterexample where they do not.
 */
class BgNbdIntegralReferenceTest {

  /** e^u with u uniform in [lo, hi]. */
  private static double logUniform(SplittableRandom random, double lo, double hi) {
    return Math.exp(random.nextDouble(lo, hi));
  }

  @Test
  void theIntegralEqualsTheSeriesOnRandomParameters() {
    SplittableRandom random = new SplittableRandom(20261201L);
    double worstPositive = 0;
    double worstChosen = 0;
    int compared = 0;
    for (int i = 0; i < 3000; i++) {
      double r = logUniform(random, -5, 8);
      double alpha = logUniform(random, -5, 8);
      double a = logUniform(random, -5, 10);
      double b = logUniform(random, -5, 10);
      int x = random.nextInt(4) == 0 ? 0 : random.nextInt(200);
      double bigT = random.nextInt(5) == 0 ? 0 : random.nextDouble(0, 100);
      double t = random.nextDouble(0.01, 104);
      if ((r + x) * t / (alpha + bigT) > 2e4) {
        continue;
      }
      String where = String.format("r=%s alpha=%s a=%s b=%s x=%s T=%s t=%s", r, alpha, a, b, x, bigT, t);
      double integral = BgNbdMath.aliveExpectationIntegral(r + x, alpha + bigT, a, b + x, t);
      // the positive series has no cancellation (rounding about 1e-10 relative at 2e4 terms)
      double positive = BgNbdMath.aliveExpectationPositive(r + x, alpha + bigT, a, b + x, t);
      assertThat(integral).as(where).isCloseTo(positive, within(1e-9 * positive));
      worstPositive = Math.max(worstPositive, Math.abs(integral - positive) / positive);
      // the method chosen by aliveExpectation (often the Euler form, which may cancel up to 1e3x)
      double chosen = BgNbdMath.aliveExpectation(r, alpha, a, b, x, bigT, t);
      assertThat(integral).as(where).isCloseTo(chosen, within(1e-8 * chosen));
      worstChosen = Math.max(worstChosen, Math.abs(integral - chosen) / chosen);
      compared++;
    }
    System.out.printf("integral vs series on %d parameter sets: worst relative difference %.3g to the positive"
        + " series, %.3g to aliveExpectation%n", compared, worstPositive, worstChosen);
    assertThat(compared).isGreaterThan(2000);
  }

  @Test
  void theCounterexampleIsSummedByTheIntegral() {
    // the series give up here (over-dispersed purchase opportunities, 979,527 expected)
    double e = BgNbdMath.aliveExpectation(110, Math.exp(-5), 0.5, 1, 0, 0, 60);
    double integral = BgNbdMath.aliveExpectationIntegral(110, Math.exp(-5), 0.5, 1, 60);
    System.out.printf("counterexample: %.15g%n", e);
    assertThat(e).isFinite().isPositive().isEqualTo(integral);
    // the public API no longer refuses it: the population curve and a predict agree
    BgNbdParameters m = new BgNbdParameters(110, Math.exp(-5), 0.5, 1);
    assertThat(m.expectedRepeatPurchases(60)).isEqualTo(integral);
    assertThat(m.expectedPurchases(CustomerSummary.of("new", 0, 0, 0, 0), 60)).isEqualTo(integral);
  }
}

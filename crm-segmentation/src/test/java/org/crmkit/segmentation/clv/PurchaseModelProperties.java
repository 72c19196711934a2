package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * Invariants of every purchase model over random parameters and customers: P(alive) in [0, 1],
 * expectations finite, non-negative and non-decreasing in the horizon, likelihoods finite, and
 * BG/BB's (a probability) at most 1. QuickTheories prints the seed of a failure.
 */
class PurchaseModelProperties {

  private static void invariants(PurchaseModel m, CustomerSummary c, double t) {
    double alive = m.probabilityAlive(c);
    assertThat(alive).isBetween(0.0, 1.0);
    double e1 = m.expectedPurchases(c, t);
    double e2 = m.expectedPurchases(c, 2 * t);
    assertThat(e1).isFinite().isGreaterThanOrEqualTo(0);
    assertThat(e2).isGreaterThanOrEqualTo(e1 * (1 - 1e-12));
    if (m.kind().discrete()) {
      // a probability (the continuous models' likelihoods are densities in t_x)
      assertThat(m.logLikelihood(c)).isLessThanOrEqualTo(1e-12);
    }
    assertThat(m.logLikelihood(c)).isFinite();
    assertThat(m.expectedRepeatPurchases(t)).isFinite().isGreaterThanOrEqualTo(0);
  }

  @Test
  void continuousModelsKeepTheirInvariants() {
    qt().withExamples(150).forAll(arrays().ofClass(doubles().between(-3, 3), Double.class).withLength(4),
        integers().between(0, 40), doubles().between(0, 1))
        .checkAssert((lp, x, f) -> {
          double r = Math.exp(lp[0]), alpha = Math.exp(lp[1]), c3 = Math.exp(lp[2]), c4 = Math.exp(lp[3]);
          double bigT = 52;
          double tx = x == 0 ? 0 : f * bigT;
          CustomerSummary c = CustomerSummary.of("c", x, tx, bigT, 0);
          invariants(new ParetoNbdParameters(r, alpha, c3, c4), c, 26);
          invariants(new MbgNbdParameters(r, alpha, c3, c4), c, 26);
        });
  }

  @Test
  void bgBbKeepsItsInvariants() {
    qt().withExamples(150).forAll(arrays().ofClass(doubles().between(-3, 3), Double.class).withLength(4),
        integers().between(0, 12), integers().between(0, 12))
        .checkAssert((lp, x, extra) -> {
          int n = 12;
          int tx = x == 0 ? 0 : Math.min(n, x + extra);
          invariants(new BgBbParameters(Math.exp(lp[0]), Math.exp(lp[1]), Math.exp(lp[2]), Math.exp(lp[3])),
              CustomerSummary.of("c", x, tx, n, 0), 5);
        });
  }
}

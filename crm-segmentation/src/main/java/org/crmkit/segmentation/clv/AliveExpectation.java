package org.crmkit.segmentation.clv;

/**
 * The expected purchases in {@code (T, T+t]} of a customer alive at T, for the continuous-time
 * models: the conditional expectation without its P(alive) factor, which depends on {@code x} and
 * {@code T} only (so predictions can share it). Not part of the public API.
 */
final class AliveExpectation {
  private AliveExpectation() {}

  static double of(PurchaseModel model, int x, double bigT, double t) {
    if (model instanceof BgNbdParameters m) {
      return BgNbdMath.aliveExpectation(m.r(), m.alpha(), m.a(), m.b(), x, bigT, t);
    }
    if (model instanceof MbgNbdParameters m) {
      return BgNbdMath.aliveExpectation(m.r(), m.alpha(), m.a(), m.b() + 1, x, bigT, t);
    }
    if (model instanceof ParetoNbdParameters m) {
      double bt = m.beta() + bigT;
      return (m.r() + x) / (m.alpha() + bigT) * bt * ParetoNbdParameters.survivalIntegral(m.s() - 1, Math.log1p(t / bt));
    }
    throw new IllegalArgumentException("no continuous-time expectation for " + model.kind().label());
  }
}

package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

/**
 * Deliberately naive references for Pareto/NBD, MBG/NBD and BG/BB, straight from the models'
 * definitions: mixtures integrated numerically ({@link NaiveClv}'s trapezoid rules), sums over the
 * death time or death opportunity spelled out term by term, no hypergeometric function and no
 * closed-form expectation. Slow; for differential tests only.
 */
final class NaiveModels {
  private NaiveModels() {}

  /** Simpson's rule for ∫_lo^hi f with n (even) intervals. */
  static double simpson(java.util.function.DoubleUnaryOperator f, double lo, double hi, int n) {
    double h = (hi - lo) / n;
    double sum = f.applyAsDouble(lo) + f.applyAsDouble(hi);
    for (int i = 1; i < n; i++) {
      sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
    }
    return sum * h / 3;
  }

  /**
   * Pareto/NBD: the customer either is alive at T (λ^x e^{−λT} e^{−μT}) or died at τ in
   * (t_x, T] (density μ e^{−μτ}, λ^x e^{−λτ}); mixing λ ~ Gamma(r, α) and μ ~ Gamma(s, β) under
   * the integral gives Gamma moments; τ is integrated by Simpson's rule. Returns {ln alive part,
   * ln died part} (without the common factor Γ(r+x)/Γ(r)).
   */
  static double[] paretoLogTerms(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
    double alive = r * Math.log(alpha) - (r + x) * Math.log(alpha + bigT) + s * Math.log(beta) - s * Math.log(beta + bigT);
    if (!(tx < bigT)) {
      return new double[] {alive, Double.NEGATIVE_INFINITY};
    }
    double died = simpson(tau -> Math.exp(r * Math.log(alpha) - (r + x) * Math.log(alpha + tau)
        + Math.log(s) + s * Math.log(beta) - (s + 1) * Math.log(beta + tau)), tx, bigT, 200_000);
    return new double[] {alive, Math.log(died)};
  }

  static double paretoLogLikelihood(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
    double[] t = paretoLogTerms(r, alpha, s, beta, x, tx, bigT);
    double lg = logGamma(r + x) - logGamma(r);
    return lg + t[0] + Math.log1p(Math.exp(t[1] - t[0]));
  }

  static double paretoProbabilityAlive(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
    double[] t = paretoLogTerms(r, alpha, s, beta, x, tx, bigT);
    return 1 / (1 + Math.exp(t[1] - t[0]));
  }

  /**
   * E[Y(t)]: P(alive) · E[λ] · E[time alive in (T, T+t]] under the posterior λ ~ Gamma(r+x, α+T),
   * μ ~ Gamma(s, β+T); the time alive is ∫₀ᵗ E[e^{−μu}] du, integrated by Simpson's rule.
   */
  static double paretoExpectedPurchases(double r, double alpha, double s, double beta, int x, double tx, double bigT, double t) {
    double time = simpson(u -> Math.pow((beta + bigT) / (beta + bigT + u), s), 0, t, 20_000);
    return paretoProbabilityAlive(r, alpha, s, beta, x, tx, bigT) * (r + x) / (alpha + bigT) * time;
  }

  /**
   * MBG/NBD: alive at T ((1−p)^{x+1} λ^x e^{−λT}) or dropped after the last purchase
   * (p (1−p)^x λ^x e^{−λ t_x}), mixed numerically over λ and p.
   */
  static double[] mbgLogTerms(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double aliveP = NaiveClv.logBetaExpectation(a, b, (lp, lq, p) -> (x + 1) * lq);
    double aliveL = NaiveClv.logGammaExpectation(r, alpha, u -> x * u - Math.exp(u) * bigT);
    double deadP = NaiveClv.logBetaExpectation(a, b, (lp, lq, p) -> lp + x * lq);
    double deadL = NaiveClv.logGammaExpectation(r, alpha, u -> x * u - Math.exp(u) * tx);
    return new double[] {aliveP + aliveL, deadP + deadL};
  }

  static double mbgLogLikelihood(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double[] t = mbgLogTerms(r, alpha, a, b, x, tx, bigT);
    double hi = Math.max(t[0], t[1]);
    return hi + Math.log(Math.exp(t[0] - hi) + Math.exp(t[1] - hi));
  }

  static double mbgProbabilityAlive(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double[] t = mbgLogTerms(r, alpha, a, b, x, tx, bigT);
    return 1 / (1 + Math.exp(t[1] - t[0]));
  }

  /** P(alive) times the alive customer's expectation with p ~ Beta(a, b+x+1), λ ~ Gamma(r+x, α+T). */
  static double mbgExpectedPurchases(double r, double alpha, double a, double b, int x, double tx, double bigT, double t) {
    double s = r + x;
    double beta = alpha + bigT;
    double logE = NaiveClv.logBetaExpectation(a, b + x + 1, (lp, lq, p) ->
        Math.log(-Math.expm1(-s * Math.log1p(p * t / beta))) - lp);
    return mbgProbabilityAlive(r, alpha, a, b, x, tx, bigT) * Math.exp(logE);
  }

  /** E[p^i (1−p)^j] for p ~ Beta(a, b), numerically. */
  static double betaMoment(double a, double b, int i, int j) {
    return Math.exp(NaiveClv.logBetaExpectation(a, b, (lp, lq, p) -> i * lp + j * lq));
  }

  /**
   * BG/BB: alive through n (p^x (1−p)^{n−x} (1−θ)^n) or died right after opportunity t_x + i,
   * i = 0..n−t_x−1 (p^x (1−p)^{t_x−x+i} θ (1−θ)^{t_x+i}); every moment integrated numerically.
   */
  static double bgBbLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
    double l = betaMoment(alpha, beta, x, n - x) * betaMoment(gamma, delta, 0, n);
    for (int i = 0; i < n - tx; i++) {
      l += betaMoment(alpha, beta, x, tx - x + i) * betaMoment(gamma, delta, 1, tx + i);
    }
    return l;
  }

  static double bgBbProbabilityAlive(double alpha, double beta, double gamma, double delta, int x, int tx, int n) {
    return betaMoment(alpha, beta, x, n - x) * betaMoment(gamma, delta, 0, n + 1)
        / bgBbLikelihood(alpha, beta, gamma, delta, x, tx, n);
  }

  /** Σ_{k=1}^{m} P(transaction at n+k | data), term by term. */
  static double bgBbExpectedPurchases(double alpha, double beta, double gamma, double delta, int x, int tx, int n, int m) {
    double sum = 0;
    for (int k = 1; k <= m; k++) {
      sum += betaMoment(alpha, beta, x + 1, n - x) * betaMoment(gamma, delta, 0, n + k);
    }
    return sum / bgBbLikelihood(alpha, beta, gamma, delta, x, tx, n);
  }
}

package org.crmkit.segmentation.clv;

import java.util.function.DoubleUnaryOperator;

/**
 * Deliberately naive reference computations of the BG/NBD and Gamma-Gamma quantities: the
 * mixtures are integrated numerically (trapezoid rule in log or logit coordinates, densities
 * normalised numerically), with no log-gamma, beta or hypergeometric function at all. Slow; for
 * differential tests only.
 */
final class NaiveClv {
  private static final double STEP = 0.004;

  private NaiveClv() {}

  /**
   * ln E[f(λ)] for λ ~ Gamma(shape, rate), where {@code logF(ln λ)} is ln f; integrated over
   * u = ln λ with the unnormalised density λ^shape e^{−rate λ} du.
   */
  static double logGammaExpectation(double shape, double rate, DoubleUnaryOperator logF) {
    double lo = Math.log(shape / rate) - 45 / shape - 10;
    double hi = Math.log((shape + 60) / rate) + 4;
    return logRatio(lo, hi, u -> shape * u - rate * Math.exp(u), logF);
  }

  /**
   * ln E[f(p)] for p ~ Beta(a, b), where {@code logF(ln p, ln(1−p), p)} is ln f; integrated over
   * v = logit p with the unnormalised density p^a (1−p)^b dv.
   */
  static double logBetaExpectation(double a, double b, LogF logF) {
    double lo = -45 / a - 10;
    double hi = 45 / b + 10;
    return logRatio(lo, hi, v -> a * logP(v) + b * logQ(v), v -> logF.of(logP(v), logQ(v), p(v)));
  }

  /** A log-integrand in terms of ln p, ln(1−p) and p. */
  interface LogF {
    double of(double logP, double logQ, double p);
  }

  static double p(double v) {
    return Math.exp(logP(v));
  }

  static double logP(double v) {
    return v < 0 ? v - Math.log1p(Math.exp(v)) : -Math.log1p(Math.exp(-v));
  }

  static double logQ(double v) {
    return logP(-v);
  }

  /** ln(∫ e^{w(u) + f(u)} du / ∫ e^{w(u)} du), both by the trapezoid rule on the same grid. */
  private static double logRatio(double lo, double hi, DoubleUnaryOperator logWeight, DoubleUnaryOperator logF) {
    int n = (int) Math.ceil((hi - lo) / STEP);
    double h = (hi - lo) / n;
    double[] w = new double[n + 1];
    double[] wf = new double[n + 1];
    double maxW = Double.NEGATIVE_INFINITY;
    double maxWf = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= n; i++) {
      double u = lo + i * h;
      w[i] = logWeight.applyAsDouble(u);
      wf[i] = w[i] + logF.applyAsDouble(u);
      maxW = Math.max(maxW, w[i]);
      maxWf = Math.max(maxWf, wf[i]);
    }
    double sw = 0;
    double swf = 0;
    for (int i = 0; i <= n; i++) {
      double edge = (i == 0 || i == n) ? 0.5 : 1;
      sw += edge * Math.exp(w[i] - maxW);
      swf += edge * Math.exp(wf[i] - maxWf);
    }
    return maxWf + Math.log(swf) - maxW - Math.log(sw);
  }

  /**
   * The BG/NBD likelihood of (x, t_x, T) straight from the model's definition: the individual
   * likelihood {@code (1−p)^x λ^x e^{−λT} + δ_{x>0} p (1−p)^{x−1} λ^x e^{−λ t_x}} averaged over
   * λ ~ Gamma(r, α) and p ~ Beta(a, b). Returns the log.
   */
  static double bgNbdLogLikelihood(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double[] terms = bgNbdLogTerms(r, alpha, a, b, x, tx, bigT);
    if (x == 0) {
      return terms[0];
    }
    double hi = Math.max(terms[0], terms[1]);
    return hi + Math.log(Math.exp(terms[0] - hi) + Math.exp(terms[1] - hi));
  }

  /** ln of the "still alive at T" and "dropped after the last purchase" parts of the likelihood. */
  static double[] bgNbdLogTerms(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double aliveP = logBetaExpectation(a, b, (lp, lq, p) -> x * lq);
    double aliveL = logGammaExpectation(r, alpha, u -> x * u - Math.exp(u) * bigT);
    if (x == 0) {
      return new double[] {aliveP + aliveL, Double.NEGATIVE_INFINITY};
    }
    double deadP = logBetaExpectation(a, b, (lp, lq, p) -> lp + (x - 1) * lq);
    double deadL = logGammaExpectation(r, alpha, u -> x * u - Math.exp(u) * tx);
    return new double[] {aliveP + aliveL, deadP + deadL};
  }

  /** P(alive) as the posterior share of the "alive" part of the likelihood. */
  static double probabilityAlive(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double[] t = bgNbdLogTerms(r, alpha, a, b, x, tx, bigT);
    return 1 / (1 + Math.exp(t[1] - t[0]));
  }

  /**
   * E[Y(t) | x, t_x, T]: P(alive) times the expected purchases of an alive customer, whose
   * posterior is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), and who buys {@code (1 − e^{−λpt})/p}
   * in expectation given (λ, p); λ is integrated with the Gamma moment generating function, p
   * numerically.
   */
  static double expectedPurchases(double r, double alpha, double a, double b, int x, double tx, double bigT, double t) {
    double s = r + x;
    double beta = alpha + bigT;
    double alive = probabilityAlive(r, alpha, a, b, x, tx, bigT);
    double logE = logBetaExpectation(a, b + x, (lp, lq, p) ->
        Math.log(-Math.expm1(-s * Math.log1p(p * t / beta))) - lp);
    return alive * Math.exp(logE);
  }

  /**
   * The Gamma-Gamma log density of a mean spend m̄ over x purchases: x·m̄ ~ Gamma(px, ν) given ν,
   * ν ~ Gamma(q, γ), so f(m̄) = x · E_ν[Gamma density of x·m̄]; ν integrated numerically.
   */
  static double gammaGammaLogLikelihood(double p, double q, double gamma, int x, double m) {
    double px = p * x;
    double s = x * m;
    // ln Gamma(px, ν) density at s = px ln ν + (px−1) ln s − ν s − ln Γ(px); the last term by
    // numeric integration of ∫ e^{px·w − e^w} dw = Γ(px) (w = ln y).
    double logGammaPx = logIntegral(-45 / px - 10, Math.log(px + 60) + 4, w -> px * w - Math.exp(w));
    double logE = logGammaExpectation(q, gamma, u -> px * u - Math.exp(u) * s);
    return Math.log(x) + (px - 1) * Math.log(s) - logGammaPx + logE;
  }

  private static double logIntegral(double lo, double hi, DoubleUnaryOperator logF) {
    int n = (int) Math.ceil((hi - lo) / STEP);
    double h = (hi - lo) / n;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i <= n; i++) {
      max = Math.max(max, logF.applyAsDouble(lo + i * h));
    }
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double edge = (i == 0 || i == n) ? 0.5 : 1;
      sum += edge * Math.exp(logF.applyAsDouble(lo + i * h) - max);
    }
    return max + Math.log(sum * h);
  }

  /** The plain series Σ (A)_n (B)_n / ((C)_n n!) z^n, for |z| well below 1. */
  static double hypergeometric(double aa, double bb, double cc, double z) {
    double term = 1;
    double sum = 1;
    for (int n = 0; n < 100_000; n++) {
      term *= (aa + n) * (bb + n) / ((cc + n) * (n + 1)) * z;
      sum += term;
      if (Math.abs(term) < 1e-18 * Math.abs(sum) && n > 5) {
        break;
      }
    }
    return sum;
  }

  /** Eq. (10) of Fader, Hardie &amp; Lee (2005) as printed, with the plain series. */
  static double expectedPurchasesPaper(double r, double alpha, double a, double b, int x, double tx, double bigT, double t) {
    double z = t / (alpha + bigT + t);
    double f = hypergeometric(r + x, b + x, a + b + x - 1, z);
    double num = (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + bigT) / (alpha + bigT + t), r + x) * f);
    double den = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + tx), r + x) : 0);
    return num / den;
  }
}

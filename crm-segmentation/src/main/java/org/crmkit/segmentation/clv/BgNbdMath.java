package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

import org.crmkit.core.CrmException;

/**
 * The BG/NBD formulas (Fader, Hardie &amp; Lee 2005), in log space where it matters. Stateless;
 * not part of the public API.
 */
final class BgNbdMath {
  /** Upper bound on hypergeometric series terms; reached only for horizons far beyond alpha + T. */
  static final int MAX_TERMS = 10_000_000;

  private BgNbdMath() {}

  /**
   * The log-likelihood of one customer, eq. (6) of the paper:
   * {@code ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a,b+x) − ln B(a,b) + ln[(α+T)^{−(r+x)}
   * + δ_{x>0} a/(b+x−1) (α+t_x)^{−(r+x)}]}, the last sum by log-sum-exp.
   */
  static double logLikelihood(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double shared = logGamma(r + x) - logGamma(r) + r * Math.log(alpha)
        + logGamma(b + x) - logGamma(b) + logGamma(a + b) - logGamma(a + b + x);
    return shared + logTail(r, alpha, a, b, x, tx, bigT);
  }

  /** {@code ln[(α+T)^{−(r+x)} + δ_{x>0} a/(b+x−1) (α+t_x)^{−(r+x)}]}, by log-sum-exp. */
  static double logTail(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double t1 = -(r + x) * Math.log(alpha + bigT);
    if (x == 0) {
      return t1;
    }
    double t2 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
    double hi = Math.max(t1, t2);
    return hi + Math.log1p(Math.exp(Math.min(t1, t2) - hi));
  }

  /**
   * P(alive at T | x, t_x, T), eq. (13): {@code 1 / (1 + δ_{x>0} a/(b+x−1) ((α+T)/(α+t_x))^{r+x})}.
   */
  static double probabilityAlive(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    if (x == 0) {
      return 1.0;
    }
    double d = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + bigT) - Math.log(alpha + tx));
    return 1.0 / (1.0 + Math.exp(d));
  }

  /**
   * The expected purchases in {@code (T, T+t]} of a customer alive at {@code T} with {@code x}
   * repeat purchases: eq. (10) of the paper without its P(alive) denominator,
   * {@code (a+b+x−1)/(a−1) · [1 − (1−z)^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)]} with
   * {@code z = t/(α+T+t)}. With {@code x = 0, T = 0} it is the unconditional E[X(t)], eq. (9).
   *
   * <p>Evaluated robustly: Euler's transformation turns {@code (1−z)^{r+x} ₂F₁(r+x, b+x; c; z)}
   * into {@code (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; c; z)}, whose parameters do not grow with
   * {@code x}; the second parameter {@code ε = a−1} is factored out of the series so that
   * {@code (1 − G)/ε} is computed without cancellation, also at and near {@code a = 1} (where
   * the paper's formula is 0/0). The series needs O(1/(1−z)) = O((α+T+t)/(α+T)) terms.
   */
  static double aliveExpectation(double r, double alpha, double a, double b, int x, double bigT, double t) {
    if (t <= 0) {
      return 0.0;
    }
    double z = t / (alpha + bigT + t);
    double eps = a - 1;
    double aPrime = a + b - 1 - r;
    double c = a + b + x - 1;
    double s = seriesS(aPrime, eps, c, z);
    double logOneMinusZ = Math.log1p(-z);
    double es = eps * s;
    if (!(es > -0.5)) {
      // ₂F₁ = 1 + εS is small or negative (possible when c < 0): G is far from 1, no cancellation
      return c * (1 - Math.exp(eps * logOneMinusZ) * (1 + es)) / eps;
    }
    double log1pOverEps = Math.abs(es) < 1e-8 ? s * (1 - es / 2) : Math.log1p(es) / eps;
    double h = logOneMinusZ + log1pOverEps;
    double eh = eps * h;
    double phi = Math.abs(eh) < 1e-8 ? -h * (1 + eh / 2) : -Math.expm1(eh) / eps;
    return c * phi;
  }

  /**
   * {@code S = Σ_{n≥1} (a')_n (1+ε)_{n−1} z^n / ((c)_n n!)}, so that
   * {@code ₂F₁(a', ε; c; z) = 1 + ε S}.
   */
  static double seriesS(double aPrime, double eps, double c, double z) {
    double u = aPrime * z / c;
    double sum = 0;
    for (int n = 1; n <= MAX_TERMS; n++) {
      sum += u;
      double ratio = (aPrime + n) * (eps + n) / ((c + n) * (n + 1)) * z;
      if (u == 0 || (Math.abs(u) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1)) {
        return sum;
      }
      u *= ratio;
    }
    throw new CrmException("the hypergeometric series for z = " + z
        + " did not converge in " + MAX_TERMS + " terms; the horizon is too long for alpha + T");
  }
}

package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

import org.crmkit.core.CrmException;

/**
 * The BG/NBD formulas (Fader, Hardie &amp; Lee 2005), in log space where it matters. Stateless;
 * not part of the public API.
 */
final class BgNbdMath {
  /**
   * Upper bound on the terms of the positive series, about (r+x)·t/(α+T): reached only by models
   * expecting millions of purchase opportunities per customer in the horizon.
   */
  static final int MAX_TERMS = 2_000_000;

  private BgNbdMath() {}

  /**
   * The log-likelihood of one customer, eq. (6) of the paper:
   * {@code ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a,b+x) − ln B(a,b) + ln[(α+T)^{−(r+x)}
   * + δ_{x>0} a/(b+x−1) (α+t_x)^{−(r+x)}]}, the last sum by log-sum-exp, the log-gamma
   * differences by {@link #logGammaRatio} (no cancellation of huge log-gammas for large a, b).
   */
  static double logLikelihood(double r, double alpha, double a, double b, int x, double tx, double bigT) {
    double shared = logGammaRatio(r, x) + r * Math.log(alpha)
        + logGammaRatio(b, x) - logGammaRatio(a + b, x);
    return shared + logTail(r, alpha, a, b, x, tx, bigT);
  }

  /**
   * {@code ln Γ(u+d) − ln Γ(u)} for {@code u > 0, d >= 0}, without the cancellation of two huge
   * log-gammas: a sum of logs for small integer {@code d}; for {@code u >= 1e4} Stirling's series
   * written as {@code (u−½) ln(1+d/u) + d ln(u+d) − d + 1/(12(u+d)) − 1/(12u) − …}, whose
   * truncation error is below 1e-21; otherwise the plain difference (absolute error about
   * 1e-16 · ln Γ(u+d), small against the value there).
   */
  static double logGammaRatio(double u, double d) {
    if (d == 0) {
      return 0;
    }
    if (d <= 16 && d == Math.rint(d)) {
      double sum = 0;
      for (int k = 0; k < d; k++) {
        sum += Math.log(u + k);
      }
      return sum;
    }
    if (u >= 1e4) {
      double v = u + d;
      return (u - 0.5) * Math.log1p(d / u) + d * Math.log(v) - d
          + (1 / (12 * v) - 1 / (12 * u)) - (1 / (360 * v * v * v) - 1 / (360 * u * u * u));
    }
    return logGamma(u + d) - logGamma(u);
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
   * {@code U = (a+b+x−1)/(a−1) · [1 − (1−z)^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)]} with
   * {@code z = t/(α+T+t)}. With {@code x = 0, T = 0} it is the unconditional E[X(t)], eq. (9).
   *
   * <p>Three exact evaluations, each used only where it is accurate and affordable:
   *
   * <ol>
   *   <li>Euler's transformation turns {@code (1−z)^{r+x} ₂F₁(r+x, b+x; c; z)} into
   *       {@code (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; c; z)}, whose parameters do not grow with
   *       {@code x}; the second parameter {@code ε = a−1} is factored out of the series so that
   *       {@code (1 − G)/ε} has no cancellation at and near {@code a = 1} (where the paper's
   *       formula is 0/0). It still subtracts {@code ln(1−z)} from a nearly equal number when
   *       {@code U/c} is tiny (large {@code a + b}: the NBD limit) and its terms overflow for
   *       large {@code a}; the result is used only if it is finite and that cancellation costs
   *       at most {@value #MAX_CANCELLATION} (three digits). O(1/(1−z)) terms.
   *   <li>Otherwise, for {@code a > 1} and when it is the shorter of the two positive series,
   *       {@link #aliveExpectationByDropout}, a series of positive terms over the purchase index,
   *       short when dropout is strong: O((a+b)/a) terms.
   *   <li>Otherwise {@link #aliveExpectationPositive}, a series of positive terms (the purchase
   *       count mixed over its negative binomial distribution), which has no cancellation at all.
   *       O(mean purchase count) terms.
   * </ol>
   *
   * <p>Steps 2 and 3 give the same value (a property test checks it); choosing the one with
   * fewer terms matters in the near-NBD corner (both {@code a} and {@code b} large, homogeneous
   * dropout), where step 2 needs thousands of terms and step 3 about the expected purchase count.
   *
   * @throws CrmException if the positive series needs more than {@link #MAX_TERMS} terms
   */
  static double aliveExpectation(double r, double alpha, double a, double b, int x, double bigT, double t) {
    if (t <= 0) {
      return 0.0;
    }
    double opportunities = (r + x) * t / (alpha + bigT);
    double positiveCost = opportunities + 10 * Math.sqrt(opportunities) + 50;
    double dropoutCost = a > 1 ? 40 * (a + b + x) / a : Double.POSITIVE_INFINITY;
    // the Euler series' terms grow while (a − 1 + n) z > n + 1, i.e. for about (a − 1) z/(1 − z)
    // terms, then shrink geometrically at rate z: skip it when that is far longer than the
    // shorter positive series (it would end in its term limit or its cancellation check anyway)
    double z = t / (alpha + bigT + t);
    double eulerCost = Math.max(0, (a - 1) * z / (1 - z)) + 40 / (1 - z);
    if (eulerCost <= Math.max(1_000, 4 * Math.min(positiveCost, dropoutCost))) {
      double euler = aliveExpectationEuler(r, alpha, a, b, x, bigT, t);
      if (euler >= 0 && Double.isFinite(euler)) {
        return euler;
      }
    }
    // both remaining series are exact with positive terms; take the one with fewer terms
    if (a > 1 && dropoutCost < positiveCost) {
      double byDropout = aliveExpectationByDropout(r + x, alpha + bigT, a, b + x, t);
      if (byDropout >= 0) {
        return byDropout;
      }
    }
    return aliveExpectationPositive(r + x, alpha + bigT, a, b + x, t);
  }

  /** Terms of the dropout-index series after which it gives up. */
  static final int MAX_DROPOUT_TERMS = 2_000_000;

  /**
   * The same expectation as {@link #aliveExpectationPositive}, summed over the purchase index
   * instead: {@code E = Σ_{j≥1} P(N ≥ j) E[(1−p)^{j−1}]} (the j-th opportunity is a purchase if N
   * reaches j and the customer survived the j−1 earlier purchases). Positive terms; for
   * {@code a > 1} the rest after term j is at most {@code P(N ≥ j+1) E[(1−p)^j] (a+bb+j−1)/(a−1)},
   * so it stops after about {@code 40 (a+bb)/a} terms however many purchases are expected: the
   * fast form when dropout is strong. {@code P(N ≥ j)} is updated by subtracting {@code P(N = j)},
   * accurate while it is not small; the method gives up (returns −1) if it would reach the tail of
   * N, or after {@link #MAX_DROPOUT_TERMS} terms.
   */
  static double aliveExpectationByDropout(double s, double beta, double a, double bb, double t) {
    double logZ = Math.log(t) - Math.log(beta + t);
    double logPi = -s * Math.log1p(t / beta);
    double tail = -Math.expm1(logPi);
    double first = tail;
    double d = 1;
    double sum = 0;
    for (int j = 1; j <= MAX_DROPOUT_TERMS; j++) {
      sum += tail * d;
      logPi += Math.log((s + j - 1) / j) + logZ;
      tail -= Math.exp(logPi);
      d *= (bb + j - 1) / (a + bb + j - 1);
      if (tail <= 1e-3 * first) {
        return -1;
      }
      if (tail * d * (a + bb + j - 1) / (a - 1) <= 1e-17 * sum) {
        return sum;
      }
    }
    return -1;
  }

  /** Largest accepted amplification of rounding errors by the cancellation in the Euler form. */
  static final double MAX_CANCELLATION = 1e3;

  /** Terms of the Euler series after which the positive series is used instead. */
  static final int MAX_EULER_TERMS = 200_000;

  /**
   * The Euler-transformed evaluation (see {@link #aliveExpectation}); NaN when it cannot be
   * trusted (overflow, too many terms, or cancellation beyond {@link #MAX_CANCELLATION}).
   */
  static double aliveExpectationEuler(double r, double alpha, double a, double b, int x, double bigT, double t) {
    double z = t / (alpha + bigT + t);
    double eps = a - 1;
    double aPrime = a + b - 1 - r;
    double c = a + b + x - 1;
    double s = seriesS(aPrime, eps, c, z, MAX_EULER_TERMS);
    if (!Double.isFinite(s)) {
      return Double.NaN;
    }
    double logOneMinusZ = Math.log1p(-z);
    double es = eps * s;
    if (!(es > -0.5)) {
      // ₂F₁ = 1 + εS is small or negative (possible when c < 0). G = (1−z)^ε ₂F₁ is then usually
      // far from 1, but not always: with a tiny a and a huge b (a = 0.0067, b = 65,529, t = 0.01)
      // G = 1 − 1.5e-7 and 1 − G lost eight digits; so the same cancellation bound applies
      double g = Math.exp(eps * logOneMinusZ) * (1 + es);
      double oneMinusG = 1 - g;
      if (!(Math.abs(oneMinusG) * MAX_CANCELLATION >= Math.max(1, Math.abs(g)))) {
        return Double.NaN;
      }
      return c * oneMinusG / eps;
    }
    double log1pOverEps = Math.abs(es) < 1e-8 ? s * (1 - es / 2) : Math.log1p(es) / eps;
    double h = logOneMinusZ + log1pOverEps;
    if (!(Math.abs(logOneMinusZ) <= MAX_CANCELLATION * Math.abs(h))) {
      return Double.NaN;
    }
    double eh = eps * h;
    double phi = Math.abs(eh) < 1e-8 ? -h * (1 + eh / 2) : -Math.expm1(eh) / eps;
    return c * phi;
  }

  /**
   * The expected purchases in the next {@code t} periods of an alive customer whose posterior is
   * λ ~ Gamma({@code s}, {@code beta}), p ~ Beta({@code a}, {@code bb}), as a series of positive
   * terms. Given λ and p, the purchases in the window are {@code min(N, J)}, N ~ Poisson(λt) the
   * purchase opportunities and J ~ Geometric(p) the purchase at which the customer drops out, so
   * {@code E = Σ_{n≥1} P(N = n) C_n} with {@code C_n = Σ_{j<n} E[(1−p)^j]}. Over λ, N is negative
   * binomial: {@code P(N = n) = (s)_n/n! (1−z)^s z^n}; over p,
   * {@code E[(1−p)^j] = (bb)_j/(a+bb)_j}. Every term is positive: no cancellation, for any
   * {@code a, b} (also huge, where the model approaches the NBD with {@code E → s t/beta}). The
   * NB probabilities are carried in log space, so large {@code s} does not underflow; that
   * recursion's rounding grows with the number of terms (about 1e-9 relative at 1e5 terms). Stops when
   * a geometric bound on the remaining terms is below 1e-17 of the sum. O(s·t/beta + tail) terms.
   *
   * @throws CrmException if more than {@link #MAX_TERMS} terms are needed
   */
  static double aliveExpectationPositive(double s, double beta, double a, double bb, double t) {
    double logZ = Math.log(t) - Math.log(beta + t);
    double logPi = -s * Math.log1p(t / beta);
    double z = Math.exp(logZ);
    double cn = 0;
    double d = 1;
    double sum = 0;
    for (int n = 1; n <= MAX_TERMS; n++) {
      logPi += Math.log((s + n - 1) / n) + logZ;
      cn += d;
      d *= (bb + n - 1) / (a + bb + n - 1);
      double term = Math.exp(logPi) * cn;
      sum += term;
      double rho = (s + n) / (n + 1) * z;
      if (rho < 1) {
        // beyond the mode P(N = n+k) <= P(N = n) rho^k and C_{n+k} <= C_n + k
        double q = rho / (1 - rho);
        double rest = Math.exp(logPi) * (cn * q + q / (1 - rho));
        if (rest <= 1e-17 * sum) {
          return sum;
        }
      }
    }
    throw new CrmException("the expected purchases need more than " + MAX_TERMS
        + " series terms (r + x = " + s + ", horizon " + t + " against alpha + T = " + beta
        + "): the model expects too many purchases in the horizon to sum them");
  }

  /**
   * {@code S = Σ_{n≥1} (a')_n (1+ε)_{n−1} z^n / ((c)_n n!)}, so that
   * {@code ₂F₁(a', ε; c; z) = 1 + ε S}; NaN if it has not converged in {@code maxTerms} terms or
   * its largest term exceeds the sum by more than {@link #MAX_CANCELLATION}.
   */
  static double seriesS(double aPrime, double eps, double c, double z, int maxTerms) {
    double u = aPrime * z / c;
    double sum = 0;
    double largest = 0;
    for (int n = 1; n <= maxTerms; n++) {
      sum += u;
      largest = Math.max(largest, Math.abs(u));
      double ratio = (aPrime + n) * (eps + n) / ((c + n) * (n + 1)) * z;
      if (u == 0 || (Math.abs(u) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1)) {
        // terms of both signs (a' < 0 or c < 0) that cancel lose digits: let the caller fall back
        return largest <= MAX_CANCELLATION * Math.abs(sum) ? sum : Double.NaN;
      }
      u *= ratio;
    }
    return Double.NaN;
  }
}

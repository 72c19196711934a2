package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

import java.util.function.DoubleUnaryOperator;
import org.crmkit.core.CrmException;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Beta;

/**
 * The BG/NBD formulas (Fader, Hardie &amp; Lee 2005), in log space where it matters. Stateless;
 * not part of the public API.
 */
final class BgNbdMath {
  /**
   * Upper bound on the terms of the positive series, about (r+x)·t/(α+T): reached only by models
   * expecting millions of purchase opportunities per customer in the horizon (where
   * {@link #aliveExpectation} integrates instead).
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
   * <p>Where none of the three converges in its term limit (over-dispersed purchase counts with
   * about a million expected opportunities or more, see {@link #aliveExpectationIntegral}), the
   * integral over the dropout probability, whose cost does not grow with the purchase count. The
   * method therefore never refuses for lack of terms.
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
    // the positive series cannot stop before the bulk of the negative binomial count N (mean
    // `opportunities`, sd sqrt(opportunities/(1 - z))) is summed: skip it when 6 sd reach its limit
    double reach = opportunities + 6 * Math.sqrt(opportunities / (1 - z));
    double positive = reach <= MAX_TERMS
        ? aliveExpectationPositiveOrNaN(r + x, alpha + bigT, a, b + x, t) : Double.NaN;
    return Double.isNaN(positive) ? aliveExpectationIntegral(r + x, alpha + bigT, a, b + x, t) : positive;
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
    double sum = aliveExpectationPositiveOrNaN(s, beta, a, bb, t);
    if (Double.isNaN(sum)) {
      throw new CrmException("the expected purchases need more than " + MAX_TERMS
          + " series terms (r + x = " + s + ", horizon " + t + " against alpha + T = " + beta
          + "): the model expects too many purchases in the horizon to sum them");
    }
    return sum;
  }

  /** {@link #aliveExpectationPositive}, NaN instead of an exception after {@link #MAX_TERMS} terms. */
  static double aliveExpectationPositiveOrNaN(double s, double beta, double a, double bb, double t) {
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
    return Double.NaN;
  }

  /** The 16-point Gauss–Legendre rule on [-1, 1]. */
  private static final GaussIntegrator LEGENDRE = new GaussIntegratorFactory().legendre(16);

  /** Largest drop (or rise) of the log-integrand over one quadrature interval. */
  private static final double MAX_LOG_CHANGE = 2;

  /** Longest quadrature interval in the logarithmic variables (their singularities are ≥ π away). */
  private static final double MAX_STEP = 0.5;

  /** How far (in log) below its maximum the integrand of the lower half is cut off. */
  private static final double LOG_CUT = 60;

  /**
   * The same expectation as {@link #aliveExpectationPositive}, as an integral over the dropout
   * probability whose cost does not depend on the number of purchases: given λ and p the expected
   * purchases in the window are {@code (1 − e^{−λpt})/p}, and the Gamma({@code s}, {@code beta})
   * average of {@code e^{−λpt}} is {@code (beta/(beta+pt))^s}, so
   * {@code E = ∫₀¹ F(p)/p · Beta(p; a, bb) dp} with {@code F(p) = 1 − (1 + pt/beta)^{−s}} (by
   * {@code expm1}/{@code log1p}, so {@code F(p)/p → s t/beta} without cancellation as p → 0).
   * Split at ½: on (0, ½] with {@code p = e^{−y}}, on [½, 1) with {@code 1 − p = e^{−w}}, which
   * removes both endpoint singularities of the Beta density (the integrands become
   * {@code F p^{a−1} (1−p)^{bb−1}} and {@code F p^{a−2} (1−p)^{bb}}, smooth in y and w). Each half is
   * summed by 16-point Gauss–Legendre rules on intervals over which the log of the integrand
   * changes by at most {@value #MAX_LOG_CHANGE} (and at most {@value #MAX_STEP} long). The lower
   * half's log-integrand is concave in y (F is a Lomax distribution function of {@code pt/beta},
   * log-concave in {@code ln p}; {@code ln(1 − e^{−y})} is concave), so it is integrated between
   * the points where it is {@value #LOG_CUT} below its maximum, or up to where F is linear in p
   * (about {@code p < e^{−40}/(k(s+1)bb)}) and the exact tail {@code s k e^{−a y}/(a B(a, bb))}
   * takes over (it matters for tiny a, whose Beta mass below e^{−745} does not fit a double);
   * the upper half (concave too for a ≥ 2, then likewise from its maximum) up to
   * {@code w = ln 2 + 40 + ln max(1, a)}, where p = 1 in double precision, plus the exact tail
   * {@code F(1) e^{−bb w}/(bb B(a, bb))} beyond (or, for a < 2, forwards until its integrand is
   * {@value #LOG_CUT} below its largest value and falling). The cost depends on the shape of the
   * integrand, not on the purchase count.
   */
  static double aliveExpectationIntegral(double s, double beta, double a, double bb, double t) {
    double k = t / beta;
    double logBeta = Beta.logBeta(a, bb);
    double ln2 = Math.log(2);
    // lower half, p = e^{-y}: ln of F(p) p^{a-1} (1-p)^{bb-1}
    DoubleUnaryOperator lower = y -> {
      double p = Math.exp(-y);
      return logF(s, k, p) - (a - 1) * y + (bb - 1) * Math.log1p(-p) - logBeta;
    };
    // beyond yLinear F(p) = s k p and (1 - p)^{bb-1} = 1 to double precision, so the log-integrand
    // falls linearly (slope -a) and the rest is s k ∫ e^{-a y} dy / B(a, bb), which matters for
    // tiny a (the Beta mass below p = e^{-745} does not fit a double)
    double yLinear = Math.min(700, Math.max(ln2, Math.log(k * (s + 1) * (Math.abs(bb - 1) + 1))) + 40);
    double yMax = argMaxConcave(lower, ln2, yLinear);
    double peak = lower.applyAsDouble(yMax);
    double left = yMax <= ln2 || lower.applyAsDouble(ln2) >= peak - LOG_CUT
        ? ln2 : levelCrossing(lower, yMax, ln2, peak - LOG_CUT);
    double right = levelCrossing(lower, yMax, yLinear, peak - LOG_CUT);
    double sum = integrateLog(lower, yMax, left) + integrateLog(lower, yMax, right);
    if (right >= yLinear) {
      sum += Math.exp(Math.log(s * k) - a * yLinear - logBeta) / a;
    }
    // upper half, 1 - p = e^{-w}: ln of F(p) p^{a-2} (1-p)^{bb}
    DoubleUnaryOperator upper = w -> {
      double p = -Math.expm1(-w);
      return logF(s, k, p) + (a - 2) * Math.log(p) - bb * w - logBeta;
    };
    double wEnd = ln2 + 40 + Math.log(Math.max(1, a));
    double tail = Math.exp(logF(s, k, 1) - bb * wEnd - logBeta) / bb;
    if (a >= 2) {
      // concave in w (p^{a-2} is then log-concave too): integrate both ways from the maximum
      double wMax = argMaxConcave(upper, ln2, wEnd);
      double top = upper.applyAsDouble(wMax);
      double from = wMax <= ln2 || upper.applyAsDouble(ln2) >= top - LOG_CUT
          ? ln2 : levelCrossing(upper, wMax, ln2, top - LOG_CUT);
      double to = levelCrossing(upper, wMax, wEnd, top - LOG_CUT);
      sum += integrateLog(upper, wMax, from) + integrateLog(upper, wMax, to);
      return to >= wEnd ? sum + tail : sum;
    }
    // a < 2: p^{a-2} varies by at most 2^{2-a} over the half; integrate forwards
    double w = ln2;
    double current = upper.applyAsDouble(w);
    double largest = current;
    double step = MAX_STEP;
    while (w < wEnd) {
      double[] next = nextInterval(upper, w, current, Math.min(step, wEnd - w));
      sum += gauss(upper, w, next[0]);
      step = Math.min(MAX_STEP, 2 * (next[0] - w));
      w = next[0];
      current = next[1];
      largest = Math.max(largest, current);
      if (current < largest - LOG_CUT && current < next[2]) {
        return sum;
      }
    }
    return sum + tail;
  }

  /** {@code ln F(p) = ln(1 − (1 + pk)^{−s})}, accurate for small p. */
  private static double logF(double s, double k, double p) {
    return Math.log(-Math.expm1(-s * Math.log1p(p * k)));
  }

  /** The maximum of a concave function on [lo, hi], by bisection on the sign of its slope. */
  private static double argMaxConcave(DoubleUnaryOperator f, double lo, double hi) {
    for (int i = 0; i < 200 && hi - lo > 1e-9 * (1 + Math.abs(lo)); i++) {
      double mid = 0.5 * (lo + hi);
      double h = 1e-7 * (1 + Math.abs(mid));
      if (f.applyAsDouble(mid + h) > f.applyAsDouble(mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  /** Where a concave function falls to {@code level} between its maximum {@code from} and {@code to}. */
  private static double levelCrossing(DoubleUnaryOperator f, double from, double to, double level) {
    if (!(f.applyAsDouble(to) < level)) {
      return to;
    }
    double inside = from;
    double outside = to;
    for (int i = 0; i < 200 && Math.abs(outside - inside) > 1e-6; i++) {
      double mid = 0.5 * (inside + outside);
      if (f.applyAsDouble(mid) >= level) {
        inside = mid;
      } else {
        outside = mid;
      }
    }
    return outside;
  }

  /** ∫ exp(f) over the interval between {@code from} and {@code to}, on pieces of bounded log change. */
  private static double integrateLog(DoubleUnaryOperator f, double from, double to) {
    double direction = Math.signum(to - from);
    double sum = 0;
    double x = from;
    double current = f.applyAsDouble(x);
    double step = MAX_STEP;
    while (direction * (to - x) > 0) {
      double[] next = nextInterval(f, x, current, direction * Math.min(step, direction * (to - x)));
      sum += gauss(f, Math.min(x, next[0]), Math.max(x, next[0]));
      step = Math.min(MAX_STEP, 2 * Math.abs(next[0] - x));
      x = next[0];
      current = next[1];
    }
    return sum;
  }

  /**
   * The end of the next interval from {@code x} (signed length at most {@code step}), halved until
   * f changes by at most {@link #MAX_LOG_CHANGE} between its ends and its midpoint:
   * {@code [end, f(end), f(x)]}.
   */
  private static double[] nextInterval(DoubleUnaryOperator f, double x, double fx, double step) {
    double h = step;
    double fEnd = f.applyAsDouble(x + h);
    double fMid = f.applyAsDouble(x + 0.5 * h);
    while (!(Math.abs(fEnd - fx) <= MAX_LOG_CHANGE && Math.abs(fMid - fx) <= MAX_LOG_CHANGE
        && Math.abs(fEnd - fMid) <= MAX_LOG_CHANGE) && Math.abs(h) > 1e-12 * (1 + Math.abs(x))) {
      h *= 0.5;
      fEnd = fMid;
      fMid = f.applyAsDouble(x + 0.5 * h);
    }
    return new double[] {x + h, fEnd, fx};
  }

  /** ∫ exp(f) over [lo, hi] by the 16-point Gauss–Legendre rule. */
  private static double gauss(DoubleUnaryOperator f, double lo, double hi) {
    double half = 0.5 * (hi - lo);
    double mid = 0.5 * (hi + lo);
    double sum = 0;
    for (int i = 0; i < LEGENDRE.getNumberOfPoints(); i++) {
      sum += LEGENDRE.getWeight(i) * Math.exp(f.applyAsDouble(mid + half * LEGENDRE.getPoint(i)));
    }
    return half * sum;
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

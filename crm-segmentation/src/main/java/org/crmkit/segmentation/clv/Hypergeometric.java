package org.crmkit.segmentation.clv;

import static org.hipparchus.special.Gamma.logGamma;

import org.crmkit.core.CrmException;

/**
 * The Gauss hypergeometric function {@code ₂F₁(a, b; c; z)} in log space, for real parameters and
 * {@code z < 1} where the value is positive (Hipparchus has none). Stateless; not part of the
 * public API.
 *
 * <p>Evaluation, each branch used where it is accurate:
 *
 * <ol>
 *   <li>{@code z < 0}: Pfaff's transformation {@code (1−z)^{−a} ₂F₁(a, c−b; c; z/(z−1))} moves the
 *       argument into {@code [0, 1)};
 *   <li>{@code 0 <= z <= 0.9}: the defining series, its terms rescaled so that large parameters
 *       (terms beyond 1e300 before they shrink) do not overflow; at most a few hundred terms unless
 *       the parameters are large;
 *   <li>{@code z > 0.9}: the linear transformation to {@code 1 − z} (Abramowitz &amp; Stegun 15.3.6),
 *       whose two series converge geometrically at rate {@code 1 − z < 0.1}, with the gamma factors
 *       in log space with signs; used when {@code c − a − b} is at least {@value #NEAR_INTEGER} away
 *       from an integer (the two terms then cancel by at most a factor of about 1e4);
 *   <li>{@code z > 0.9} with {@code c − a − b} near an integer (where the gamma factors have
 *       poles): the defining series if it converges in {@value #MAX_TERMS} terms ({@code 1 − z}
 *       down to about 4e-5); otherwise a Richardson extrapolation in {@code c} from the
 *       transformation at {@code c ± δ, c ± 2δ} (δ about {@code 0.005/|ln(1 − z)|}, at least
 *       3e-4), accurate to about 1e-9 relative.
 * </ol>
 */
final class Hypergeometric {
  static final double NEAR_INTEGER = 1e-4;
  static final int MAX_TERMS = 1_000_000;
  private static final double BIG = 1e250;
  private static final double LOG_BIG = Math.log(BIG);

  private Hypergeometric() {}

  /**
   * {@code ln ₂F₁(a, b; c; z)}.
   *
   * @throws CrmException if {@code z >= 1} or not finite, {@code c} is a non-positive integer, or
   *     the value is not positive
   */
  static double log2F1(double a, double b, double c, double z) {
    if (!(z < 1) || !Double.isFinite(z)) {
      throw new CrmException("2F1 needs z < 1, but z was " + z);
    }
    if (c <= 0 && c == Math.rint(c)) {
      throw new CrmException("2F1 needs c not a non-positive integer, but c was " + c);
    }
    if (z == 0 || a == 0 || b == 0) {
      return 0;
    }
    if (z < 0) {
      return -a * Math.log1p(-z) + log2F1(a, c - b, c, z / (z - 1));
    }
    double[] s;
    if (z <= 0.9 || isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
      s = series(a, b, c, z, MAX_TERMS);
    } else {
      double m = c - a - b;
      if (Math.abs(m - Math.rint(m)) >= NEAR_INTEGER) {
        s = reflected(a, b, c, z);
      } else {
        s = series(a, b, c, z, MAX_TERMS);
        if (Double.isNaN(s[0])) {
          s = extrapolated(a, b, c, z);
        }
      }
    }
    if (!(s[1] > 0) || Double.isNaN(s[0])) {
      throw new CrmException("2F1(" + a + ", " + b + "; " + c + "; " + z
          + ") is not positive or could not be evaluated");
    }
    return s[0];
  }

  /** Richardson extrapolation of the transformation in c, away from the poles of Γ(c − a − b). */
  private static double[] extrapolated(double a, double b, double c, double z) {
    // the derivatives in c grow like ln(1 − z)^k: keep δ·|ln(1 − z)| small (truncation of the
    // extrapolation about (δ ln(1 − z))^4), and δ well away from the poles the shift avoids
    double d = Math.max(3e-4, Math.min(2e-3, 0.005 / Math.abs(Math.log1p(-z))));
    double f1 = (value(reflected(a, b, c + d, z)) + value(reflected(a, b, c - d, z))) / 2;
    double f2 = (value(reflected(a, b, c + 2 * d, z)) + value(reflected(a, b, c - 2 * d, z))) / 2;
    double v = (4 * f1 - f2) / 3;
    return new double[] {Math.log(Math.abs(v)), Math.signum(v)};
  }

  private static double value(double[] s) {
    return s[1] * Math.exp(s[0]);
  }

  private static boolean isNonPositiveInteger(double v) {
    return v <= 0 && v == Math.rint(v);
  }

  /**
   * A&amp;S 15.3.6: {@code ₂F₁(a,b;c;z) = A ₂F₁(a, b; a+b−c+1; 1−z) + B (1−z)^{c−a−b}
   * ₂F₁(c−a, c−b; c−a−b+1; 1−z)}, {@code A = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b))},
   * {@code B = Γ(c)Γ(a+b−c)/(Γ(a)Γ(b))}; as {@code {ln|v|, sign}}.
   */
  static double[] reflected(double a, double b, double c, double z) {
    double w = 1 - z;
    double m = c - a - b;
    double lgc = logAbsGamma(c);
    double sgc = signGamma(c);
    double logA = Double.NEGATIVE_INFINITY;
    double signA = 0;
    if (!isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
      double[] f = series(a, b, 1 - m, w, MAX_TERMS);
      logA = lgc + logAbsGamma(m) - logAbsGamma(c - a) - logAbsGamma(c - b) + f[0];
      signA = sgc * signGamma(m) * signGamma(c - a) * signGamma(c - b) * f[1];
    }
    double logB = Double.NEGATIVE_INFINITY;
    double signB = 0;
    if (!isNonPositiveInteger(a) && !isNonPositiveInteger(b)) {
      double[] f = series(c - a, c - b, m + 1, w, MAX_TERMS);
      logB = lgc + logAbsGamma(-m) - logAbsGamma(a) - logAbsGamma(b) + m * Math.log(w) + f[0];
      signB = sgc * signGamma(-m) * signGamma(a) * signGamma(b) * f[1];
    }
    double hi = Math.max(logA, logB);
    double v = signA * Math.exp(logA - hi) + signB * Math.exp(logB - hi);
    return new double[] {hi + Math.log(Math.abs(v)), Math.signum(v)};
  }

  /**
   * The defining series {@code Σ (a)_n (b)_n / ((c)_n n!) z^n} for {@code |z| < 1}, as
   * {@code {ln|S|, sign}}; {@code {NaN, 0}} if it has not converged in {@code maxTerms} terms.
   * Terms are carried relative to a scale that grows by 1e250 whenever they would overflow.
   */
  static double[] series(double a, double b, double c, double z, int maxTerms) {
    double term = 1;
    double sum = 1;
    double logScale = 0;
    double ratio = a * b / c * z;
    double absZ = Math.abs(z);
    double lastNegative = -Math.min(a, b);
    for (int n = 0; n < maxTerms; n++) {
      term *= ratio;
      sum += term;
      if (Math.abs(term) > BIG) {
        term /= BIG;
        sum /= BIG;
        logScale += LOG_BIG;
      }
      if (term == 0) {
        return new double[] {logScale + Math.log(Math.abs(sum)), Math.signum(sum)};
      }
      // the next ratio, reused by the next term; the ratios tend to z, so the rest is bounded by a
      // geometric series at the larger of both
      ratio = (a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z;
      double rho = Math.max(Math.abs(ratio), absZ);
      if (rho < 1 && n + 1 > lastNegative && Math.abs(term) * rho <= 1e-17 * (1 - rho) * Math.abs(sum)) {
        return new double[] {logScale + Math.log(Math.abs(sum)), Math.signum(sum)};
      }
    }
    return new double[] {Double.NaN, 0};
  }

  /** {@code ln|Γ(x)|} for any real x that is not a non-positive integer (reflection below 0). */
  static double logAbsGamma(double x) {
    if (x > 0) {
      return logGamma(x);
    }
    double f = x - Math.rint(x);
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * f))) - logGamma(1 - x);
  }

  /** The sign of {@code Γ(x)}: +1 for x &gt; 0, {@code (−1)^⌈−x⌉} below 0. */
  static double signGamma(double x) {
    if (x > 0) {
      return 1;
    }
    return ((long) Math.ceil(-x)) % 2 == 0 ? 1 : -1;
  }
}

package org.crmkit.segmentation.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.math.BigDecimal;
import java.math.MathContext;
import org.crmkit.core.CrmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code Hypergeometric.log2F1} against deliberately naive references: the defining series summed
 * in 60-digit {@link BigDecimal} arithmetic until the terms fall below 1e-40, and, for arguments so
 * close to 1 that the series is out of reach, Euler's integral {@code ₂F₁(a, b; a+1; z) = a ∫₀¹
 * u^{a−1} (1−zu)^{−b} du} by the trapezoid rule.
 */
class HypergeometricReferenceTest {
  private static final MathContext MC = new MathContext(60);

  /** The series in exact-ish decimal arithmetic; returns ln of the sum. */
  static double naiveLog2F1(double a, double b, double c, double z) {
    BigDecimal ba = new BigDecimal(a);
    BigDecimal bb = new BigDecimal(b);
    BigDecimal bc = new BigDecimal(c);
    BigDecimal bz = new BigDecimal(z);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal eps = new BigDecimal("1e-40");
    for (int n = 0; n < 3_000_000; n++) {
      BigDecimal bn = BigDecimal.valueOf(n);
      term = term.multiply(ba.add(bn), MC).multiply(bb.add(bn), MC).multiply(bz, MC)
          .divide(bc.add(bn).multiply(bn.add(BigDecimal.ONE), MC), MC);
      sum = sum.add(term, MC);
      if (n > 10 && term.abs().compareTo(eps.multiply(sum.abs(), MC)) < 0
          && Math.abs((a + n) * (b + n) / ((c + n) * (n + 1)) * z) < 1) {
        // a few more terms could only matter if the ratio were near 1: the tail is below 1e-30
        return Math.log(sum.doubleValue());
      }
    }
    throw new AssertionError("naive series did not converge");
  }

  @ParameterizedTest(name = "2F1({0}, {1}; {2}; {3})")
  @CsvSource({
    // small z: the direct series
    "1.0, 1.0, 2.0, 0.5",
    "0.5, 1.5, 2.5, 0.3",
    "12.3, 0.7, 13.3, 0.8",
    "150.4, 1.6, 151.4, 0.85",
    "1.159, 1.606, 2.159, 0.09",
    // z > 0.9: the transformation to 1 - z (c - a - b = -s, or positive)
    "1.159, 1.606, 2.159, 0.95",
    "1.159, 1.606, 2.159, 0.99",
    "1.159, 1.606, 2.159, 0.999",
    "3.5, 0.6, 4.5, 0.995",
    "20.5, 1.25, 21.5, 0.97",
    "0.3, 0.2, 1.7, 0.99",
    "2.0, 3.0, 7.5, 0.999",
    // c - a - b at or near an integer: the series (converges within its budget here)
    "1.5, 2.0, 2.5, 0.95",
    "1.5, 2.00001, 2.5, 0.99",
    "0.8, 1.0, 1.8, 0.999",
    "1.0, 1.0, 2.0, 0.99",
  })
  void agreesWithTheHighPrecisionSeries(double a, double b, double c, double z) {
    double naive = naiveLog2F1(a, b, c, z);
    assertThat(Hypergeometric.log2F1(a, b, c, z)).isCloseTo(naive, within(1e-11 * Math.max(1, Math.abs(naive))));
  }

  @Test
  void negativeArgumentsUsePfaffsTransformation() {
    for (double z : new double[] {-0.3, -0.9, -3.0, -50.0}) {
      // for z < 0 the plain series converges only when |z| < 1; Pfaff's form is checked against
      // the naive series of the transformed function and, for |z| < 1, against the plain series
      double viaPfaff = -1.2 * Math.log1p(-z) + naiveLog2F1(1.2, 2.7 - 0.4, 2.7, z / (z - 1));
      assertThat(Hypergeometric.log2F1(1.2, 0.4, 2.7, z)).isCloseTo(viaPfaff, within(1e-11));
      if (z > -1) {
        assertThat(Hypergeometric.log2F1(1.2, 0.4, 2.7, z)).isCloseTo(naiveLog2F1(1.2, 0.4, 2.7, z), within(1e-11));
      }
    }
  }

  /** Euler's integral for c = a + 1, over v = −ln(1 − z u), where the integrand is smooth. */
  static double eulerIntegral(double a, double b, double z) {
    double top = -Math.log1p(-z);
    int n = 2_000_000;
    double h = top / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double v = i * h;
      double u = -Math.expm1(-v) / z;
      double f = a * Math.pow(u, a - 1) * Math.exp((b - 1) * v) / z;
      sum += (i == 0 || i == n) ? f / 2 : f;
    }
    return Math.log(sum * h);
  }

  @ParameterizedTest(name = "2F1({0}, {1}; {0}+1; 1 - {2})")
  @CsvSource({
    // c - a - b = -s near 1 and 1 - z beyond the series' budget: Richardson-extrapolated transformation
    "2.0, 2.0000001, 1e-6",
    "2.0, 2.0, 1e-7",
    "5.5, 1.99995, 1e-6",
    "2.0, 2.0, 1e-12",
    "30.5, 1.00001, 1e-9",
    // far from an integer: the plain transformation
    "2.0, 1.6, 1e-8",
  })
  void agreesWithEulersIntegralNextToOne(double a, double b, double oneMinusZ) {
    double z = 1 - oneMinusZ;
    assertThat(Hypergeometric.log2F1(a, b, a + 1, z)).isCloseTo(eulerIntegral(a, b, z), within(1e-8));
  }

  @Test
  void randomParametersAgreeWithTheSeries() {
    qt().withExamples(40).forAll(doubles().between(0.05, 30), doubles().between(0.05, 5),
        doubles().between(0.0, 0.99)).checkAssert((a, s, z) -> {
          // the Pareto/NBD shapes: 2F1(a, s + 1; a + 1; z)
          double naive = naiveLog2F1(a, s + 1, a + 1, z);
          assertThat(Hypergeometric.log2F1(a, s + 1, a + 1, z)).isCloseTo(naive, within(1e-9 * Math.max(1, naive)));
        });
  }

  @Test
  void rejectsArgumentsOutsideItsDomain() {
    assertThatThrownBy(() -> Hypergeometric.log2F1(1, 1, 2, 1.0)).isInstanceOf(CrmException.class)
        .hasMessageContaining("z < 1");
    assertThatThrownBy(() -> Hypergeometric.log2F1(1, 1, -2, 0.5)).isInstanceOf(CrmException.class)
        .hasMessageContaining("non-positive integer");
    assertThat(Hypergeometric.log2F1(3, 4, 5, 0)).isZero();
  }
}

package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Simulates the BG/NBD and Gamma-Gamma generative processes (test helper): each customer draws
 * λ ~ Gamma(r, α), p ~ Beta(a, b), ν ~ Gamma(q, γ); makes a first purchase at time 0, then buys
 * at exponential gaps of mean 1/λ, becoming inactive after each purchase with probability p;
 * every repeat purchase amount is Gamma(p_spend, ν). Seeded, so reproducible.
 */
final class ClvSimulator {
  private final RandomDataGenerator random;

  ClvSimulator(long seed) {
    random = new RandomDataGenerator(seed);
  }

  /**
   * Simulates {@code n} customers observed for an age T uniform in {@code [minT, maxT]}, with
   * their purchases in the next {@code holdout} periods counted as hold-out purchases.
   */
  List<CustomerSummary> customers(int n, BgNbdParameters m, GammaGammaParameters spend,
      double minT, double maxT, double holdout) {
    List<CustomerSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double bigT = minT + (maxT - minT) * random.nextDouble();
      double lambda = random.nextGamma(m.r(), 1 / m.alpha());
      double p = random.nextBeta(m.a(), m.b());
      double nu = random.nextGamma(spend.q(), 1 / spend.gamma());
      int x = 0;
      int holdoutCount = 0;
      double last = 0;
      double total = 0;
      double time = 0;
      while (true) {
        time += random.nextExponential(1 / lambda);
        if (time > bigT + holdout) {
          break;
        }
        if (time <= bigT) {
          x++;
          last = time;
          total += random.nextGamma(spend.p(), 1 / nu);
        } else {
          holdoutCount++;
        }
        if (random.nextDouble() < p) {
          break;
        }
      }
      out.add(new CustomerSummary(CustomerId.of("c" + i), x, last, bigT, x == 0 ? 0 : total / x, holdoutCount));
    }
    return out;
  }
}

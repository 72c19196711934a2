package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Simulates the Pareto/NBD, MBG/NBD and BG/BB generative processes (test helper), seeded. Each
 * summary counts its hold-out purchases in the {@code holdout} periods after T.
 */
final class PurchaseSimulator {
  private final RandomDataGenerator random;

  PurchaseSimulator(long seed) {
    random = new RandomDataGenerator(seed);
  }

  /** λ ~ Gamma(r, α), μ ~ Gamma(s, β); Poisson purchases until an exponential death time. */
  List<CustomerSummary> paretoNbd(int n, ParetoNbdParameters m, double minT, double maxT, double holdout) {
    List<CustomerSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double bigT = minT + (maxT - minT) * random.nextDouble();
      double lambda = random.nextGamma(m.r(), 1 / m.alpha());
      double mu = random.nextGamma(m.s(), 1 / m.beta());
      double death = random.nextExponential(1 / mu);
      int x = 0;
      int h = 0;
      double last = 0;
      double time = 0;
      while (true) {
        time += random.nextExponential(1 / lambda);
        if (time > death || time > bigT + holdout) {
          break;
        }
        if (time <= bigT) {
          x++;
          last = time;
        } else {
          h++;
        }
      }
      out.add(new CustomerSummary(CustomerId.of("c" + i), x, last, bigT, 0, h));
    }
    return out;
  }

  /** As BG/NBD, but the customer may also drop out at time 0 (with probability p). */
  List<CustomerSummary> mbgNbd(int n, MbgNbdParameters m, double minT, double maxT, double holdout) {
    List<CustomerSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double bigT = minT + (maxT - minT) * random.nextDouble();
      double lambda = random.nextGamma(m.r(), 1 / m.alpha());
      double p = random.nextBeta(m.a(), m.b());
      int x = 0;
      int h = 0;
      double last = 0;
      double time = 0;
      boolean alive = random.nextDouble() >= p;
      while (alive) {
        time += random.nextExponential(1 / lambda);
        if (time > bigT + holdout) {
          break;
        }
        if (time <= bigT) {
          x++;
          last = time;
        } else {
          h++;
        }
        alive = random.nextDouble() >= p;
      }
      out.add(new CustomerSummary(CustomerId.of("c" + i), x, last, bigT, 0, h));
    }
    return out;
  }

  /**
   * p ~ Beta(α, β), θ ~ Beta(γ, δ); at each of the {@code opportunities} an alive customer first
   * may die (probability θ), then transacts with probability p.
   */
  List<CustomerSummary> bgBb(int n, BgBbParameters m, int opportunities) {
    List<CustomerSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double p = random.nextBeta(m.alpha(), m.beta());
      double theta = random.nextBeta(m.gamma(), m.delta());
      int x = 0;
      int last = 0;
      for (int t = 1; t <= opportunities; t++) {
        if (random.nextDouble() < theta) {
          break;
        }
        if (random.nextDouble() < p) {
          x++;
          last = t;
        }
      }
      out.add(CustomerSummary.of("c" + i, x, last, opportunities, 0));
    }
    return out;
  }
}

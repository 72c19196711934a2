package org.crmkit.segmentation.clv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
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

  /**
   * Simulates a transaction log at day resolution: {@code n} customers whose first purchase falls
   * uniformly in the {@code cohortDays} days from {@code cohortStart}, then the same processes in
   * weeks (a purchase at week w lands on day floor(7w)), until {@code end}.
   */
  List<Transaction> transactions(int n, BgNbdParameters m, GammaGammaParameters spend,
      LocalDate cohortStart, int cohortDays, LocalDate end) {
    List<Transaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "c" + i;
      LocalDate first = cohortStart.plusDays(random.nextInt(0, cohortDays - 1));
      double lambda = random.nextGamma(m.r(), 1 / m.alpha());
      double p = random.nextBeta(m.a(), m.b());
      double nu = random.nextGamma(spend.q(), 1 / spend.gamma());
      out.add(Transaction.of(id, first, random.nextGamma(spend.p(), 1 / nu)));
      double weeks = 0;
      while (true) {
        weeks += random.nextExponential(1 / lambda);
        double days = Math.floor(weeks * 7);
        if (days > 1e5) {
          break;
        }
        LocalDate day = first.plusDays((long) days);
        if (day.isAfter(end)) {
          break;
        }
        out.add(Transaction.of(id, day, random.nextGamma(spend.p(), 1 / nu)));
        if (random.nextDouble() < p) {
          break;
        }
      }
    }
    return out;
  }
}

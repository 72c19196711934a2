package org.crmkit.segmentation.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.core.model.Transaction;

/** Small seeded transaction sets with many ties (few distinct days and amounts; amounts are quarters, so sums are exact). */
public final class TestTransactions {
  public static final LocalDate AS_OF = LocalDate.of(2024, 1, 31);

  private TestTransactions() {}

  /** Up to 60 customers, up to 300 transactions, dates around AS_OF (some after it). */
  public static List<Transaction> random(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int customers = 1 + rnd.nextInt(60);
    int count = 1 + rnd.nextInt(300);
    boolean fewValues = rnd.nextBoolean();
    List<Transaction> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "c" + rnd.nextInt(customers);
      LocalDate d = AS_OF.minusDays(rnd.nextInt(fewValues ? 5 : 400) - 3);
      double amount = fewValues ? rnd.nextInt(4) * 10.0 : Math.round(rnd.nextDouble(-50, 500) * 4) / 4.0;
      out.add(Transaction.of(id, d, amount));
    }
    return out;
  }
}

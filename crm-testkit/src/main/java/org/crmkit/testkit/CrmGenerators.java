package org.crmkit.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.crmkit.core.CrmException;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.CustomerKind;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.TransactionColumns;
import org.crmkit.segmentation.rules.SegmentRules;

/**
 * Seeded generators of crmkit inputs as plain {@code Function<RandomGenerator, T>}: the same
 * generator state gives the same value, so a failing case is reproduced from its seed. Use them
 * from any property-testing engine, or with {@link QuickTheoriesGens#of(Function)}.
 *
 * <pre>{@code
 * RandomGenerator rnd = new SplittableRandom(42);
 * List<Transaction> txs = CrmGenerators.transactions(100, 2_000, from, to).apply(rnd);
 * }</pre>
 *
 * <p>Stateless; the returned functions are thread-safe if each call gets its own generator.
 */
public final class CrmGenerators {
  /** Industries customers are drawn from. */
  public static final List<String> INDUSTRIES =
      List.of("retail", "manufacturing", "finance", "health", "public", "software");
  /** Lifecycle stages customers are drawn from. */
  public static final List<String> STAGES = List.of("lead", "active", "repeat", "lapsed");
  /** Needs customers are drawn from (attribute "needs"). */
  public static final List<String> NEEDS = List.of("price", "support", "custom", "premium");

  private CrmGenerators() {}

  /** The id of customer index {@code i}: {@code c0000042}; text order equals index order. */
  public static CustomerId customerId(int i) {
    return CustomerId.of(String.format("c%07d", i));
  }

  /**
   * Customers with random kind, industry, size band, lifecycle stage and needs (each optional
   * part present with probability 0.9), ids {@code c0000000 .. c<count-1>}.
   */
  public static Function<RandomGenerator, List<Customer>> customers(int count) {
    checkNonNegative("count", count);
    return rnd -> {
      List<Customer> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Customer.Builder b = Customer.builder().id(customerId(i)).name("Customer " + i)
            .kind(rnd.nextInt(3) == 0 ? CustomerKind.INDIVIDUAL : CustomerKind.ORGANISATION);
        if (rnd.nextInt(10) > 0) {
          b.industry(pick(rnd, INDUSTRIES));
        }
        if (rnd.nextInt(10) > 0) {
          b.sizeBand(SizeBand.values()[rnd.nextInt(SizeBand.values().length)]);
        }
        if (rnd.nextInt(10) > 0) {
          b.lifecycleStage(pick(rnd, STAGES));
        }
        if (rnd.nextInt(10) > 0) {
          b.putAttributes("needs", pick(rnd, NEEDS));
        }
        out.add(b.build());
      }
      return out;
    };
  }

  /**
   * Transactions of {@code customers} customers with a realistic skew: every customer buys at
   * least once, further purchases go to customers with Pareto-distributed propensity (many
   * one-time buyers, a few heavy buyers), and amounts are log-normal scaled by a Pareto-distributed
   * customer spend level (many small, few large customers). Dates are uniform in {@code
   * [from, to]}; amounts are rounded to cents, about 2% are returns (negative).
   *
   * @throws CrmException if {@code transactions < customers}, a count is negative or {@code to}
   *     is before {@code from}
   */
  public static Function<RandomGenerator, List<Transaction>> transactions(
      int customers, int transactions, LocalDate from, LocalDate to) {
    return rnd -> {
      TransactionColumns cols = transactionColumns(customers, transactions, from, to).apply(rnd);
      List<Transaction> out = new ArrayList<>(cols.size());
      for (int i = 0; i < cols.size(); i++) {
        out.add(new Transaction(customerId(cols.customer(i)), LocalDate.ofEpochDay(cols.day(i)),
            cols.amount(i)));
      }
      return out;
    };
  }

  /**
   * The same skewed transactions as {@link #transactions}, column-wise (16 bytes per transaction,
   * no object per row): for benchmarks with tens of millions of rows. Customer {@code i} is named
   * {@link #customerId(int)}.
   */
  public static Function<RandomGenerator, TransactionColumns> transactionColumns(
      int customers, int transactions, LocalDate from, LocalDate to) {
    checkNonNegative("customers", customers);
    if (transactions < customers) {
      throw new CrmException("transactions must be >= customers (each customer buys once), but were "
          + transactions + " < " + customers);
    }
    if (to.isBefore(from)) {
      throw new CrmException("to must not be before from, but was " + to + " < " + from);
    }
    int firstDay = (int) from.toEpochDay();
    int span = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    return rnd -> {
      double[] cumulative = new double[customers];
      double[] level = new double[customers];
      double sum = 0;
      for (int c = 0; c < customers; c++) {
        sum += pareto(rnd, 0.8, 1000);
        cumulative[c] = sum;
        level[c] = pareto(rnd, 1.5, 100);
      }
      TransactionColumns.Builder b =
          TransactionColumns.builder(customers, CrmGenerators::customerId, transactions);
      for (int i = 0; i < transactions; i++) {
        int c = i < customers ? i : search(cumulative, rnd.nextDouble() * sum);
        double amount = Math.round(20 * level[c] * Math.exp(0.8 * rnd.nextGaussian()) * 100) / 100.0;
        if (rnd.nextInt(50) == 0) {
          amount = -amount;
        }
        b.add(c, firstDay + rnd.nextInt(span), amount);
      }
      return b.build();
    };
  }

  /**
   * Territory hierarchies: one root ("global"), 1-4 regions, 1-4 countries each, 0-3 cities each,
   * with levels global / region / country / city.
   */
  public static Function<RandomGenerator, Hierarchy<TerritoryId>> territories() {
    return rnd -> {
      TerritoryId root = TerritoryId.of("global");
      Hierarchy.Builder<TerritoryId> b = Hierarchy.<TerritoryId>builder().root(root, "global");
      int regions = 1 + rnd.nextInt(4);
      for (int r = 0; r < regions; r++) {
        TerritoryId region = TerritoryId.of("r" + r);
        b.child(root, region, "region");
        int countries = 1 + rnd.nextInt(4);
        for (int c = 0; c < countries; c++) {
          TerritoryId country = TerritoryId.of("r" + r + "c" + c);
          b.child(region, country, "country");
          int cities = rnd.nextInt(4);
          for (int t = 0; t < cities; t++) {
            b.child(country, TerritoryId.of("r" + r + "c" + c + "t" + t), "city");
          }
        }
      }
      return b.build();
    };
  }

  /**
   * Arbitrary rule sets over {@code tiles} score levels: 1-8 rules with random ranges and segment
   * names from a pool of 4; they may have gaps, overlaps and unreachable rules (not strict).
   */
  public static Function<RandomGenerator, SegmentRules> segmentRuleSets(int tiles) {
    checkTiles(tiles);
    return rnd -> {
      SegmentRules.Builder b = SegmentRules.builder().tiles(tiles);
      int rules = 1 + rnd.nextInt(8);
      for (int i = 0; i < rules; i++) {
        int[] r = range(rnd, tiles);
        int[] f = range(rnd, tiles);
        int[] m = range(rnd, tiles);
        b.rule("segment-" + rnd.nextInt(4)).r(r[0], r[1]).f(f[0], f[1]).m(m[0], m[1]).add();
      }
      return b.build();
    };
  }

  /**
   * Rule sets that partition the {@code tiles³} lattice (built in strict mode): the lattice is cut
   * recursively into boxes, each box a rule of one of up to 6 segments, rules in random order.
   */
  public static Function<RandomGenerator, SegmentRules> partitionRuleSets(int tiles) {
    checkTiles(tiles);
    return rnd -> {
      List<int[]> boxes = new ArrayList<>();
      split(rnd, new int[] {1, 1, 1}, new int[] {tiles, tiles, tiles}, boxes, 0);
      for (int i = boxes.size() - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int[] t = boxes.get(i);
        boxes.set(i, boxes.get(j));
        boxes.set(j, t);
      }
      SegmentRules.Builder b = SegmentRules.builder().tiles(tiles).strict(true);
      for (int[] box : boxes) {
        b.rule("segment-" + rnd.nextInt(6)).r(box[0], box[3]).f(box[1], box[4]).m(box[2], box[5])
            .add();
      }
      return b.build();
    };
  }

  private static void split(RandomGenerator rnd, int[] lo, int[] hi, List<int[]> out, int depth) {
    int axis = rnd.nextInt(3);
    if (depth > 5 || hi[axis] == lo[axis] || rnd.nextInt(4) == 0) {
      out.add(new int[] {lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]});
      return;
    }
    int cut = lo[axis] + rnd.nextInt(hi[axis] - lo[axis]);
    int[] hi1 = hi.clone();
    hi1[axis] = cut;
    int[] lo2 = lo.clone();
    lo2[axis] = cut + 1;
    split(rnd, lo, hi1, out, depth + 1);
    split(rnd, lo2, hi, out, depth + 1);
  }

  private static int[] range(RandomGenerator rnd, int tiles) {
    int a = 1 + rnd.nextInt(tiles);
    int b = 1 + rnd.nextInt(tiles);
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }

  private static double pareto(RandomGenerator rnd, double alpha, double cap) {
    return Math.min(cap, Math.pow(1 - rnd.nextDouble(), -1 / alpha));
  }

  private static int search(double[] cumulative, double x) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static <T> T pick(RandomGenerator rnd, List<T> list) {
    return list.get(rnd.nextInt(list.size()));
  }

  private static void checkNonNegative(String name, int value) {
    if (value < 0) {
      throw new CrmException(name + " must be >= 0, but was " + value);
    }
  }

  private static void checkTiles(int tiles) {
    if (tiles < 2 || tiles > 20) {
      throw new CrmException("tiles must be in [2, 20], but was " + tiles);
    }
  }
}

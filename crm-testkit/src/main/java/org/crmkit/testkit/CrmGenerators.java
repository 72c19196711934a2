package org.crmkit.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Engine-neutral {@link Generator}s of crmkit inputs: customers, skewed transactions (also
 * column-wise, for benchmarks), territory hierarchies and segment rule sets. Every random choice
 * goes through {@link Choices}, so the same seed gives the same value ({@link
 * Generator#sample(long)}) and an engine adapter ({@link QuickTheoriesGens#of(Generator)}) shrinks
 * it. Whole customer bases and adversarial inputs are in {@link Populations}.
 *
 * <pre>{@code
 * List<Transaction> txs = CrmGenerators.transactions(100, 2_000, from, to).sample(42);
 * }</pre>
 *
 * <p>Stateless; the returned generators are immutable and thread-safe.
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
  public static Generator<List<Customer>> customers(int count) {
    checkNonNegative("count", count);
    return rnd -> {
      List<Customer> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Customer.Builder b = Customer.builder().id(customerId(i)).name("Customer " + i)
            .kind(rnd.bool(1.0 / 3) ? CustomerKind.INDIVIDUAL : CustomerKind.ORGANISATION);
        if (!rnd.bool(0.1)) {
          b.industry(rnd.pick(INDUSTRIES));
        }
        if (!rnd.bool(0.1)) {
          b.sizeBand(rnd.pick(List.of(SizeBand.values())));
        }
        if (!rnd.bool(0.1)) {
          b.lifecycleStage(rnd.pick(STAGES));
        }
        if (!rnd.bool(0.1)) {
          b.putAttributes("needs", rnd.pick(NEEDS));
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
  public static Generator<List<Transaction>> transactions(
      int customers, int transactions, LocalDate from, LocalDate to) {
    return rnd -> {
      TransactionColumns cols = transactionColumns(customers, transactions, from, to).draw(rnd);
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
  public static Generator<TransactionColumns> transactionColumns(
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
        int c = i < customers ? i : search(cumulative, rnd.unit() * sum);
        double amount = Math.round(20 * level[c] * Math.exp(0.8 * rnd.gaussian()) * 100) / 100.0;
        if (rnd.bool(0.02)) {
          amount = -amount;
        }
        b.add(c, firstDay + rnd.intBetween(0, span - 1), amount);
      }
      return b.build();
    };
  }

  /**
   * Territory hierarchies: one root ("global"), 1-4 regions, 1-4 countries each, 0-3 cities each,
   * with levels global / region / country / city.
   */
  public static Generator<Hierarchy<TerritoryId>> territories() {
    return rnd -> {
      TerritoryId root = TerritoryId.of("global");
      Hierarchy.Builder<TerritoryId> b = Hierarchy.<TerritoryId>builder().root(root, "global");
      int regions = rnd.size(1, 4);
      for (int r = 0; r < regions; r++) {
        TerritoryId region = TerritoryId.of("r" + r);
        b.child(root, region, "region");
        int countries = rnd.size(1, 4);
        for (int c = 0; c < countries; c++) {
          TerritoryId country = TerritoryId.of("r" + r + "c" + c);
          b.child(region, country, "country");
          int cities = rnd.size(0, 3);
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
  public static Generator<SegmentRules> segmentRuleSets(int tiles) {
    checkTiles(tiles);
    return rnd -> {
      SegmentRules.Builder b = SegmentRules.builder().tiles(tiles);
      int rules = rnd.size(1, 8);
      for (int i = 0; i < rules; i++) {
        int[] r = range(rnd, tiles);
        int[] f = range(rnd, tiles);
        int[] m = range(rnd, tiles);
        b.rule("segment-" + rnd.intBetween(0, 3)).r(r[0], r[1]).f(f[0], f[1]).m(m[0], m[1]).add();
      }
      return b.build();
    };
  }

  /**
   * Rule sets that partition the {@code tiles³} lattice (built in strict mode): the lattice is cut
   * recursively into boxes, each box a rule of one of up to 6 segments, rules in random order.
   */
  public static Generator<SegmentRules> partitionRuleSets(int tiles) {
    checkTiles(tiles);
    return rnd -> {
      List<int[]> boxes = new ArrayList<>();
      split(rnd, new int[] {1, 1, 1}, new int[] {tiles, tiles, tiles}, boxes, 0);
      for (int i = boxes.size() - 1; i > 0; i--) {
        int j = rnd.intBetween(0, i);
        int[] t = boxes.get(i);
        boxes.set(i, boxes.get(j));
        boxes.set(j, t);
      }
      SegmentRules.Builder b = SegmentRules.builder().tiles(tiles).strict(true);
      for (int[] box : boxes) {
        b.rule("segment-" + rnd.intBetween(0, 5)).r(box[0], box[3]).f(box[1], box[4]).m(box[2], box[5])
            .add();
      }
      return b.build();
    };
  }

  private static void split(Choices rnd, int[] lo, int[] hi, List<int[]> out, int depth) {
    int axis = rnd.intBetween(0, 2);
    if (depth > 5 || hi[axis] == lo[axis] || !rnd.bool(0.75)) {   // shrinks toward fewer boxes
      out.add(new int[] {lo[0], lo[1], lo[2], hi[0], hi[1], hi[2]});
      return;
    }
    int cut = rnd.intBetween(lo[axis], hi[axis] - 1);
    int[] hi1 = hi.clone();
    hi1[axis] = cut;
    int[] lo2 = lo.clone();
    lo2[axis] = cut + 1;
    split(rnd, lo, hi1, out, depth + 1);
    split(rnd, lo2, hi, out, depth + 1);
  }

  private static int[] range(Choices rnd, int tiles) {
    int a = rnd.intBetween(1, tiles);
    int b = rnd.intBetween(1, tiles);
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }

  private static double pareto(Choices rnd, double alpha, double cap) {
    return Math.min(cap, Math.pow(1 - rnd.unit(), -1 / alpha));
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

package org.crmkit.spark.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.crmkit.core.CrmException;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.CustomerSummary;
import org.crmkit.segmentation.clv.GammaGamma;
import org.crmkit.segmentation.clv.GammaGammaFit;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
import org.crmkit.segmentation.clv.WeightedSummaries;
import org.crmkit.spark.rfm.SparkRfm;

/**
 * Fits crmkit's lifetime-value model ({@link ClvModel}: a purchase model and Gamma-Gamma) to
 * transactions in Spark, with the summaries of {@link org.crmkit.segmentation.clv.ClvData} (one
 * purchase day per customer and calendar day, amounts added exactly; customers whose first
 * purchase is after the calibration end left out):
 *
 * <ul>
 *   <li>the purchase model needs only (x, t_x, T) per customer, so Spark counts the customers of
 *       each distinct tuple (in whole days) and the driver fits on those weighted tuples;</li>
 *   <li>Gamma-Gamma needs (x, mean repeat spend) per customer, so Spark counts the customers of
 *       each distinct (x, exact repeat spend) and the driver divides exactly as crmkit does.</li>
 * </ul>
 *
 * <p>The parameters equal the single-machine fit of {@link ClvModel#fit(
 * org.crmkit.segmentation.clv.ClvData, PurchaseModelKind)} to the optimiser's tolerance (the
 * weighted log-likelihood adds the same terms in another order). Stateless.
 *
 * <pre>{@code
 * ClvModel model = SparkClv.fit(transactions, LocalDate.parse("1997-09-30"), PeriodUnit.WEEK,
 *     PurchaseModelKind.BG_NBD);
 * }</pre>
 */
public final class SparkClv {
  private SparkClv() {}

  /**
   * Per-customer calibration summaries in whole days: {@code customer_id}, {@code x} (repeat
   * purchase days), {@code recency_days}, {@code age_days}, {@code repeat_spend} (exact
   * decimal), for the customers whose first purchase is on or before {@code calibrationEnd}.
   * The transactions have the columns {@code customer_id}, {@code date} and {@code amount}.
   */
  public static Dataset<Row> summaries(Dataset<Row> transactions, LocalDate calibrationEnd) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    var end = lit(java.sql.Date.valueOf(calibrationEnd));
    Dataset<Row> days = transactions
        .select(col("customer_id").cast(DataTypes.StringType).as("customer_id"),
            col("date").cast(DataTypes.DateType).as("day"),
            col("amount").cast(SparkRfm.AMOUNT_TYPE).as("amount"))
        .where(col("day").leq(end))
        .groupBy(col("customer_id"), col("day")).agg(sum(col("amount")).as("amount"));
    Dataset<Row> firsts = days.groupBy(col("customer_id")).agg(min(col("day")).as("first"));
    return days.join(firsts, "customer_id")
        .groupBy(col("customer_id"), col("first"))
        .agg(count(lit(1)).minus(1).cast(DataTypes.IntegerType).as("x"),
            max(col("day")).as("last"),
            sum(when(col("day").notEqual(col("first")), col("amount")))
                .cast(SparkRfm.AMOUNT_TYPE).as("repeat_spend"))
        .select(col("customer_id"), col("x"),
            datediff(col("last"), col("first")).as("recency_days"),
            datediff(end, col("first")).as("age_days"),
            col("repeat_spend"));
  }

  /**
   * Fits the purchase model {@code kind} and Gamma-Gamma.
   *
   * @throws CrmException if no customer bought on or before the calibration end, or {@code kind}
   *     is discrete (BG/BB)
   * @throws org.crmkit.segmentation.clv.DegenerateDataException if a model cannot be fitted
   */
  public static ClvModel fit(Dataset<Row> transactions, LocalDate calibrationEnd, PeriodUnit unit,
      PurchaseModelKind kind) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kind, "kind");
    if (kind.discrete()) {
      throw new CrmException("a lifetime-value model from transactions needs bg-nbd, pareto-nbd or "
          + "mbg-nbd, but got " + kind.label());
    }
    Dataset<Row> s = summaries(transactions, calibrationEnd).cache();
    try {
      WeightedSummaries purchases = purchaseTuples(s, unit);
      if (purchases.size() == 0) {
        throw new CrmException("no customer bought on or before the calibration end "
            + calibrationEnd);
      }
      PurchaseFit fit = kind.fit(purchases);
      GammaGammaFit spend = GammaGamma.fit(spendTuples(s, unit));
      return new ClvModel(calibrationEnd, unit, fit, spend);
    } finally {
      s.unpersist();
    }
  }

  /** The distinct (x, t_x, T) with their numbers of customers. */
  static WeightedSummaries purchaseTuples(Dataset<Row> summaries, PeriodUnit unit) {
    List<Row> rows = summaries.groupBy(col("x"), col("recency_days"), col("age_days")).count()
        .orderBy(col("x"), col("recency_days"), col("age_days")).collectAsList();
    WeightedSummaries.Builder b = WeightedSummaries.builder();
    int i = 0;
    for (Row r : rows) {
      b.add(CustomerSummary.of("tuple-" + i++, r.getInt(0), periods(r.getInt(1), unit),
          periods(r.getInt(2), unit), 0), r.getLong(3));
    }
    return b.build();
  }

  /** The distinct (x, repeat spend) with their numbers of customers; mean as crmkit computes it. */
  static WeightedSummaries spendTuples(Dataset<Row> summaries, PeriodUnit unit) {
    List<Row> rows = summaries.groupBy(col("x"), col("repeat_spend")).count()
        .orderBy(col("x"), col("repeat_spend")).collectAsList();
    WeightedSummaries.Builder b = WeightedSummaries.builder();
    int i = 0;
    for (Row r : rows) {
      int x = r.getInt(0);
      BigDecimal spend = r.isNullAt(1) ? BigDecimal.ZERO : r.getDecimal(1);
      double mean = x == 0 ? 0
          : spend.divide(BigDecimal.valueOf(x), MathContext.DECIMAL128).doubleValue();
      // recency and age do not enter Gamma-Gamma; any valid pair will do
      b.add(CustomerSummary.of("spend-" + i++, x, 0, 0, mean), r.getLong(2));
    }
    return b.build();
  }

  private static double periods(int days, PeriodUnit unit) {
    return unit.between(LocalDate.ofEpochDay(0), LocalDate.ofEpochDay(days));
  }
}

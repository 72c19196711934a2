package org.crmkit.spark.clv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.json.ClvModelJson;
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
import org.jspecify.annotations.Nullable;

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
 * org.crmkit.segmentation.clv.ClvData, PurchaseModelKind)}: crm-segmentation merges equal
 * summaries and sums the likelihood in one canonical order, so the per-customer fit and the fit
 * on these weighted tuples are the same computation (bit for bit on CDNOW). {@link ClvFitOptions}
 * opts into approximations (times rounded to weeks, Gamma-Gamma on a sample). {@link #predict}
 * scores every customer with a frozen model on the executors. Stateless.
 *
 * <pre>{@code
 * ClvModel model = SparkClv.fit(transactions, LocalDate.parse("1997-09-30"), PeriodUnit.WEEK,
 *     PurchaseModelKind.BG_NBD);
 * Dataset<Row> clv = SparkClv.predict(transactions, model, 52, 0.01);
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
    if (transactions == null || calibrationEnd == null) {
      throw new CrmException("transactions and calibrationEnd are required, but one was null");
    }
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
   * Fits the purchase model {@code kind} and Gamma-Gamma, exactly (as {@link #fit(Dataset,
   * LocalDate, PeriodUnit, PurchaseModelKind, ClvFitOptions)} with {@link ClvFitOptions#exact()}).
   *
   * @throws CrmException if no customer bought on or before the calibration end, or {@code kind}
   *     is discrete (BG/BB)
   * @throws org.crmkit.segmentation.clv.DegenerateDataException if a model cannot be fitted
   */
  public static ClvModel fit(Dataset<Row> transactions, LocalDate calibrationEnd, PeriodUnit unit,
      PurchaseModelKind kind) {
    return fit(transactions, calibrationEnd, unit, kind, ClvFitOptions.exact()).model();
  }

  /**
   * Fits the purchase model {@code kind} and Gamma-Gamma with {@code options}, and reports how
   * many tuples reached the driver. With rounded times, the exact tuples are counted too (one more
   * Spark job), so that the compression can be reported.
   *
   * @throws CrmException if no customer bought on or before the calibration end, {@code kind} is
   *     discrete (BG/BB), or an argument is null
   * @throws org.crmkit.segmentation.clv.DegenerateDataException if a model cannot be fitted (a
   *     small spend sample may hold fewer than 10 repeat buyers)
   */
  public static ClvFitResult fit(Dataset<Row> transactions, LocalDate calibrationEnd,
      PeriodUnit unit, PurchaseModelKind kind, ClvFitOptions options) {
    if (transactions == null || calibrationEnd == null || unit == null || kind == null
        || options == null) {
      throw new CrmException("transactions, calibrationEnd, unit, kind and options are required, "
          + "but one was null");
    }
    if (kind.discrete()) {
      throw new CrmException("a lifetime-value model from transactions needs bg-nbd, pareto-nbd or "
          + "mbg-nbd, but got " + kind.label());
    }
    Dataset<Row> s = summaries(transactions, calibrationEnd).cache();
    try {
      int step = options.timeRounding().days();
      Dataset<Row> times = step == 1 ? s
          : s.withColumn("recency_days", rounded(col("recency_days"), step))
              .withColumn("age_days", rounded(col("age_days"), step));
      WeightedSummaries purchases = purchaseTuples(times, unit);
      if (purchases.size() == 0) {
        throw new CrmException("no customer bought on or before the calibration end "
            + calibrationEnd);
      }
      long exactTuples = step == 1 ? purchases.size()
          : s.select(col("x"), col("recency_days"), col("age_days")).distinct().count();
      PurchaseFit fit = kind.fit(purchases);
      Dataset<Row> spenders = s.where(col("x").gt(0));
      if (options.spendFraction() < 1) {
        long buckets = 1_000_000_000L;
        spenders = spenders.where(pmod(xxhash64(lit(options.seed()), col("customer_id")),
            lit(buckets)).lt(lit(Math.round(options.spendFraction() * buckets))));
      }
      WeightedSummaries spend = spendTuples(spenders, unit);
      GammaGammaFit spendFit = GammaGamma.fit(spend);
      return new ClvFitResult(new ClvModel(calibrationEnd, unit, fit, spendFit),
          Math.round(purchases.totalWeight()), exactTuples, purchases.size(), spend.size(),
          Math.round(spend.totalWeight()));
    } finally {
      s.unpersist();
    }
  }

  /** {@code days} rounded to the nearest multiple of {@code step} (step odd: no halves). */
  private static Column rounded(Column days, int step) {
    Column shifted = days.plus(step / 2);
    return shifted.minus(pmod(shifted, lit(step))).cast(DataTypes.IntegerType);
  }

  /**
   * Per-customer predictions with a frozen model, computed on the executors: {@code
   * customer_id}, {@code p_alive}, {@code expected_purchases}, {@code expected_spend}, {@code clv}
   * (the columns of {@code crmkit clv predict}), for the customers of {@link #summaries} at the
   * model's calibration end, over {@code horizon} periods of the model's unit at {@code discount}
   * per period. Each value equals {@link ClvModel#predict(java.util.List, int, double)} on crmkit's
   * {@link org.crmkit.segmentation.clv.ClvData} of the same transactions: the summaries are the
   * same numbers, and the model travels to the executors as its JSON document ({@link
   * ClvModelJson}), which reads back equal. Lazy: nothing runs until the result is used.
   *
   * @throws CrmException if an argument is null, {@code horizon} is not in {@code [1,
   *     ClvModel.MAX_HORIZON]} or {@code discount} is negative or not finite (checked on the
   *     driver); a value that overflows fails the Spark job with crmkit's message
   */
  public static Dataset<Row> predict(Dataset<Row> transactions, ClvModel model, int horizon,
      double discount) {
    if (transactions == null || model == null) {
      throw new CrmException("transactions and model are required, but one was null");
    }
    // checks horizon and discount as crmkit does, on no customer
    model.predict(List.of(), horizon, discount);
    StructType schema = new StructType()
        .add("customer_id", DataTypes.StringType, false)
        .add("p_alive", DataTypes.DoubleType, false)
        .add("expected_purchases", DataTypes.DoubleType, false)
        .add("expected_spend", DataTypes.DoubleType, false)
        .add("clv", DataTypes.DoubleType, false);
    return summaries(transactions, model.calibrationEnd())
        .mapPartitions(new PredictPartition(ClvModelJson.DOCUMENT.write(model), horizon, discount),
            Encoders.row(schema));
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
      double mean = meanSpend(x, r.isNullAt(1) ? null : r.getDecimal(1));
      // recency and age do not enter Gamma-Gamma; any valid pair will do
      b.add(CustomerSummary.of("spend-" + i++, x, 0, 0, mean), r.getLong(2));
    }
    return b.build();
  }

  /** The mean repeat spend as {@code ClvData} divides it: exactly, rounded once to a double. */
  static double meanSpend(int x, @Nullable BigDecimal repeatSpend) {
    BigDecimal spend = repeatSpend == null ? BigDecimal.ZERO : repeatSpend;
    return x == 0 ? 0 : spend.divide(BigDecimal.valueOf(x), MathContext.DECIMAL128).doubleValue();
  }

  static double periods(int days, PeriodUnit unit) {
    return unit.between(LocalDate.ofEpochDay(0), LocalDate.ofEpochDay(days));
  }
}

package org.crmkit.spark.rfm;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.rfm.CutPoint;
import org.crmkit.segmentation.rfm.FrequencyMeasure;
import org.crmkit.segmentation.rfm.MonetaryMeasure;
import org.crmkit.segmentation.rfm.RfmDimension;
import org.crmkit.segmentation.rfm.RfmHistogram;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.SegmentRules;

/**
 * crmkit's RFM scoring on Apache Spark: the same scores as {@link RfmScorer} on every customer,
 * computed where the transactions are.
 *
 * <ol>
 *   <li>{@link #aggregates} groups the transactions by customer: last purchase, number of
 *       transactions and of distinct purchase days, and the total amount summed exactly as {@code
 *       DECIMAL(38, 10)} (amounts with more than 10 decimals are rounded half-up first);</li>
 *   <li>{@link #fit} counts customers per distinct value of each measure ({@code groupBy(value)
 *       .count()}), collects those histograms on the driver and lets {@link RfmScorer#fit} compute
 *       the exact cut points; under {@link TiePolicy#STABLE_SPLIT} it sorts, for each of at most
 *       {@code tiles - 1} cut points per dimension, the customers tied at the cut value;</li>
 *   <li>{@link #score} compares each customer's measures with the model's cut points in generated
 *       columns (nothing is shipped to the executors but literals), and {@link #segments} joins
 *       the segment of each distinct score triple, computed on the driver.</li>
 * </ol>
 *
 * <p>Ids are compared as crmkit compares {@link CustomerId}s ({@link String#compareTo}, UTF-16
 * code units): Spark's own string order is by UTF-8 bytes, which differs for characters outside
 * the Basic Multilingual Plane, so the STABLE_SPLIT tie-break and {@link #sortKey} compare the
 * ids' UTF-16BE encodings instead. Monetary values are the doubles nearest the exact decimal sums;
 * single-machine crmkit adds doubles in file order, so the two agree exactly whenever that double
 * sum is exact (amounts in cents of moderate size almost always are; see docs/decisions.md #16).
 *
 * <p>Immutable and thread-safe; the datasets it returns are lazy.
 *
 * <pre>{@code
 * SparkRfm rfm = SparkRfm.builder().scorer(RfmScorer.defaults()).build();
 * Dataset<Row> aggregates = rfm.aggregates(transactions, LocalDate.parse("1998-07-01")).cache();
 * RfmModel model = rfm.fit(aggregates, LocalDate.parse("1998-07-01"));
 * Dataset<Row> scores = rfm.score(aggregates, model);   // customer_id, ..., r, f, m
 * }</pre>
 */
public final class SparkRfm {
  /** The output column with the customer id (a string). */
  public static final String CUSTOMER_ID = "customer_id";
  /** The output column with whole days from the last purchase to the as-of date. */
  public static final String RECENCY_DAYS = "recency_days";
  /** The output column with the frequency measure (an int). */
  public static final String FREQUENCY = "frequency";
  /** The output column with the monetary measure (a double). */
  public static final String MONETARY = "monetary";
  /** The output column with the exact total amount ({@code DECIMAL(38, 10)}). */
  public static final String TOTAL = "total";
  /** The output column with the number of transactions (an int). */
  public static final String TRANSACTIONS = "transactions";
  /**
   * The output column with the number of distinct purchase days (an int; null unless the scorer
   * measures frequency in {@link FrequencyMeasure#DISTINCT_DAYS}, as counting them costs a
   * second shuffle).
   */
  public static final String PURCHASE_DAYS = "purchase_days";
  /** The decimal type amounts are summed in. */
  public static final DecimalType AMOUNT_TYPE = DataTypes.createDecimalType(38, 10);

  private final RfmScorer scorer;
  private final String customerColumn;
  private final String dateColumn;
  private final String amountColumn;

  private SparkRfm(Builder b) {
    this.scorer = b.scorer;
    this.customerColumn = b.customer;
    this.dateColumn = b.date;
    this.amountColumn = b.amount;
  }

  /** A builder: {@link RfmScorer#defaults()}, columns {@code customer_id}, {@code date}, {@code amount}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The scorer whose tiles, tie policy and measures this uses. */
  public RfmScorer scorer() {
    return scorer;
  }

  /**
   * Per-customer aggregates of the transactions dated on or before {@code asOf}: columns {@link
   * #CUSTOMER_ID}, {@link #RECENCY_DAYS}, {@link #FREQUENCY}, {@link #MONETARY}, {@link
   * #TRANSACTIONS}, {@link #PURCHASE_DAYS}, {@link #TOTAL}. The customer column is cast to a
   * string, the date column to a date and the amount to {@link #AMOUNT_TYPE}.
   *
   * @throws CrmException if a configured column is missing
   */
  public Dataset<Row> aggregates(Dataset<Row> transactions, LocalDate asOf) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(asOf, "asOf");
    List<String> names = List.of(transactions.columns());
    for (String c : List.of(customerColumn, dateColumn, amountColumn)) {
      if (!names.contains(c)) {
        throw new CrmException("the transactions have no column '" + c + "'; columns: " + names);
      }
    }
    Column asOfDate = lit(java.sql.Date.valueOf(asOf));
    Dataset<Row> eligible = transactions
        .select(col(customerColumn).cast(DataTypes.StringType).as(CUSTOMER_ID),
            col(dateColumn).cast(DataTypes.DateType).as("d"),
            col(amountColumn).cast(AMOUNT_TYPE).as("a"))
        .where(col("d").leq(asOfDate));
    boolean days = scorer.frequencyMeasure() == FrequencyMeasure.DISTINCT_DAYS;
    // distinct days cost a second shuffle of (customer, day) pairs: only when they are measured
    Dataset<Row> grouped = eligible.groupBy(col(CUSTOMER_ID)).agg(
        max(col("d")).as("last"),
        count(lit(1)).cast(DataTypes.IntegerType).as(TRANSACTIONS),
        (days ? count_distinct(col("d")) : lit(null)).cast(DataTypes.IntegerType).as(PURCHASE_DAYS),
        sum(col("a")).cast(AMOUNT_TYPE).as(TOTAL));
    Column frequency = scorer.frequencyMeasure() == FrequencyMeasure.TRANSACTIONS
        ? col(TRANSACTIONS) : col(PURCHASE_DAYS);
    Column total = col(TOTAL).cast(DataTypes.DoubleType);
    Column monetary = scorer.monetaryMeasure() == MonetaryMeasure.TOTAL
        ? total : total.divide(col(TRANSACTIONS).cast(DataTypes.DoubleType));
    return grouped.select(col(CUSTOMER_ID),
        datediff(asOfDate, col("last")).as(RECENCY_DAYS),
        frequency.as(FREQUENCY),
        monetary.as(MONETARY),
        col(TRANSACTIONS), col(PURCHASE_DAYS), col(TOTAL));
  }

  /**
   * Fits the frozen model of the aggregated population exactly as {@link RfmScorer} would: three
   * small aggregations (one per measure) plus, under {@link TiePolicy#STABLE_SPLIT}, one sort of
   * the customers tied at each cut value. Cache the aggregates before calling this.
   *
   * @param aggregates the output of {@link #aggregates}
   * @param asOf the as-of date the aggregates were computed at
   * @throws CrmException if there is no customer
   */
  public RfmModel fit(Dataset<Row> aggregates, LocalDate asOf) {
    RfmHistogram r = histogram(aggregates, RECENCY_DAYS);
    RfmHistogram f = histogram(aggregates, FREQUENCY);
    RfmHistogram m = histogram(aggregates, MONETARY);
    return scorer.fit(asOf, r, f, m, (dimension, value, rank) -> nth(aggregates, dimension, value, rank));
  }

  private static RfmHistogram histogram(Dataset<Row> aggregates, String column) {
    List<Row> rows = aggregates.groupBy(col(column).cast(DataTypes.DoubleType).as("v"))
        .count().collectAsList();
    double[] values = new double[rows.size()];
    long[] counts = new long[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      values[i] = rows.get(i).getDouble(0);
      counts[i] = rows.get(i).getLong(1);
    }
    return RfmHistogram.of(values, counts);
  }

  private static CustomerId nth(Dataset<Row> aggregates, RfmDimension dimension, double value,
      long rank) {
    String column = switch (dimension) {
      case RECENCY -> RECENCY_DAYS;
      case FREQUENCY -> FREQUENCY;
      case MONETARY -> MONETARY;
    };
    List<Row> tied = aggregates.where(col(column).cast(DataTypes.DoubleType).equalTo(lit(value)))
        .select(col(CUSTOMER_ID)).orderBy(sortKey(col(CUSTOMER_ID)))
        .javaRDD().zipWithIndex().filter(t -> t._2() == rank).map(t -> t._1()).collect();
    if (tied.size() != 1) {
      throw new CrmException("found " + tied.size() + " customers at rank " + rank + " of "
          + dimension + " value " + value);
    }
    return CustomerId.of(tied.get(0).getString(0));
  }

  /**
   * A column that orders string ids as crmkit orders {@link CustomerId}s (UTF-16 code units),
   * for {@code orderBy} and comparisons.
   */
  public static Column sortKey(Column id) {
    return org.apache.spark.sql.functions.encode(id, "UTF-16BE");
  }

  /**
   * Adds the scores {@code r}, {@code f} and {@code m} (ints, 1..tiles) of {@code model} to the
   * aggregates, comparing with the model's cut points in generated columns: each customer gets
   * exactly {@link RfmModel#score}'s scores.
   *
   * @param aggregates the output of {@link #aggregates} (at the model's as-of date)
   * @throws CrmException if the model's measures differ from this scorer's
   */
  public Dataset<Row> score(Dataset<Row> aggregates, RfmModel model) {
    if (model.frequencyMeasure() != scorer.frequencyMeasure()
        || model.monetaryMeasure() != scorer.monetaryMeasure()) {
      throw new CrmException("the model measures " + model.frequencyMeasure() + "/"
          + model.monetaryMeasure() + ", but the aggregates were built for "
          + scorer.frequencyMeasure() + "/" + scorer.monetaryMeasure());
    }
    return aggregates
        .withColumn("r", scoreColumn(col(RECENCY_DAYS), model.recencyCuts(), true))
        .withColumn("f", scoreColumn(col(FREQUENCY), model.frequencyCuts(), false))
        .withColumn("m", scoreColumn(col(MONETARY), model.monetaryCuts(), false));
  }

  /**
   * The score column of one dimension: the score of the last cut point the measure reaches, as
   * {@link RfmModel} computes it.
   */
  static Column scoreColumn(Column measure, List<CutPoint> cuts, boolean recency) {
    Column score = lit(1);
    Column id = sortKey(col(CUSTOMER_ID));
    for (CutPoint c : cuts) {
      Column v = lit(c.value());
      Column strictly = recency ? measure.lt(v) : measure.gt(v);
      Column reached = c.tieBreak() == null
          ? strictly.or(measure.equalTo(v))
          : strictly.or(measure.equalTo(v).and(id.geq(sortKey(lit(c.tieBreak().value())))));
      score = when(reached, lit(c.score())).otherwise(score);
    }
    return score;
  }

  /**
   * Adds the column {@code segment} (a string, null in a gap of the rules) to scores from {@link
   * #score}: the segment of each distinct (r, f, m) is computed on the driver with {@link
   * SegmentRules#segmentOf(int, int, int)} and joined as a broadcast table.
   *
   * @throws CrmException if the rules are for other tiles or have attribute conditions
   */
  public Dataset<Row> segments(Dataset<Row> scores, SegmentRules rules) {
    if (rules.tiles() != scorer.tiles()) {
      throw new CrmException("the rules are for " + rules.tiles() + " tiles, but the scorer has "
          + scorer.tiles());
    }
    if (rules.hasAttributeConditions()) {
      throw new CrmException("the rules have attribute conditions, but the scores have no "
          + "customer attributes");
    }
    List<Row> triples = scores.select("r", "f", "m").distinct().collectAsList();
    List<Row> table = new ArrayList<>(triples.size());
    for (Row t : triples) {
      table.add(RowFactory.create(t.getInt(0), t.getInt(1), t.getInt(2),
          rules.segmentOf(t.getInt(0), t.getInt(1), t.getInt(2)).orElse(null)));
    }
    StructType schema = new StructType()
        .add("r", DataTypes.IntegerType, false).add("f", DataTypes.IntegerType, false)
        .add("m", DataTypes.IntegerType, false).add("segment", DataTypes.StringType, true);
    Dataset<Row> lookup = scores.sparkSession().createDataFrame(table, schema);
    return scores.join(broadcast(lookup), scala.jdk.javaapi.CollectionConverters.asScala(
        List.of("r", "f", "m")).toSeq(), "left");
  }

  /** Builds {@link SparkRfm}s; not thread-safe. */
  public static final class Builder {
    private RfmScorer scorer = RfmScorer.defaults();
    private String customer = "customer_id";
    private String date = "date";
    private String amount = "amount";

    private Builder() {}

    /** The tiles, tie policy and measures (default {@link RfmScorer#defaults()}). */
    public Builder scorer(RfmScorer scorer) {
      this.scorer = Objects.requireNonNull(scorer, "scorer");
      return this;
    }

    /** The names of the transactions' customer, date and amount columns. */
    public Builder columns(String customer, String date, String amount) {
      this.customer = Objects.requireNonNull(customer, "customer");
      this.date = Objects.requireNonNull(date, "date");
      this.amount = Objects.requireNonNull(amount, "amount");
      return this;
    }

    /** The configured instance. */
    public SparkRfm build() {
      return new SparkRfm(this);
    }
  }
}

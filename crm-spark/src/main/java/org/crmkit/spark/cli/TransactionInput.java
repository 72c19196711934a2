package org.crmkit.spark.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.CrmException;
import org.crmkit.spark.rfm.SparkRfm;

/**
 * Reads transactions for the runner: a CSV file or directory with the header {@code
 * customer_id,date,amount} (the format of {@code crmkit rfm}: ISO dates, decimal amounts,
 * negative for returns), or Parquet (a path ending in {@code .parquet}) with those three columns.
 * Every row is checked as the crmkit CLI checks it; the first invalid row is reported.
 */
final class TransactionInput {
  private static final String DECIMAL = "^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$";
  private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private TransactionInput() {}

  /** Typed transactions: customer_id string, date date, amount DECIMAL(38, 10). */
  static Dataset<Row> read(SparkSession spark, String input) {
    Dataset<Row> raw;
    if (input.endsWith(".parquet")) {
      raw = spark.read().parquet(input);
      List<String> columns = List.of(raw.columns());
      for (String c : List.of("customer_id", "date", "amount")) {
        if (!columns.contains(c)) {
          throw new CrmException(input + ": no column '" + c + "'; columns: " + columns);
        }
      }
      raw = raw.select(col("customer_id").cast(DataTypes.StringType).as("customer_id"),
          col("date").cast(DataTypes.StringType).as("date"),
          col("amount").cast(DataTypes.StringType).as("amount"));
    } else {
      StructType schema = new StructType().add("customer_id", DataTypes.StringType)
          .add("date", DataTypes.StringType).add("amount", DataTypes.StringType);
      raw = spark.read().schema(schema)
          .option("header", "true")
          .option("enforceSchema", "false")
          .option("mode", "FAILFAST")
          .option("escape", "\"")
          .option("ignoreLeadingWhiteSpace", "true")
          .option("ignoreTrailingWhiteSpace", "true")
          .option("encoding", "UTF-8")
          .csv(input);
      // a line of blanks is skipped, as crmkit rfm skips it
      raw = raw.where(col("customer_id").isNotNull().or(col("date").isNotNull())
          .or(col("amount").isNotNull()));
    }
    Column id = col("customer_id");
    Column date = col("date");
    Column amount = col("amount");
    Column idOk = id.isNotNull().and(id.notEqual(lit("")));
    Column dateOk = date.isNotNull().and(date.rlike(DATE))
        .and(date.try_cast(DataTypes.DateType).isNotNull());
    Column amountOk = amount.isNotNull().and(amount.rlike(DECIMAL))
        .and(amount.try_cast(SparkRfm.AMOUNT_TYPE).isNotNull());
    List<Row> bad = raw.where(idOk.and(dateOk).and(amountOk).equalTo(lit(false)))
        .limit(1).collectAsList();
    if (!bad.isEmpty()) {
      Row r = bad.get(0);
      String reason = !isTrue(r, idOk, raw) ? "customer_id is empty"
          : !isTrue(r, dateOk, raw) ? "date '" + r.getString(1) + "' is not an ISO date (yyyy-MM-dd)"
          : "amount '" + r.getString(2) + "' is not a decimal number within DECIMAL(38, 10)";
      throw new CrmException(input + ": row " + r.mkString(",") + ": " + reason);
    }
    return raw.select(id, date.cast(DataTypes.DateType).as("date"),
        amount.cast(SparkRfm.AMOUNT_TYPE).as("amount"));
  }

  private static boolean isTrue(Row row, Column check, Dataset<Row> raw) {
    Dataset<Row> one = raw.sparkSession().createDataFrame(List.of(row), raw.schema());
    return one.select(check).first().getBoolean(0);
  }
}

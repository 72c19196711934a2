package org.crmkit.spark.cli;

import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/** The runner's session: the active one, or a new one that the runner stops. */
final class SparkSessions implements AutoCloseable {
  final SparkSession spark;
  private final boolean owned;

  private SparkSessions(SparkSession spark, boolean owned) {
    this.spark = spark;
    this.owned = owned;
  }

  static SparkSessions open(@Nullable String master, String app) {
    var active = SparkSession.getActiveSession();
    if (active.isDefined()) {
      return new SparkSessions(active.get(), false);
    }
    var builder = SparkSession.builder().appName(app);
    if (master != null) {
      builder = builder.master(master);
    } else if (System.getProperty("spark.master") == null) {
      builder = builder.master("local[*]");   // java -jar without --master
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return new SparkSessions(spark, true);
  }

  @Override
  public void close() {
    if (owned) {
      spark.stop();
    }
  }
}

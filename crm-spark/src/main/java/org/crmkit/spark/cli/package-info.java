/**
 * The {@code crmkit-spark} runner: {@code rfm}, {@code clv fit} and {@code clv predict} over transactions in CSV or
 * Parquet on Apache Spark, writing the same files as the {@code crmkit} command line; for {@code
 * spark-submit} and for {@code java -jar crm-spark/target/crmkit-spark.jar} locally.
 */
@NullMarked
package org.crmkit.spark.cli;

import org.jspecify.annotations.NullMarked;

/**
 * Lifetime value on Apache Spark: customer summaries computed where the transactions are,
 * compressed to weighted tuples, and crmkit's purchase models and Gamma-Gamma fitted on the
 * driver with crm-segmentation's weighted fit ({@link
 * org.crmkit.segmentation.clv.WeightedSummaries}).
 */
@NullMarked
package org.crmkit.spark.clv;

import org.jspecify.annotations.NullMarked;

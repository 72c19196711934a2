/**
 * RFM on Apache Spark with crmkit's exact answers: per-customer aggregates of a transactions
 * {@code Dataset<Row>} (money summed as DECIMAL), an {@link org.crmkit.segmentation.rfm.RfmModel}
 * fitted from per-value counts collected on the driver (no global sort), and scores and segments
 * as generated Spark columns, equal to single-machine crmkit on every customer.
 */
@NullMarked
package org.crmkit.spark.rfm;

import org.jspecify.annotations.NullMarked;

/**
 * RFM scoring: recency, frequency and monetary measures per customer, scores 1..n with an explicit
 * tie policy, frozen {@link org.crmkit.segmentation.rfm.RfmModel}s that score new customers the same
 * way later, incremental aggregates and segment-change tracking. The columnar path ({@link
 * org.crmkit.segmentation.rfm.TransactionColumns}) works on primitive arrays for tens of millions
 * of transactions.
 */
@CrmStyle
@NullMarked
package org.crmkit.segmentation.rfm;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

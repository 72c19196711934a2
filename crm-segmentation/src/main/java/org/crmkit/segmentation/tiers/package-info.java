/**
 * Value tiers (high / medium / low) of any per-customer value — revenue, an RFM score total, a
 * lifetime-value prediction — by cumulative share, thresholds or quantiles; deal-size tiers (big /
 * medium / small) of single amounts.
 */
@CrmStyle
@NullMarked
package org.crmkit.segmentation.tiers;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

/**
 * Segment rules over RFM score ranges and customer attributes, evaluated by priority and analysed
 * over the whole score lattice at {@code build()} (gaps, overlaps, unreachable rules, order
 * dependence); built-in segment maps; segment-change tracking when re-scoring with a frozen model.
 */
@CrmStyle
@NullMarked
package org.crmkit.segmentation.rules;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

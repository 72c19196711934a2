/**
 * Multi-dimensional customer classification: customer type from the lifecycle stage, industry,
 * territory level through the territory hierarchy, size band, needs and any custom dimension,
 * combined into keys and summarised in a cross-tab of counts and revenue.
 */
@CrmStyle
@NullMarked
package org.crmkit.segmentation.classify;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

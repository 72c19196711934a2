/** crmkit segmentation. */
@NullMarked
package org.crmkit.segmentation;

import org.jspecify.annotations.NullMarked;

/**
 * Versioned JSON documents of the segmentation module: frozen RFM models ({@code
 * crmkit.rfm-model/1}) and segment rule sets ({@code crmkit.segment-rules/1}). Readers report every
 * problem with its JSON path.
 */
@NullMarked
package org.crmkit.segmentation.json;

import org.jspecify.annotations.NullMarked;

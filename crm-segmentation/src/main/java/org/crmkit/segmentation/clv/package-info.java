/**
 * Customer lifetime value for non-contractual businesses: the BG/NBD model of purchase counts and
 * dropout (Fader, Hardie &amp; Lee 2005) and the Gamma-Gamma model of spend per purchase (Fader
 * &amp; Hardie), fitted by maximum likelihood, and per-customer predictions (probability alive,
 * expected purchases, expected spend, discounted lifetime value).
 *
 * <p>Flow: {@link org.crmkit.segmentation.clv.ClvData#of} summarises a transaction log at a
 * calibration end date; {@link org.crmkit.segmentation.clv.ClvModel#fit} fits both models;
 * {@link org.crmkit.segmentation.clv.ClvModel#predict} predicts per customer. Every type here is
 * immutable and thread-safe.
 */
@CrmStyle
@NullMarked
package org.crmkit.segmentation.clv;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

/**
 * Pure lifecycle state machines for CRM subjects (customers, leads, opportunities, cases).
 *
 * <p>A {@link org.crmkit.core.lifecycle.Machine} is a definition built once, validated as a whole
 * and compiled into int-indexed tables. {@link org.crmkit.core.lifecycle.Machine#decide} is a pure
 * function of (current state, event, {@link org.crmkit.core.lifecycle.Context}) returning a
 * {@link org.crmkit.core.lifecycle.Decision}: nothing is mutated or executed, and no instance is
 * kept per customer. The host stores each subject's state and appends {@link
 * org.crmkit.core.lifecycle.TransitionRecord}s to its own audit log, with optimistic concurrency
 * on a version number. Ready-made CRM machines: {@link
 * org.crmkit.core.lifecycle.CustomerLifecycle}, {@link org.crmkit.core.lifecycle.SalesFunnel},
 * {@link org.crmkit.core.lifecycle.LeadTemperature}, {@link
 * org.crmkit.core.lifecycle.BusinessProcess}, {@link org.crmkit.core.lifecycle.ContactStages}.
 */
@CrmStyle
@NullMarked
package org.crmkit.core.lifecycle;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

/**
 * Lead and account assignment: ordered rules whose entries match a lead's territory, product line,
 * industry, size band, source, score and value tier, and assign it to a user, a queue, or a
 * distribution strategy (round-robin, smooth weighted round-robin, least-loaded) over reps with
 * capacities, availability and skills.
 *
 * <p>Everything is a pure function: {@link org.crmkit.core.assignment.AssignmentRules#assign} takes
 * the lead, the persisted {@link org.crmkit.core.assignment.AssignmentState} and the instant, and
 * returns the decision with its explanation and the next state; replaying a log reproduces it.
 */
@CrmStyle
@NullMarked
package org.crmkit.core.assignment;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

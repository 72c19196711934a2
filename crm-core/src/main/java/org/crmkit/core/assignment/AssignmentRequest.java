package org.crmkit.core.assignment;

import java.time.Instant;

/**
 * One logged assignment request: the lead and the instant it was assigned at; a list of them is
 * what {@link AssignmentRules#replay} replays. Immutable value.
 *
 * @param lead the lead
 * @param at the instant of the assignment
 */
public record AssignmentRequest(Lead lead, Instant at) {}

package org.crmkit.core.assignment;

/**
 * The outcome of assigning one lead: the decision and the state to persist. Immutable value.
 *
 * @param assignment the decision
 * @param nextState the distribution state after it
 */
public record AssignmentResult(Assignment assignment, AssignmentState nextState) {}

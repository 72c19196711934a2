package org.crmkit.core.assignment;

import java.util.List;

/**
 * The outcome of assigning many leads in order: one decision per lead and the state after the
 * last. Immutable value.
 *
 * @param assignments the decisions, in the order of the leads
 * @param nextState the distribution state after the last lead
 */
public record AssignmentBatch(List<Assignment> assignments, AssignmentState nextState) {
  /** Creates the value (copies the list). */
  public AssignmentBatch {
    assignments = List.copyOf(assignments);
  }
}

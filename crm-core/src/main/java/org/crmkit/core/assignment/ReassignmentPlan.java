package org.crmkit.core.assignment;

import java.util.List;

/**
 * The changes of owner after a rep left or territories were realigned, and the distribution state
 * after them. Immutable value.
 *
 * @param moves the records that change owner, in input order
 * @param nextState the distribution state after the moves
 */
public record ReassignmentPlan(List<Reassignment> moves, AssignmentState nextState) {
  /** Creates the value (copies the list). */
  public ReassignmentPlan {
    moves = List.copyOf(moves);
  }
}

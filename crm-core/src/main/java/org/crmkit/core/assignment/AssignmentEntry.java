package org.crmkit.core.assignment;

import org.crmkit.core.internal.Checks;

/**
 * One ordered entry of {@link AssignmentRules}: a name (unique, used in explanations and as the
 * key of its distribution state), a condition and a target. Immutable value.
 *
 * @param name the entry's name; not blank
 * @param condition the condition a lead must meet
 * @param target where matching leads go
 */
public record AssignmentEntry(String name, Condition condition, Target target) {
  /**
   * Creates the entry.
   *
   * @throws org.crmkit.core.CrmException if {@code name} is blank or a part is null
   */
  public AssignmentEntry {
    Checks.nonBlank("AssignmentEntry.name", name);
    Checks.present("AssignmentEntry.condition", condition);
    Checks.present("AssignmentEntry.target", target);
  }
}

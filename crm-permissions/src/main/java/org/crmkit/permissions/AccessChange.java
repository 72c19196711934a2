package org.crmkit.permissions;

import org.crmkit.core.model.UserId;

/**
 * One change of access between two policies, as reported by {@link AccessPolicy#diff}: a user
 * gains or loses an action on a record. Immutable.
 *
 * @param user the user
 * @param recordId the record's id
 * @param type the record's object type
 * @param action the action
 * @param gained true when the user gains the action, false when they lose it
 */
public record AccessChange(UserId user, String recordId, ObjectType type, Action action,
    boolean gained) {

  @Override
  public String toString() {
    return (gained ? "+ " : "- ") + user + " " + action.label() + " " + type + " '" + recordId + "'";
  }
}

package org.crmkit.core.assignment;

/**
 * A record (lead or account) and its current owner, as the host supplies them for reassignment.
 * Immutable value.
 *
 * @param lead the record's attributes
 * @param owner its current owner
 */
public record OwnedRecord(Lead lead, Assignee owner) {}

package org.crmkit.core.assignment;

/**
 * One change of owner the host should apply. Immutable value.
 *
 * @param recordId the record's id
 * @param from the current owner
 * @param to the new owner
 * @param rule the entry that decided the new owner, or {@link Assignment#DEFAULT_RULE}
 * @param reason why the record moves and how the new owner was chosen
 */
public record Reassignment(String recordId, Assignee from, Assignee to, String rule,
    String reason) {}

package org.crmkit.core.assignment;

import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.UserId;

/**
 * Who owns a lead: a user or a team's queue. Immutable value.
 *
 * @param queue whether {@code id} names a team's queue rather than a user
 * @param id the user id or team id text
 */
public record Assignee(boolean queue, String id) {

  /**
   * Creates the value.
   *
   * @throws org.crmkit.core.CrmException if {@code id} is blank
   */
  public Assignee {
    Checks.nonBlank("Assignee.id", id);
  }

  /** A user as assignee. */
  public static Assignee user(UserId user) {
    return new Assignee(false, user.value());
  }

  /** A team's queue as assignee. */
  public static Assignee queue(TeamId team) {
    return new Assignee(true, team.value());
  }

  /** The user id, if this is a user. */
  public java.util.Optional<UserId> userId() {
    return queue ? java.util.Optional.empty() : java.util.Optional.of(UserId.of(id));
  }

  /** {@code alice} for a user, {@code queue:inside-sales} for a queue. */
  @Override
  public String toString() {
    return queue ? "queue:" + id : id;
  }
}

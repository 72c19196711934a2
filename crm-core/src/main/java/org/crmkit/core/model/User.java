package org.crmkit.core.model;

import java.util.Optional;
import java.util.Set;
import org.crmkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A user of the CRM (an employee): their organisation unit, manager, roles, territories and teams.
 * Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * User bob = User.builder()
 *     .id(UserId.of("bob")).name("Bob").orgUnit(OrgUnitId.of("sales-north"))
 *     .manager(UserId.of("alice")).addRoles(RoleId.of("rep"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class User {

  /** The user's identifier. */
  public abstract UserId id();

  /** Display name; not blank. */
  public abstract String name();

  /** The organisation unit (department, team) the user belongs to. */
  public abstract OrgUnitId orgUnit();

  /** The user's line manager, if any. */
  public abstract Optional<UserId> manager();

  /** The roles assigned to the user; unmodifiable. */
  public abstract Set<RoleId> roles();

  /** The territories the user covers; unmodifiable. */
  public abstract Set<TerritoryId> territories();

  /** The teams (record teams, queues) the user belongs to; unmodifiable. */
  public abstract Set<TeamId> teams();

  /** Whether the user is active; inactive users keep their records but receive no new work. */
  @Value.Default
  public boolean active() {
    return true;
  }

  @Value.Check
  void check() {
    Checks.nonBlank("User.name", name());
    if (manager().isPresent() && manager().get().equals(id())) {
      throw new org.crmkit.core.CrmException(
          "User.manager must differ from the user's own id, but both were '" + id() + "'");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link User} values; {@code id}, {@code name} and {@code orgUnit} are required. */
  public static final class Builder extends ImmutableUser.Builder {}
}

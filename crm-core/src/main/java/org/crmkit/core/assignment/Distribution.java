package org.crmkit.core.assignment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.UserId;
import org.immutables.value.Value;

/**
 * A distribution target: a {@link Strategy} over a pool of reps, either the members of a team (in
 * user-id order) or an explicit list of users (in the given order), with eligibility
 * requirements. Immutable and thread-safe.
 *
 * <p>A member receives a lead only if active, available (not out of office, within working
 * hours), under its capacity for the period, holding every {@link #requiredSkills() required
 * skill}, and, when {@link #requireTerritoryCoverage()}, covering the lead's territory (one of
 * the user's territories is the lead's territory or an ancestor of it).
 *
 * <pre>{@code
 * Distribution d = Distribution.builder().strategy(Strategy.ROUND_ROBIN)
 *     .team(TeamId.of("inside-sales")).addRequiredSkills("german").build();
 * }</pre>
 */
@Value.Immutable
public abstract class Distribution {

  /** The strategy. */
  public abstract Strategy strategy();

  /** The team whose members form the pool; exclusive with {@link #users()}. */
  public abstract Optional<TeamId> team();

  /** The users forming the pool, in order; exclusive with {@link #team()}. */
  public abstract List<UserId> users();

  /** Skills a member must all have. */
  public abstract Set<String> requiredSkills();

  /** Whether a member must cover the lead's territory. */
  @Value.Default
  public boolean requireTerritoryCoverage() {
    return false;
  }

  /** A new builder; {@code strategy} and one of {@code team} or {@code users} are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    String pool = team().map(t -> "team " + t).orElse("users " + users());
    String name = strategy().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return name + " over " + pool;
  }

  /** Builds {@link Distribution} values. */
  public static final class Builder extends ImmutableDistribution.Builder {}
}

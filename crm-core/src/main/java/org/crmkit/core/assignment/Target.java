package org.crmkit.core.assignment;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Where an entry sends the leads it matches: one user, a team's queue, or a {@link Distribution}
 * over reps. Immutable and thread-safe; create with {@link #user}, {@link #queue} or
 * {@link #distribute}.
 */
public final class Target {

  /** The kind of a target. */
  public enum Kind {
    /** A fixed user. */
    USER,
    /** A team's queue: the lead is owned by the queue until someone picks it. */
    QUEUE,
    /** A distribution strategy over reps. */
    DISTRIBUTION
  }

  private final Kind kind;
  private final @Nullable UserId user;
  private final @Nullable TeamId queue;
  private final @Nullable Distribution distribution;

  private Target(Kind kind, @Nullable UserId user, @Nullable TeamId queue,
      @Nullable Distribution distribution) {
    this.kind = kind;
    this.user = user;
    this.queue = queue;
    this.distribution = distribution;
  }

  /**
   * Assigns to a fixed user.
   *
   * @throws org.crmkit.core.CrmException if {@code user} is null
   */
  public static Target user(UserId user) {
    return new Target(Kind.USER, Checks.present("Target.user", user), null, null);
  }

  /**
   * Assigns to a team's queue.
   *
   * @throws org.crmkit.core.CrmException if {@code team} is null
   */
  public static Target queue(TeamId team) {
    return new Target(Kind.QUEUE, null, Checks.present("Target.queue", team), null);
  }

  /**
   * Distributes among reps.
   *
   * @throws org.crmkit.core.CrmException if {@code distribution} is null
   */
  public static Target distribute(Distribution distribution) {
    return new Target(Kind.DISTRIBUTION, null, null,
        Checks.present("Target.distribution", distribution));
  }

  /** Shorthand: {@code strategy} over the members of {@code team}. */
  public static Target distribute(Strategy strategy, TeamId team) {
    return distribute(Distribution.builder().strategy(strategy).team(team).build());
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The user, for a {@link Kind#USER} target. */
  public Optional<UserId> user() {
    return Optional.ofNullable(user);
  }

  /** The team, for a {@link Kind#QUEUE} target. */
  public Optional<TeamId> queue() {
    return Optional.ofNullable(queue);
  }

  /** The distribution, for a {@link Kind#DISTRIBUTION} target. */
  public Optional<Distribution> distribution() {
    return Optional.ofNullable(distribution);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Target t && kind == t.kind && Objects.equals(user, t.user)
        && Objects.equals(queue, t.queue) && Objects.equals(distribution, t.distribution);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, user, queue, distribution);
  }

  /** E.g. {@code user alice}, {@code queue inside-sales}, {@code round robin over team emea}. */
  @Override
  public String toString() {
    switch (kind) {
      case USER:
        return "user " + user;
      case QUEUE:
        return "queue " + queue;
      default:
        return String.valueOf(distribution);
    }
  }
}

package org.crmkit.core.assignment;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.model.UserId;
import org.immutables.value.Value;

/**
 * What distribution needs to know about a rep beyond the crm-core {@code User}: weight,
 * capacity, availability and skills. A user without a profile has weight 1, no capacity limit,
 * is always available and has no skills. Immutable and thread-safe.
 *
 * <pre>{@code
 * RepProfile bob = RepProfile.builder().user(UserId.of("bob")).weight(2)
 *     .capacity(Capacity.perDay(20)).zone(ZoneId.of("Europe/Berlin"))
 *     .workingHours(WorkingHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)))
 *     .addSkills("german").build();
 * }</pre>
 */
@Value.Immutable
public abstract class RepProfile {

  /** The user this profile describes. */
  public abstract UserId user();

  /** The weight for weighted round-robin; at least 1. */
  @Value.Default
  public int weight() {
    return 1;
  }

  /** The capacity limit, if any. */
  public abstract Optional<Capacity> capacity();

  /** The rep's time zone, for working hours and capacity periods; UTC by default. */
  @Value.Default
  public ZoneId zone() {
    return ZoneOffset.UTC;
  }

  /** The working hours; absent means always working. */
  public abstract Optional<WorkingHours> workingHours();

  /** Out-of-office intervals. */
  public abstract List<OutOfOffice> outOfOffice();

  /** The rep's skills (languages, products, certifications), compared exactly. */
  public abstract Set<String> skills();

  @Value.Check
  void check() {
    if (weight() < 1) {
      throw new org.crmkit.core.CrmException(
          "RepProfile.weight must be >= 1, but was " + weight() + " (user '" + user() + "')");
    }
  }

  /** The default profile of a user: weight 1, no limit, always available, no skills. */
  public static RepProfile defaultFor(UserId user) {
    return builder().user(user).build();
  }

  /** A new builder; {@code user} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RepProfile} values. */
  public static final class Builder extends ImmutableRepProfile.Builder {}
}

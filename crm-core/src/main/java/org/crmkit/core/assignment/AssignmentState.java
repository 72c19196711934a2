package org.crmkit.core.assignment;

import java.util.Map;
import org.crmkit.core.model.UserId;
import org.immutables.value.Value;

/**
 * The distribution state the host persists between assignments: round-robin cursors and smooth
 * weighted round-robin current weights per entry, open items per user (for least-loaded), and
 * capacity counters per user. Immutable and thread-safe; {@link #empty()} to start, and each
 * assignment returns the next state. Keys for entries or users the rules no longer know are kept
 * unchanged, so editing the rules loses no data.
 *
 * <p>The host may set {@link #openItems()} from its own data (e.g. when a rep closes leads) with
 * {@link #withOpenItems(UserId, int)}; a replay then reproduces assignments only if the same edits
 * are applied at the same points.
 */
@Value.Immutable
public abstract class AssignmentState {

  /** Round-robin cursors: entry name to the pool position the next search starts at. */
  public abstract Map<String, Integer> cursors();

  /** Smooth weighted round-robin current weights: entry name to member to current weight. */
  public abstract Map<String, Map<UserId, Long>> currentWeights();

  /** Open items per user; users absent have none. */
  public abstract Map<UserId, Integer> openItems();

  /** Capacity counters per user; users absent have received none in any period. */
  public abstract Map<UserId, CapacityUse> capacityUsed();

  /** The number of leads a rep received in a period. */
  public record CapacityUse(String period, int count) {
    /**
     * Creates the counter.
     *
     * @throws org.crmkit.core.CrmException if {@code period} is blank or {@code count < 0}
     */
    public CapacityUse {
      org.crmkit.core.internal.Checks.nonBlank("CapacityUse.period", period);
      if (count < 0) {
        throw new org.crmkit.core.CrmException(
            "CapacityUse.count must be >= 0, but was " + count);
      }
    }
  }

  /** Checks counts and copies inner weight maps, so that the state is deeply immutable. */
  @Value.Check
  AssignmentState normalize() {
    openItems().forEach((user, count) -> {
      if (count < 0) {
        throw new org.crmkit.core.CrmException("openItems must be >= 0, but was " + count
            + " for user '" + user + "'");
      }
    });
    boolean copied = true;
    for (Map<UserId, Long> m : currentWeights().values()) {
      for (Map.Entry<UserId, Long> e : m.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          throw new org.crmkit.core.CrmException(
              "currentWeights must not contain null users or weights, but was " + m);
        }
      }
      copied &= Map.copyOf(m) == m;
    }
    if (copied) {
      return this;
    }
    Map<String, Map<UserId, Long>> deep = new java.util.LinkedHashMap<>();
    currentWeights().forEach((entry, m) -> deep.put(entry, Map.copyOf(m)));
    return builder().from(this).currentWeights(deep).build();
  }

  /** The state before any assignment. */
  public static AssignmentState empty() {
    return builder().build();
  }

  /**
   * A copy with {@code user}'s open items set to {@code count}.
   *
   * @throws org.crmkit.core.CrmException if {@code count < 0}
   */
  public AssignmentState withOpenItems(UserId user, int count) {
    if (count < 0) {
      throw new org.crmkit.core.CrmException("openItems must be >= 0, but was " + count
          + " for user '" + user + "'");
    }
    return builder().from(this).putOpenItems(user, count).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AssignmentState} values. */
  public static final class Builder extends ImmutableAssignmentState.Builder {}
}

package org.crmkit.core.assignment;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The decision for one lead: the assignee and why (the entry that matched, the strategy used, the
 * pool members passed over and why). Immutable and thread-safe.
 */
@Value.Immutable
public abstract class Assignment {

  /** The rule name used when no entry matched and the default owner received the lead. */
  public static final String DEFAULT_RULE = "default";

  /** The lead's id. */
  public abstract String leadId();

  /** Who receives the lead. */
  public abstract Assignee assignee();

  /** The name of the entry that matched, or {@link #DEFAULT_RULE}. */
  public abstract String rule();

  /** The strategy, when the entry distributes among reps. */
  public abstract Optional<Strategy> strategy();

  /** The pool members passed over, in the order they were considered. */
  public abstract List<Skip> skipped();

  /** Whether the matched entry found no eligible rep and the default owner received the lead. */
  @Value.Default
  public boolean fellBack() {
    return false;
  }

  /**
   * One line explaining the decision, e.g. {@code entry 'emea' (round robin over team emea):
   * bob; skipped: carol out of office}.
   */
  public String explain() {
    StringBuilder s = new StringBuilder();
    if (rule().equals(DEFAULT_RULE)) {
      s.append("no entry matched; default owner ").append(assignee());
      return s.toString();
    }
    s.append("entry '").append(rule()).append("'");
    strategy().ifPresent(st -> s.append(" (")
        .append(st.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(")"));
    if (fellBack()) {
      s.append(": no eligible rep; default owner ").append(assignee());
    } else {
      s.append(": ").append(assignee());
    }
    if (!skipped().isEmpty()) {
      s.append("; skipped: ")
          .append(skipped().stream().map(Skip::toString).collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Assignment} values. */
  public static final class Builder extends ImmutableAssignment.Builder {}
}

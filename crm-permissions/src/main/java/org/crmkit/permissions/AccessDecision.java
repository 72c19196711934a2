package org.crmkit.permissions;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "may this user do this to this record": {@link #allowed()}, and on demand the
 * reason — for an allow the grant path (role chain, scope, rule id), for a deny what overrode the
 * grants or which grants were considered and what each was missing.
 *
 * <p>Immutable and thread-safe; the explanation is computed on first use (O(roles × grants +
 * rules)) and cached, so a check that is never explained costs nothing extra.
 */
public final class AccessDecision {
  /** What decided. */
  public enum Basis {
    /** A role grant at a data scope allowed it. */
    GRANT,
    /** An owner-based or criteria-based sharing rule allowed it. */
    SHARING_RULE,
    /** The user is on the record team. */
    RECORD_TEAM,
    /** A manual share allowed it. */
    MANUAL_SHARE,
    /** The record's owner reports to the user and hierarchy access is on. */
    MANAGER_HIERARCHY,
    /** An explicit deny rule overrode every grant. */
    DENY_RULE,
    /** The user is inactive. */
    INACTIVE_USER,
    /** The object type's module is not allocated to the user. */
    MODULE_DISABLED,
    /** Nothing granted it (default deny). */
    NO_GRANT
  }

  private final AccessPolicy policy;
  private final User user;
  private final Action action;
  private final AccessRecord record;
  private final boolean allowed;
  private volatile @Nullable Explanation explanation;

  AccessDecision(AccessPolicy policy, User user, Action action, AccessRecord record,
      boolean allowed) {
    this.policy = policy;
    this.user = user;
    this.action = action;
    this.record = record;
    this.allowed = allowed;
  }

  /** Whether the action is allowed. */
  public boolean allowed() {
    return allowed;
  }

  /** The user who asked. */
  public UserId user() {
    return user.id();
  }

  /** The action asked for. */
  public Action action() {
    return action;
  }

  /** The record asked about. */
  public AccessRecord record() {
    return record;
  }

  /** What decided: the kind of grant that allowed, or why it was denied. */
  public Basis basis() {
    return explanation().basis();
  }

  /**
   * The id of the rule that decided: a sharing or deny rule's id, or {@code grants[i]} for the
   * i-th declared grant; empty when no single rule decided (default deny, inactive user, disabled
   * module, record team).
   */
  public Optional<String> ruleId() {
    return Optional.ofNullable(explanation().ruleId());
  }

  /** The explanation as lines: the deciding path first, then what else was considered. */
  public List<String> reasons() {
    return explanation().lines();
  }

  /** The explanation as text: {@code allowed: …} or {@code denied: …}, one reason per line. */
  public String explain() {
    return (allowed ? "allowed: " : "denied: ") + String.join("\n  ", reasons());
  }

  private Explanation explanation() {
    Explanation e = explanation;
    if (e == null) {
      e = Explainer.explain(policy.c, user, action, record);
      explanation = e;
    }
    return e;
  }

  /** Whether the (independently computed) explanation reaches the same verdict; for tests. */
  boolean explanationAgrees() {
    return explanation().allowed() == allowed;
  }

  @Override
  public String toString() {
    return (allowed ? "ALLOW " : "DENY ") + user.id() + " " + action.label() + " " + record.type()
        + " '" + record.id() + "'";
  }

  record Explanation(boolean allowed, Basis basis, @Nullable String ruleId, List<String> lines) {}
}

package org.crmkit.testkit;

/**
 * A failed {@link SegmentRuleChecks} check: its message describes the counterexample in domain
 * words (the customer, its measures and scores, its segment before and after), starting with the
 * name of the check. An {@link AssertionError}, so any test framework or property engine reports
 * it as a failure. Immutable.
 */
public final class SegmentRuleViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String check;

  SegmentRuleViolation(String check, String description) {
    super(check + ": " + description);
    this.check = check;
  }

  /** The name of the failed check, e.g. {@code "recency monotonicity"}. */
  public String check() {
    return check;
  }
}

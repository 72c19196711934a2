package org.crmkit.testkit;

import org.crmkit.core.CrmException;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.core.Reporter;
import org.quicktheories.impl.Constraint;

/**
 * Adapts crmkit {@link Generator}s to QuickTheories {@link Gen}s with shrinking: every choice a
 * generator makes is one QuickTheories draw with its range and shrink target, so QuickTheories
 * shrinks sizes toward their minimum, amounts toward zero and picks toward the first option, and a
 * failing population shrinks to a handful of customers. {@link #reporter()} puts the shrunk
 * counterexample, the seed and a replay line first in a failure. QuickTheories spends a fixed
 * budget of 100 shrink cycles per example (so shrinking time grows with the cost of one check, not
 * with the size of the counterexample); {@code withShrinkCycles(n)} lowers it. QuickTheories is an optional
 * dependency of crm-testkit: add {@code org.quicktheories:quicktheories} (version managed by
 * {@code crm-bom}) to your test scope to use this class. Stateless and thread-safe.
 *
 * <pre>{@code
 * qt().withReporter(QuickTheoriesGens.reporter())
 *     .forAll(QuickTheoriesGens.of(Populations.builder().customers(1, 20).build()))
 *     .checkAssert(checks::recencyMonotone);
 * }</pre>
 */
public final class QuickTheoriesGens {
  private QuickTheoriesGens() {}

  /** A QuickTheories generator drawing values from {@code generator}, shrinking every choice. */
  public static <T> Gen<T> of(Generator<T> generator) {
    return in -> generator.draw(new QuickTheoriesChoices(in));
  }

  /**
   * A QuickTheories reporter whose failure message starts with the shrunk counterexample (for a
   * {@link SegmentRuleViolation}, its description in domain words), then the seed and a one-line
   * replay instruction ({@code -DQT_SEED=...}); the engine's details and the stack trace follow.
   */
  public static Reporter reporter() {
    return new FailureReports.QuickTheoriesReporter();
  }

  /** Each choice is one draw from QuickTheories' randomness source. */
  static final class QuickTheoriesChoices implements Choices {
    private final RandomnessSource in;

    QuickTheoriesChoices(RandomnessSource in) {
      this.in = in;
    }

    @Override
    public long longBetween(long min, long max, long shrinkTarget) {
      if (min > max) {
        throw new CrmException("min must be <= max, but was " + min + " > " + max);
      }
      if (min == max) {
        return min;
      }
      return in.next(Constraint.between(min, max).withShrinkPoint(shrinkTarget));
    }
  }
}

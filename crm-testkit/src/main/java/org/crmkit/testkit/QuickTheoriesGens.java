package org.crmkit.testkit;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.quicktheories.core.Gen;
import org.quicktheories.impl.Constraint;

/**
 * Adapts crmkit's {@code RandomGenerator → T} generators to QuickTheories {@link Gen}s. Each value
 * is generated from a fresh {@link SplittableRandom} seeded by a long drawn from QuickTheories, so
 * QuickTheories' reported seed reproduces a failure. Values do not shrink (the generators are
 * opaque functions); keep them small. QuickTheories is an optional dependency of crm-testkit: add
 * it to your test scope to use this class. Stateless and thread-safe.
 *
 * <pre>{@code
 * qt().forAll(QuickTheoriesGens.of(CrmGenerators.partitionRuleSets(5)))
 *     .check(rules -> rules.segmentOf(3, 3, 3).isPresent());
 * }</pre>
 */
public final class QuickTheoriesGens {
  private QuickTheoriesGens() {}

  /** A QuickTheories generator drawing values from {@code generator}. */
  public static <T> Gen<T> of(Function<RandomGenerator, T> generator) {
    return in -> generator.apply(new SplittableRandom(in.next(Constraint.none())));
  }
}

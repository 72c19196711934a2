package org.crmkit.testkit;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;

/**
 * Runs a property over generated values in a plain test, without a property-testing engine: each
 * example is drawn from its own seeded {@link Choices}, and a failure reports the counterexample,
 * its seed and a one-line replay instruction first. Values are not shrunk (use an engine through
 * {@link QuickTheoriesGens} for that); keep the generator's sizes small. The seed of the first
 * example is the system property {@code crmkit.seed} if set, so {@code -Dcrmkit.seed=N} replays a
 * reported failure first. Immutable; {@link #check} is thread-safe.
 *
 * <pre>{@code
 * PlainProperty.forAll(Populations.builder().customers(1, 10).build())
 *     .examples(200)
 *     .check(checks::recencyMonotone);
 * }</pre>
 *
 * @param <T> the generated type
 */
public final class PlainProperty<T> {
  /** The system property that sets the seed of the first example. */
  public static final String SEED_PROPERTY = "crmkit.seed";

  private final Generator<T> generator;
  private final int examples;
  private final long seed;

  private PlainProperty(Generator<T> generator, int examples, long seed) {
    this.generator = generator;
    this.examples = examples;
    this.seed = seed;
  }

  /**
   * A property over the values of {@code generator}: 100 examples, the seed from {@code
   * crmkit.seed} or else a fresh one.
   */
  public static <T> PlainProperty<T> forAll(Generator<T> generator) {
    Long fixed = Long.getLong(SEED_PROPERTY);
    long seed = fixed != null ? fixed : new SplittableRandom().nextLong();
    return new PlainProperty<>(generator, 100, seed);
  }

  /**
   * The number of examples.
   *
   * @throws CrmException if {@code count < 1}
   */
  public PlainProperty<T> examples(int count) {
    if (count < 1) {
      throw new CrmException("examples must be >= 1, but was " + count);
    }
    return new PlainProperty<>(generator, count, seed);
  }

  /** The seed of the first example (the rest follow from it). Overrides {@code crmkit.seed}. */
  public PlainProperty<T> seed(long first) {
    return new PlainProperty<>(generator, examples, first);
  }

  /**
   * Runs {@code assertion} on each example; it fails by throwing (an {@link AssertionError}, a
   * {@link SegmentRuleViolation} or any exception).
   *
   * @throws AssertionError for the first failing example: counterexample, seed and replay line
   *     first, the original failure as the cause
   */
  public void check(Consumer<? super T> assertion) {
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < examples; i++) {
      long exampleSeed = i == 0 ? seed : seeds.nextLong();
      T value = generator.sample(exampleSeed);
      try {
        assertion.accept(value);
      } catch (RuntimeException | AssertionError e) {
        throw FailureReports.falsified(value, e, exampleSeed, SEED_PROPERTY,
            "plain, example " + (i + 1) + " of " + examples + ", not shrunk");
      }
    }
  }
}

package org.crmkit.testkit;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a property over generated values in a plain test, without a property-testing engine: each
 * example is drawn from its own seeded {@link Choices}, and a failing example is shrunk by
 * replaying edited sequences of its choices (deleting whole {@link Choices#element elements},
 * moving each choice toward its shrink target by up to 8 halvings, deleting runs of choices; at
 * most 2,000 evaluations, deterministic). A failure reports the shrunk
 * counterexample, the example's seed and a one-line replay instruction first. The seed of the
 * first example is the system property {@code crmkit.seed} if set, so {@code -Dcrmkit.seed=N}
 * replays a reported failure (and its shrinking) first. Immutable; {@link #check} is
 * thread-safe.
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

  /**
   * The seed of the first example (the rest follow from it). The system property {@code
   * crmkit.seed}, when set, still wins, so that a reported replay line works in any test.
   */
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
    Long replay = Long.getLong(SEED_PROPERTY);
    long first = replay != null ? replay : seed;
    SplittableRandom seeds = new SplittableRandom(first);
    for (int i = 0; i < examples; i++) {
      long exampleSeed = i == 0 ? first : seeds.nextLong();
      ChoiceSequence recorded = ChoiceSequence.recording(Choices.seeded(exampleSeed));
      T value = generator.draw(recorded);
      Throwable failure = run(assertion, value);
      if (failure != null) {
        Shrinker<T> s = new Shrinker<>(generator, assertion, recorded, value, failure);
        s.shrink();
        throw FailureReports.falsified(s.value, s.failure, exampleSeed, SEED_PROPERTY,
            "plain, example " + (i + 1) + " of " + examples + ", then " + s.evaluations
                + " shrinking steps");
      }
    }
  }

  private static <T> @Nullable Throwable run(Consumer<? super T> assertion, T value) {
    try {
      assertion.accept(value);
      return null;
    } catch (RuntimeException | AssertionError e) {
      return e;
    }
  }

  /**
   * Shrinks a failing choice sequence: each choice toward its target (sizes come first, so the
   * sequence gets short fast), then deletion of runs of choices; repeated while it helps.
   */
  private static final class Shrinker<T> {
    static final int BUDGET = 2_000;

    final Generator<T> generator;
    final Consumer<? super T> assertion;
    long[] best;
    long[] targets;
    List<int[]> elements;
    T value;
    Throwable failure;
    int evaluations;

    Shrinker(Generator<T> generator, Consumer<? super T> assertion, ChoiceSequence recorded,
        T value, Throwable failure) {
      this.generator = generator;
      this.assertion = assertion;
      this.best = recorded.values();
      this.targets = recorded.targets();
      this.elements = List.copyOf(recorded.elements);
      this.value = value;
      this.failure = failure;
    }

    void shrink() {
      boolean progress = true;
      while (progress && evaluations < BUDGET) {
        progress = false;
        // whole elements, each with its collection's size lowered by one, last first
        for (int e = elements.size() - 1; e >= 0 && evaluations < BUDGET; e--) {
          int[] el = elements.get(e);
          int start = el[0];
          int end = el[1];
          int sizeIndex = el[2];
          if (end > best.length || best[sizeIndex] == targets[sizeIndex]) {
            continue;
          }
          long[] candidate = new long[best.length - (end - start)];
          System.arraycopy(best, 0, candidate, 0, start);
          System.arraycopy(best, end, candidate, start, best.length - end);
          candidate[sizeIndex] = best[sizeIndex] + (best[sizeIndex] > targets[sizeIndex] ? -1 : 1);
          if (attempt(candidate)) {
            progress = true;
            e = Math.min(e, elements.size());
          }
        }
        for (int i = 0; i < best.length && evaluations < BUDGET; i++) {
          long target = targets[i];
          if (best[i] == target) {
            continue;
          }
          long[] candidate = best.clone();
          candidate[i] = target;
          if (attempt(candidate)) {
            progress = true;
            continue;
          }
          long distance = best[i] - target;
          if ((best[i] > target) != (distance > 0)) {
            continue;   // the distance overflows a long: only the target was tried
          }
          long failing = distance;   // known to fail at this distance from the target
          long passing = 0;          // known to pass (the target itself)
          for (int step = 0; step < 8 && Math.abs(failing - passing) > 1 && evaluations < BUDGET
              && i < best.length; step++) {
            long mid = passing + (failing - passing) / 2;
            candidate = best.clone();
            candidate[i] = target + mid;
            if (attempt(candidate)) {
              failing = mid;
              progress = true;
            } else {
              passing = mid;
            }
          }
        }
        for (int k : new int[] {16, 8, 4, 2, 1}) {
          for (int j = 0; j + k <= best.length && evaluations < BUDGET; ) {
            long[] candidate = new long[best.length - k];
            System.arraycopy(best, 0, candidate, 0, j);
            System.arraycopy(best, j + k, candidate, j, best.length - j - k);
            if (attempt(candidate)) {
              progress = true;
            } else {
              j++;
            }
          }
        }
      }
    }

    /** Replays {@code candidate}; keeps it if the value still fails and its choices are simpler. */
    boolean attempt(long[] candidate) {
      evaluations++;
      ChoiceSequence replay = ChoiceSequence.replaying(candidate);
      T v = generator.draw(replay);
      long[] made = replay.values();
      long[] madeTargets = replay.targets();
      if (!simpler(made, madeTargets, best, targets)) {
        return false;
      }
      Throwable f = run(assertion, v);
      if (f == null) {
        return false;
      }
      best = made;
      targets = madeTargets;
      elements = List.copyOf(replay.elements);
      value = v;
      failure = f;
      return true;
    }

    /** Shortlex on the distances to the targets: fewer choices, then smaller ones first. */
    static boolean simpler(long[] a, long[] at, long[] b, long[] bt) {
      if (a.length != b.length) {
        return a.length < b.length;
      }
      for (int i = 0; i < a.length; i++) {
        long da = distance(a[i], at[i]);
        long db = distance(b[i], bt[i]);
        if (da != db) {
          return Long.compareUnsigned(da, db) < 0;
        }
      }
      return false;
    }

    static long distance(long v, long target) {
      return v >= target ? v - target : target - v;   // as unsigned when it overflows
    }
  }
}

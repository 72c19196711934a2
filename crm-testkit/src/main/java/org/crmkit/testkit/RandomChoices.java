package org.crmkit.testkit;

import java.util.random.RandomGenerator;
import org.crmkit.core.CrmException;

/**
 * {@link Choices} from a random generator, for plain tests. Every choice, also {@link #unit()} and
 * {@link #gaussian()}, goes through {@link #longBetween(long, long, long)}, so a recorded sequence
 * of choices replays the same value ({@link PlainProperty} shrinks by replaying edited sequences).
 */
final class RandomChoices implements Choices {
  private final RandomGenerator random;

  RandomChoices(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public long longBetween(long min, long max, long shrinkTarget) {
    if (min > max) {
      throw new CrmException("min must be <= max, but was " + min + " > " + max);
    }
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }
}

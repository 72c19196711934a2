package org.crmkit.testkit;

import java.util.function.Function;

/**
 * Generates values of {@code T} from a {@link Choices} source: the engine-neutral form of every
 * crmkit generator. The same choices always give the same value, so a plain test replays a value
 * from its seed ({@link #sample(long)}) and an engine adapter ({@link QuickTheoriesGens#of}) shrinks
 * a value by shrinking the choices that made it.
 *
 * <pre>{@code
 * Generator<Population> populations = Populations.builder().customers(1, 8).build();
 * Population p = populations.sample(42);      // the same population for seed 42, every time
 * }</pre>
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Generator<T> {

  /** Draws one value, making every random choice through {@code choices}. */
  T draw(Choices choices);

  /** The value for {@code seed}: {@code draw(Choices.seeded(seed))}. */
  default T sample(long seed) {
    return draw(Choices.seeded(seed));
  }

  /** A generator of {@code mapper} applied to this generator's values. */
  default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
    return choices -> mapper.apply(draw(choices));
  }
}

package org.crmkit.core.lifecycle;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import org.crmkit.core.internal.Checks;

/**
 * A condition a transition requires, read from a {@link Context}. Guards are referenced from
 * definitions by name and bound to code with {@link Machine.Builder#guard} or a {@link
 * GuardRegistry}; when a guard fails, the {@link Decision} names it and says why ({@link
 * #whyNot}).
 *
 * <p>Implementations must be pure (no side effects, same answer for the same context) and
 * thread-safe; the ones created here are.
 *
 * <pre>{@code
 * Guard hot = Guard.atLeast("score", 70);
 * }</pre>
 */
@FunctionalInterface
public interface Guard {

  /** Whether the condition holds for {@code context}. */
  boolean test(Context context);

  /** Why the condition does not hold for {@code context}; used in rejected decisions. */
  default String whyNot(Context context) {
    return "the condition does not hold";
  }

  /** A guard from a predicate and an explanation of its failure. */
  static Guard of(Predicate<Context> test, Function<Context, String> whyNot) {
    Checks.present("test", test);
    Checks.present("whyNot", whyNot);
    return new Guard() {
      @Override
      public boolean test(Context context) {
        return test.test(context);
      }

      @Override
      public String whyNot(Context context) {
        return whyNot.apply(context);
      }
    };
  }

  /** A guard that always holds (used to replay logs whose guard inputs were not kept). */
  static Guard always() {
    return context -> true;
  }

  /** Holds when the number named {@code key} is present and {@code >= min}. */
  static Guard atLeast(String key, double min) {
    Checks.nonBlank("key", key);
    return of(c -> c.number(key).orElse(Double.NaN) >= min,
        c -> key + " must be at least " + fmt(min) + ", but was " + show(c.number(key)));
  }

  /** Holds when the number named {@code key} is present and {@code < max}. */
  static Guard below(String key, double max) {
    Checks.nonBlank("key", key);
    return of(c -> c.number(key).orElse(Double.NaN) < max,
        c -> key + " must be below " + fmt(max) + ", but was " + show(c.number(key)));
  }

  /** Holds when the value named {@code key} is {@link Boolean#TRUE}. */
  static Guard flag(String key) {
    Checks.nonBlank("key", key);
    return of(c -> c.flag(key),
        c -> key + " must be true, but was " + c.get(key).map(String::valueOf).orElse("absent"));
  }

  private static String show(OptionalDouble v) {
    return v.isPresent() ? fmt(v.getAsDouble()) : "absent";
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}

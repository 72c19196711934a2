package org.crmkit.core;

import static java.util.Objects.requireNonNull;
import org.jspecify.annotations.Nullable;

/**
 * One problem found while validating a definition: where it is ({@code path}, e.g.
 * {@code roles[3].inherits} or {@code $.nodes[12].parent}) and what is wrong ({@code message}).
 *
 * <p>Immutable value.
 *
 * @param path where the problem is, in the vocabulary of the definition (never empty)
 * @param message what must hold and what was found
 */
public record Problem(String path, String message) {

  /** Creates a problem; both parts are required. */
  public Problem {
    requireNonNull(path, "path");
    requireNonNull(message, "message");
  }

  /** Shorthand for {@code new Problem(path, String.format(format, args))}. */
  public static Problem of(String path, String format, @Nullable Object... args) {
    return new Problem(path, String.format(format, args));
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}

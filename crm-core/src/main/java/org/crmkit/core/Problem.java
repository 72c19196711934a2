package org.crmkit.core;

import static java.util.Objects.requireNonNull;
import org.jspecify.annotations.Nullable;

import org.jspecify.annotations.Nullable;

/**
 * One problem found while validating a definition: where it is ({@link #location()}, printed by
 * {@link #path()} as e.g. {@code roles[3].inherits} or {@code $.nodes[12].parent}) and what is
 * wrong ({@code message}).
 *
 * <p>Immutable value.
 *
 * @param location where the problem is, in the vocabulary of the definition
 * @param message what must hold and what was found
 */
public record Problem(ProblemPath location, String message) {

  /** Creates a problem; both parts are required. */
  public Problem {
    requireNonNull(location, "location");
    requireNonNull(message, "message");
  }

  /** Creates a problem at the path given in text form (see {@link ProblemPath#parse}). */
  public Problem(String path, String message) {
    this(ProblemPath.parse(requireNonNull(path, "path")), message);
  }

  /** Shorthand for {@code new Problem(path, String.format(format, args))}. */
  public static Problem of(String path, String format, @Nullable Object... args) {
    return new Problem(path, String.format(format, args));
  }

  /** Shorthand for {@code new Problem(path, String.format(format, args))}. */
  public static Problem of(ProblemPath path, String format, @Nullable Object... args) {
    return new Problem(path, String.format(format, args));
  }

  /** The text form of {@link #location()}. */
  public String path() {
    return location.toString();
  }

  @Override
  public String toString() {
    return path() + ": " + message;
  }
}

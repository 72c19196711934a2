package org.crmkit.segmentation.rules;

/**
 * An inclusive range of scores {@code min..max}. Immutable.
 *
 * @param min the lowest score in the range
 * @param max the highest score in the range
 */
public record ScoreRange(int min, int max) {

  /** The range {@code min..max}; validated when the rule set is built. */
  public static ScoreRange of(int min, int max) {
    return new ScoreRange(min, max);
  }

  /** Whether {@code score} is in the range. */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  @Override
  public String toString() {
    return min == max ? Integer.toString(min) : min + "-" + max;
  }
}

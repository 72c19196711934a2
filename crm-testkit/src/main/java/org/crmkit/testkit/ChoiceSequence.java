package org.crmkit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.crmkit.core.CrmException;
import org.jspecify.annotations.Nullable;

/**
 * Records the choices a generator makes, and replays an edited sequence of them: the basis of
 * {@link PlainProperty}'s shrinking (Hypothesis's design). A replayed choice outside the range the
 * generator now asks for, and every choice beyond the end of the sequence, is the shrink target,
 * so shortening or lowering the sequence always yields a valid, simpler value. It also records the
 * boundaries of {@link Choices#element elements} and the size choice each counts toward.
 */
final class ChoiceSequence implements Choices {
  private final @Nullable Choices source;
  private final long[] forced;
  private int position;
  final List<long[]> made = new ArrayList<>();   // {value, shrinkTarget}
  /** Elements: {start, end, index of the size choice they count toward}. */
  final List<int[]> elements = new ArrayList<>();
  /** Per nesting level, the index of the last size choice, -1 if none. */
  private final List<Integer> lastSize = new ArrayList<>(List.of(-1));
  private int depth;

  private ChoiceSequence(@Nullable Choices source, long[] forced) {
    this.source = source;
    this.forced = forced;
  }

  /** Draws from {@code source} and records. */
  static ChoiceSequence recording(Choices source) {
    return new ChoiceSequence(source, new long[0]);
  }

  /** Replays {@code values}, then shrink targets. */
  static ChoiceSequence replaying(long[] values) {
    return new ChoiceSequence(null, values);
  }

  @Override
  public long longBetween(long min, long max, long shrinkTarget) {
    if (min > max) {
      throw new CrmException("min must be <= max, but was " + min + " > " + max);
    }
    long target = Math.max(min, Math.min(max, shrinkTarget));
    long v;
    if (source != null) {
      v = source.longBetween(min, max, shrinkTarget);
    } else if (position < forced.length && forced[position] >= min && forced[position] <= max) {
      v = forced[position];
    } else {
      v = target;
    }
    position++;
    made.add(new long[] {v, target});
    return v;
  }

  @Override
  public int size(int min, int max) {
    int index = made.size();
    int v = Choices.super.size(min, max);
    lastSize.set(depth, index);
    return v;
  }

  @Override
  public <T> T element(Supplier<T> draw) {
    int start = made.size();
    int sizeIndex = lastSize.get(depth);
    depth++;
    if (lastSize.size() <= depth) {
      lastSize.add(-1);
    }
    lastSize.set(depth, -1);
    try {
      return draw.get();
    } finally {
      depth--;
      if (sizeIndex >= 0 && made.size() > start) {
        elements.add(new int[] {start, made.size(), sizeIndex});
      }
    }
  }

  long[] values() {
    long[] out = new long[made.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = made.get(i)[0];
    }
    return out;
  }

  long[] targets() {
    long[] out = new long[made.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = made.get(i)[1];
    }
    return out;
  }
}

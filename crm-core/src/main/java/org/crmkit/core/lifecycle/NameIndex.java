package org.crmkit.core.lifecycle;

import java.util.Arrays;

/**
 * Open-addressing hash index from names to their int position, looked up without allocating
 * (string hash codes are cached by the JDK). Immutable once built; safe to share after publication.
 */
final class NameIndex {
  private final String[] names;
  private final int[] slots; // position + 1, 0 = empty
  private final int mask;

  NameIndex(String[] names) {
    this.names = names.clone();
    int capacity = Integer.highestOneBit(Math.max(4, names.length) * 2 - 1) << 1;
    this.slots = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < names.length; i++) {
      int slot = spread(names[i].hashCode()) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
    }
  }

  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  /** The position of {@code name}, or -1 if absent. O(1) expected, allocation-free. */
  int get(String name) {
    int slot = spread(name.hashCode()) & mask;
    while (true) {
      int at = slots[slot];
      if (at == 0) {
        return -1;
      }
      String candidate = names[at - 1];
      if (candidate == name || candidate.equals(name)) {
        return at - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  int size() {
    return names.length;
  }

  @Override
  public String toString() {
    return Arrays.toString(names);
  }
}

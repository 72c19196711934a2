package org.crmkit.core.hierarchy;

/**
 * Open-addressing hash index from keys to their position in a key array. Uses about 8 bytes per
 * key (an {@code int[]} at most half full) instead of the ~50 bytes of a {@code HashMap} entry.
 * Immutable once filled; safe to share between threads after publication.
 */
final class KeyIndex {
  private static final int EMPTY = -1;

  private final Object[] keys;
  private final int[] slots;
  private final int mask;

  private KeyIndex(Object[] keys, int[] slots) {
    this.keys = keys;
    this.slots = slots;
    this.mask = slots.length - 1;
  }

  /** An index with room for {@code keys.length} keys; fill with {@link #putIfAbsent}. */
  static KeyIndex over(Object[] keys) {
    int capacity = Integer.highestOneBit(Math.max(4, keys.length) * 2 - 1) << 1;
    int[] slots = new int[capacity];
    java.util.Arrays.fill(slots, EMPTY);
    return new KeyIndex(keys, slots);
  }

  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  /**
   * Records that {@code keys[position]} is at {@code position}, unless an equal key is already
   * indexed.
   *
   * @return -1 if added, else the position of the equal key already present
   */
  int putIfAbsent(int position) {
    Object key = keys[position];
    int slot = spread(key.hashCode()) & mask;
    while (true) {
      int at = slots[slot];
      if (at == EMPTY) {
        slots[slot] = position;
        return -1;
      }
      if (keys[at].equals(key)) {
        return at;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The position of {@code key}, or -1 if absent. */
  int indexOf(Object key) {
    int slot = spread(key.hashCode()) & mask;
    while (true) {
      int at = slots[slot];
      if (at == EMPTY) {
        return -1;
      }
      if (keys[at].equals(key)) {
        return at;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Rewrites every stored position through {@code mapping} (old position → new position). */
  KeyIndex remap(int[] mapping, Object[] newKeys) {
    int[] copy = slots.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] != EMPTY) {
        copy[i] = mapping[copy[i]];
      }
    }
    return new KeyIndex(newKeys, copy);
  }
}

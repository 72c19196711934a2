package org.crmkit.core.hierarchy;

/**
 * Open-addressing (linear probing) hash index from keys to their position in a key array. Each
 * slot holds two ints, the position and the key's spread hash, so that a probe compares hashes
 * without touching the key array, and a hit is confirmed by identity before {@code equals}. Uses
 * 16 bytes per slot at most half full, i.e. 16 to 32 bytes per key, instead of the ~50 of a {@code
 * HashMap} entry. Immutable once filled; safe to share between threads after publication.
 */
final class KeyIndex {
  private static final int EMPTY = -1;

  private final Object[] keys;
  private final int[] table; // [2 * slot] = position, [2 * slot + 1] = spread hash
  private final int mask; // of the int index: 2 * capacity - 1, with the lowest bit clear

  private KeyIndex(Object[] keys, int[] table) {
    this.keys = keys;
    this.table = table;
    this.mask = table.length - 2;
  }

  /** An index with room for {@code keys.length} keys; fill with {@link #putIfAbsent}. */
  static KeyIndex over(Object[] keys) {
    int capacity = Integer.highestOneBit(Math.max(4, keys.length) * 2 - 1) << 1;
    int[] table = new int[capacity * 2];
    for (int i = 0; i < table.length; i += 2) {
      table[i] = EMPTY;
    }
    return new KeyIndex(keys, table);
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
    int h = spread(key.hashCode());
    int slot = (h << 1) & mask;
    while (true) {
      int at = table[slot];
      if (at == EMPTY) {
        table[slot] = position;
        table[slot + 1] = h;
        return -1;
      }
      if (table[slot + 1] == h) {
        Object k = keys[at];
        if (k == key || k.equals(key)) {
          return at;
        }
      }
      slot = (slot + 2) & mask;
    }
  }

  /** The position of {@code key}, or -1 if absent. */
  int indexOf(Object key) {
    int h = spread(key.hashCode());
    int slot = (h << 1) & mask;
    while (true) {
      int at = table[slot];
      if (at == EMPTY) {
        return -1;
      }
      if (table[slot + 1] == h) {
        Object k = keys[at];
        if (k == key || k.equals(key)) {
          return at;
        }
      }
      slot = (slot + 2) & mask;
    }
  }

  /** Rewrites every stored position through {@code mapping} (old position → new position). */
  KeyIndex remap(int[] mapping, Object[] newKeys) {
    int[] copy = table.clone();
    for (int i = 0; i < copy.length; i += 2) {
      if (copy[i] != EMPTY) {
        copy[i] = mapping[copy[i]];
      }
    }
    return new KeyIndex(newKeys, copy);
  }
}

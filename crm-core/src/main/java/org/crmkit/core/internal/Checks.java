package org.crmkit.core.internal;

import java.util.Map;
import org.crmkit.core.CrmException;
import org.jspecify.annotations.Nullable;

/** Argument checks that produce crmkit's error messages. Not part of the public API. */
public final class Checks {
  private Checks() {}

  /**
   * Checks that an identifier or name is present and not blank.
   *
   * @return {@code value}
   * @throws CrmException naming {@code field} if {@code value} is null or blank
   */
  public static String nonBlank(String field, @Nullable String value) {
    if (value == null) {
      throw new CrmException(field + " must be a non-blank string, but was null");
    }
    if (value.isBlank()) {
      throw new CrmException(field + " must be a non-blank string, but was '" + value + "'");
    }
    return value;
  }

  /**
   * Checks that a required argument is present.
   *
   * @return {@code value}
   * @throws CrmException naming {@code field} if {@code value} is null
   */
  public static <T> T present(String field, @Nullable T value) {
    if (value == null) {
      throw new CrmException(field + " is required, but was null");
    }
    return value;
  }

  /**
   * Returns a value that an invariant of the calling code guarantees to be present (an index
   * entry of a key that was indexed, a field that validation has checked).
   *
   * @return {@code value}
   * @throws IllegalStateException naming {@code what} if it is null: a crmkit bug, never bad input
   */
  public static <T> T known(@Nullable T value, String what) {
    if (value == null) {
      throw new IllegalStateException("crmkit bug: " + what + " is missing");
    }
    return value;
  }

  /**
   * Looks up a key that an invariant of the calling code guarantees to be in {@code map}.
   *
   * @return the value {@code map} holds for {@code key}
   * @throws IllegalStateException if it holds none: a crmkit bug, never bad input
   */
  public static <K, V> V entry(Map<K, V> map, K key) {
    V value = map.get(key);
    if (value == null) {
      throw new IllegalStateException("crmkit bug: no entry for '" + key + "'");
    }
    return value;
  }
}

package org.crmkit.core.internal;

import org.crmkit.core.CrmException;

/** Argument checks that produce crmkit's error messages. Not part of the public API. */
public final class Checks {
  private Checks() {}

  /**
   * Checks that an identifier or name is present and not blank.
   *
   * @return {@code value}
   * @throws CrmException naming {@code field} if {@code value} is null or blank
   */
  public static String nonBlank(String field, String value) {
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
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new CrmException(field + " is required, but was null");
    }
    return value;
  }
}

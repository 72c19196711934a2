package org.crmkit.core;

/**
 * The root of every exception crmkit throws on purpose. Unchecked: bad input is a programming or
 * data error of the caller, reported with the field, the value found and what was expected.
 */
public class CrmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what must hold and what was found. */
  public CrmException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public CrmException(String message, Throwable cause) {
    super(message, cause);
  }
}

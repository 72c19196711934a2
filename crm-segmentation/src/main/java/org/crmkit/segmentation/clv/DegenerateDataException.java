package org.crmkit.segmentation.clv;

import org.crmkit.core.CrmException;

/**
 * Thrown when a lifetime-value model cannot be fitted because the data carry no information about
 * one of its parameters: too few customers, no repeat buyers, all repeat spend equal. The message
 * names what was found and what is needed.
 */
public final class DegenerateDataException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what must hold and what was found. */
  public DegenerateDataException(String message) {
    super(message);
  }
}

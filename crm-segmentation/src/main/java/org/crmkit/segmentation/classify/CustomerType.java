package org.crmkit.segmentation.classify;

/** The customer type, derived from the customer's lifecycle stage. */
public enum CustomerType {
  /** A prospect or lead that has not bought yet. */
  POTENTIAL,
  /** A customer that has bought. */
  EXISTING,
  /** A repeat customer with a lasting relationship. */
  LOYAL,
  /** A former customer that has stopped buying. */
  CHURNED
}

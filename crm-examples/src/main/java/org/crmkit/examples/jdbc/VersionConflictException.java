package org.crmkit.examples.jdbc;

import org.crmkit.core.model.CustomerId;

/**
 * A lifecycle transition was applied to a customer whose stored version is no longer the one the
 * transition was decided on: someone else changed the customer first. Nothing was written; re-read
 * the customer and decide again.
 */
public final class VersionConflictException extends JdbcStoreException {
  private static final long serialVersionUID = 1L;

  private final CustomerId customer;
  private final long expectedVersion;

  /** Creates the exception. */
  public VersionConflictException(CustomerId customer, long expectedVersion, String found) {
    super("version conflict on customer '" + customer + "': expected version " + expectedVersion
        + ", but " + found + "; nothing was written");
    this.customer = customer;
    this.expectedVersion = expectedVersion;
  }

  /** The customer whose transition lost the race. */
  public CustomerId customer() {
    return customer;
  }

  /** The version the losing transition expected. */
  public long expectedVersion() {
    return expectedVersion;
  }
}

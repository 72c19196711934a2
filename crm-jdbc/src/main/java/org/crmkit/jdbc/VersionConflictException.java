package org.crmkit.jdbc;

/**
 * Thrown when a compare-and-set write finds another version than the one it was decided on:
 * another writer won. Nothing of the losing write is stored; re-read, decide again and retry.
 */
public final class VersionConflictException extends JdbcStoreException {
  private static final long serialVersionUID = 1L;

  private final String subject;
  private final long expectedVersion;

  VersionConflictException(String what, String subject, long expectedVersion, String found) {
    super("version conflict on " + what + " '" + subject + "': expected version " + expectedVersion
        + ", but " + found + "; nothing was written");
    this.subject = subject;
    this.expectedVersion = expectedVersion;
  }

  /** The subject (or named state) the write was for. */
  public String subject() {
    return subject;
  }

  /** The version the write expected to find. */
  public long expectedVersion() {
    return expectedVersion;
  }
}

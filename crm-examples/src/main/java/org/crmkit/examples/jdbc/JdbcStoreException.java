package org.crmkit.examples.jdbc;

import java.sql.SQLException;
import org.crmkit.core.CrmException;

/** A database operation of the example adapter failed; the message names the operation. */
public class JdbcStoreException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Wraps a JDBC failure of {@code operation}. */
  public JdbcStoreException(String operation, SQLException cause) {
    super(operation + " failed: " + cause.getMessage(), cause);
  }

  /** A failure that is not a JDBC exception. */
  public JdbcStoreException(String message) {
    super(message);
  }
}

package org.crmkit.jdbc;

import java.sql.SQLException;
import org.crmkit.core.CrmException;

/**
 * Thrown when a crm-jdbc operation fails in the database (connection, SQL, constraint); the
 * message names the operation, the cause is the driver's {@link SQLException}. Nothing of the
 * failed operation is committed.
 */
public class JdbcStoreException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message only. */
  public JdbcStoreException(String message) {
    super(message);
  }

  /** An exception for {@code operation} caused by {@code cause}. */
  public JdbcStoreException(String operation, SQLException cause) {
    super(operation + " failed: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")",
        cause);
  }
}

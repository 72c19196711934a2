package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Runs work in one transaction on a connection of its own. */
final class Tx {
  private static final Pattern IDENTIFIER =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  private Tx() {}

  @FunctionalInterface
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  static <T> T run(DataSource ds, String operation, Work<T> work) {
    try (Connection c = ds.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new JdbcStoreException(operation, e);
    }
  }

  static boolean isConstraintViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  static String identifier(String what, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new JdbcStoreException(what + " must be an SQL identifier such as crm_customer or"
          + " app.crm_customer, but was '" + name + "'");
    }
    return name;
  }

  static String nonBlank(String what, String value) {
    if (value.isBlank()) {
      throw new JdbcStoreException(what + " must not be blank");
    }
    return value;
  }
}

package org.crmkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.SqlFragment;
import org.crmkit.permissions.SqlMapping;

/**
 * List queries over a caller-described table that apply an {@link AccessPredicate} as a
 * parameterised {@code WHERE} fragment: the database returns exactly the rows the policy's {@code
 * check} would allow, without loading the others. The table and its columns are described by the
 * caller (table name, {@link SqlMapping}, selected columns, order); names must be plain SQL
 * identifiers and are never taken from data, values are always bound parameters.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AccessQuery customers = AccessQuery.over(dataSource, "crm_customer", SqlMapping.defaults(),
 *     "id, name, owner_id", "id");
 * AccessPredicate p = policy.accessPredicate(user, Action.READ, ObjectType.CUSTOMER);
 * List<String> names = customers.list(p, rs -> rs.getString("name"), 50, 0);
 * }</pre>
 */
public final class AccessQuery {
  private final DataSource dataSource;
  private final String table;
  private final SqlMapping mapping;
  private final String columns;
  private final String orderBy;

  private AccessQuery(DataSource dataSource, String table, SqlMapping mapping, String columns,
      String orderBy) {
    this.dataSource = dataSource;
    this.table = table;
    this.mapping = mapping;
    this.columns = columns;
    this.orderBy = orderBy;
  }

  /**
   * A query over {@code table}.
   *
   * @param table the table (or view), e.g. {@code crm_customer} or {@code app.customer}
   * @param mapping its permission columns
   * @param columns the selected columns, comma-separated identifiers, e.g. {@code id, name}
   * @param orderBy the ordering column (list results are in this order, ascending)
   * @throws JdbcStoreException if a name is not a plain SQL identifier
   */
  public static AccessQuery over(DataSource dataSource, String table, SqlMapping mapping,
      String columns, String orderBy) {
    Tx.identifier("table", table);
    for (String column : columns.split(",", -1)) {
      Tx.identifier("column", column.strip());
    }
    Tx.identifier("orderBy", orderBy);
    return new AccessQuery(dataSource, table, mapping, columns, orderBy);
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    /** The value of the current row. */
    T map(ResultSet row) throws SQLException;
  }

  /** The predicate as the {@code WHERE} fragment this query uses, with its parameters. */
  public SqlFragment where(AccessPredicate predicate) {
    return predicate.toSql(mapping);
  }

  /**
   * The rows the predicate allows, in {@code orderBy} order, at most {@code limit} from {@code
   * offset}.
   *
   * @throws JdbcStoreException if the database fails or {@code limit < 0} or {@code offset < 0}
   */
  public <T> List<T> list(AccessPredicate predicate, RowMapper<T> mapper, int limit, int offset) {
    if (limit < 0 || offset < 0) {
      throw new JdbcStoreException("limit and offset must be >= 0, but were " + limit + " and " + offset);
    }
    SqlFragment where = where(predicate);
    String sql = "SELECT " + columns + " FROM " + table + " WHERE (" + where.sql() + ") ORDER BY "
        + orderBy + " LIMIT " + limit + " OFFSET " + offset;
    return Tx.run(dataSource, "list " + table, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, where);
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(mapper.map(rs));
          }
        }
        return List.copyOf(out);
      }
    });
  }

  /**
   * The number of rows the predicate allows.
   *
   * @throws JdbcStoreException if the database fails
   */
  public long count(AccessPredicate predicate) {
    SqlFragment where = where(predicate);
    return Tx.run(dataSource, "count " + table, c -> {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE (" + where.sql() + ")")) {
        bind(ps, where);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  private static void bind(PreparedStatement ps, SqlFragment where) throws SQLException {
    List<Object> params = where.parameters();
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
  }
}

package org.crmkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crmkit's schema as versioned SQL migrations, and a small applier for applications without
 * Flyway. The scripts live on the class path under {@code META-INF/crmkit/db/h2} and {@code
 * META-INF/crmkit/db/postgresql} with Flyway's names ({@code V1__crmkit_schema.sql}); a Flyway
 * user adds {@code classpath:META-INF/crmkit/db/{vendor}} to its locations instead of calling
 * {@link #migrate}.
 *
 * <p>{@link #migrate} records what it applied in its own table {@code crmkit_schema_history}
 * (version, script, applied_at), so it never collides with Flyway's history; each script runs in
 * one transaction. It takes no lock: run it from one process at start-up; where several
 * instances start at once, let Flyway (which locks its history table) apply the scripts.
 *
 * <pre>{@code
 * Migrations.migrate(dataSource);   // creates the crmkit_* tables, or brings them up to date
 * }</pre>
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** The scripts, oldest first; their version is the number after the {@code V}. */
  static final List<String> SCRIPTS = List.of("V1__crmkit_schema.sql");

  private Migrations() {}

  /** The databases the scripts are written for. */
  public enum Dialect {
    /** H2 2.x. */
    H2("h2"),
    /** PostgreSQL 12 and later. */
    POSTGRESQL("postgresql");

    private final String vendor;

    Dialect(String vendor) {
      this.vendor = vendor;
    }

    /** The class-path folder of this dialect's scripts, e.g. {@code META-INF/crmkit/db/h2}. */
    public String location() {
      return "META-INF/crmkit/db/" + vendor;
    }

    /**
     * The dialect of a connected database.
     *
     * @throws JdbcStoreException if the database is neither H2 nor PostgreSQL
     */
    public static Dialect of(Connection c) throws SQLException {
      DatabaseMetaData meta = c.getMetaData();
      String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("h2")) {
        return H2;
      }
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      throw new JdbcStoreException("crmkit's migrations support H2 and PostgreSQL, but the"
          + " database is '" + meta.getDatabaseProductName() + "'");
    }
  }

  /**
   * Applies the scripts not applied yet to the database, in version order.
   *
   * @return the names of the scripts applied now (empty if the schema was up to date)
   * @throws JdbcStoreException if the database is not supported or a script fails; on
   *     PostgreSQL (transactional DDL) a failed script leaves nothing of itself behind, on H2
   *     (whose DDL commits at once) the tables it created before the failure remain
   */
  public static List<String> migrate(DataSource dataSource) {
    return Tx.run(dataSource, "crmkit schema migration", c -> {
      Dialect dialect = Dialect.of(c);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS crmkit_schema_history (version INTEGER NOT NULL"
            + " PRIMARY KEY, script VARCHAR(256) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE"
            + " NOT NULL)");
      }
      c.commit();
      List<String> applied = new ArrayList<>();
      for (String script : SCRIPTS) {
        int version = version(script);
        if (isApplied(c, version)) {
          continue;
        }
        try (Statement s = c.createStatement()) {
          for (String sql : statements(read(dialect.location() + "/" + script))) {
            s.execute(sql);
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO crmkit_schema_history (version, script, applied_at) VALUES (?,?,?)")) {
          ps.setInt(1, version);
          ps.setString(2, script);
          ps.setTimestamp(3, Timestamp.from(Instant.now()));
          ps.executeUpdate();
        }
        c.commit();
        applied.add(script);
        LOG.info("crmkit schema: applied {} ({})", script, dialect);
      }
      return List.copyOf(applied);
    });
  }

  /**
   * The scripts already applied by {@link #migrate}, in version order (empty if none).
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  public static List<String> applied(DataSource dataSource) {
    return Tx.run(dataSource, "read crmkit schema history", c -> {
      List<String> out = new ArrayList<>();
      try (ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        boolean present = false;
        while (tables.next()) {
          present |= "crmkit_schema_history".equalsIgnoreCase(tables.getString("TABLE_NAME"));
        }
        if (!present) {
          return List.<String>of();
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT script FROM crmkit_schema_history ORDER BY version")) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return List.copyOf(out);
    });
  }

  private static boolean isApplied(Connection c, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM crmkit_schema_history WHERE version = ?")) {
      ps.setInt(1, version);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }

  static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new JdbcStoreException("missing migration script on the class path: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new JdbcStoreException("cannot read migration script " + resource + ": " + e.getMessage());
    }
  }

  /** The statements of a script: split at semicolons ending a line; comment lines dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return List.copyOf(out);
  }
}

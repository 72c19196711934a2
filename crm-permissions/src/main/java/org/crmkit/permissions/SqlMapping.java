package org.crmkit.permissions;

import java.util.Map;
import java.util.regex.Pattern;
import org.crmkit.core.CrmException;
import org.immutables.value.Value;

/**
 * How {@link AccessPredicate#toSql} names the columns of the host's record table and its
 * record-team membership table. Every name must be a plain SQL identifier, optionally qualified
 * ({@code r.owner_id}); names are never taken from data. Immutable; build with {@link #builder()}
 * (every field has a default).
 */
@Value.Immutable
public abstract class SqlMapping {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** The record id column; default {@code id}. */
  @Value.Default
  public String id() {
    return "id";
  }

  /** The owner column; default {@code owner_id}. */
  @Value.Default
  public String owner() {
    return "owner_id";
  }

  /** The org unit column; default {@code org_unit_id}. */
  @Value.Default
  public String orgUnit() {
    return "org_unit_id";
  }

  /** The territory column (nullable in the table); default {@code territory_id}. */
  @Value.Default
  public String territory() {
    return "territory_id";
  }

  /** The owning team column (nullable in the table); default {@code team_id}. */
  @Value.Default
  public String team() {
    return "team_id";
  }

  /** Attribute name to column; an attribute not listed maps to a column of the same name. */
  public abstract Map<String, String> attributes();

  /** The record-team membership table; default {@code record_team_member}. */
  @Value.Default
  public String membersTable() {
    return "record_team_member";
  }

  /** Its record id column; default {@code record_id}. */
  @Value.Default
  public String membersRecord() {
    return "record_id";
  }

  /** Its user id column; default {@code user_id}. */
  @Value.Default
  public String membersUser() {
    return "user_id";
  }

  /** The column for an attribute. */
  String attributeColumn(String attribute) {
    return identifier("attribute '" + attribute + "'", attributes().getOrDefault(attribute, attribute));
  }

  @Value.Check
  void check() {
    identifier("id", id());
    identifier("owner", owner());
    identifier("orgUnit", orgUnit());
    identifier("territory", territory());
    identifier("team", team());
    identifier("membersTable", membersTable());
    identifier("membersRecord", membersRecord());
    identifier("membersUser", membersUser());
    attributes().forEach((k, v) -> identifier("attributes." + k, v));
  }

  static String identifier(String what, String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new CrmException("SqlMapping." + what + " must be an SQL identifier such as owner_id or"
          + " r.owner_id, but was '" + name + "'");
    }
    return name;
  }

  /** The default mapping. */
  public static SqlMapping defaults() {
    return builder().build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SqlMapping} values. */
  public static final class Builder extends ImmutableSqlMapping.Builder {}
}

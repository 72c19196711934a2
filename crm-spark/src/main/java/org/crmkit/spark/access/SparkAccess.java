package org.crmkit.spark.access;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;

/**
 * Record-level access filters on Apache Spark, built from crmkit's {@link AccessPredicate}s: each
 * predicate becomes a Spark {@link Column} by walking its structure (never through SQL text, so no
 * parameter binding is involved), two-valued (a missing territory, team or attribute makes its
 * test false, never null), and record-team membership ({@link AccessPredicate.MemberIs}) becomes
 * a join with the distinct records of that user in the membership table. {@link #filter} keeps
 * exactly the records {@link AccessPolicy#filter} keeps.
 *
 * <p>Records are rows with the columns named by the builder (defaults: {@code id}, {@code type},
 * {@code owner_id}, {@code org_unit_id}, {@code territory_id}, {@code team_id}; an attribute
 * {@code a} is read from the column mapped to it, else from the column {@code a}); the
 * membership table has one row per (record, user) (defaults {@code record_id}, {@code user_id}).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * SparkAccess access = SparkAccess.builder().attribute("tier", "tier_code").build();
 * Dataset<Row> visible = access.filter(policy, alice, Action.READ, records, members);
 * }</pre>
 */
public final class SparkAccess {
  private final String id;
  private final String type;
  private final String owner;
  private final String orgUnit;
  private final String territory;
  private final String team;
  private final Map<String, String> attributes;
  private final String membersRecord;
  private final String membersUser;

  private SparkAccess(Builder b) {
    this.id = b.id;
    this.type = b.type;
    this.owner = b.owner;
    this.orgUnit = b.orgUnit;
    this.territory = b.territory;
    this.team = b.team;
    this.attributes = Map.copyOf(b.attributes);
    this.membersRecord = b.membersRecord;
    this.membersUser = b.membersUser;
  }

  /** A builder with the default column names. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The records of every type that {@code user} may perform {@code action} on, with their
   * columns unchanged: for each distinct record type (collected with one small job) the policy's
   * {@link AccessPolicy#accessPredicate} is translated to a column; record-team tests join the
   * membership table.
   *
   * @param members the record-team membership: one row per (record id, user id)
   * @throws CrmException if an argument is null or a needed column is missing
   */
  public Dataset<Row> filter(AccessPolicy policy, User user, Action action, Dataset<Row> records,
      Dataset<Row> members) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(action, "action");
    List<String> types = new ArrayList<>();
    for (Row r : records.select(col(type)).distinct().collectAsList()) {
      types.add(r.getString(0));
    }
    Map<String, AccessPredicate> byType = new LinkedHashMap<>();
    for (String t : types) {
      byType.put(t, policy.accessPredicate(user, action, ObjectType.of(t)));
    }
    return filter(byType, records, members);
  }

  /**
   * The records satisfying, for their type, the given predicate (a type without a predicate is
   * filtered out); record-team tests join {@code members}.
   */
  public Dataset<Row> filter(Map<String, AccessPredicate> predicateByType, Dataset<Row> records,
      Dataset<Row> members) {
    Set<UserId> memberUsers = new LinkedHashSet<>();
    predicateByType.values().forEach(p -> collectMembers(p, memberUsers));
    Map<UserId, String> flags = new HashMap<>();
    Dataset<Row> joined = records;
    int k = 0;
    for (UserId u : memberUsers) {
      String flag = "__crmkit_member_" + k++;
      flags.put(u, flag);
      Dataset<Row> ids = members.where(col(membersUser).equalTo(lit(u.value())))
          .select(col(membersRecord).as(flag + "_id")).distinct()
          .withColumn(flag, lit(true));
      joined = joined.join(ids, joined.col(id).equalTo(ids.col(flag + "_id")), "left_outer")
          .drop(flag + "_id");
    }
    Column keep = lit(false);
    for (Map.Entry<String, AccessPredicate> e : predicateByType.entrySet()) {
      keep = keep.or(col(type).equalTo(lit(e.getKey())).and(column(e.getValue(), flags)));
    }
    Dataset<Row> out = joined.where(keep);
    for (String flag : flags.values()) {
      out = out.drop(flag);
    }
    return out;
  }

  /**
   * The predicate as a two-valued column over the record columns.
   *
   * @throws CrmException if the predicate tests record-team membership (use {@link #filter})
   */
  public Column column(AccessPredicate predicate) {
    return column(predicate, Map.of());
  }

  private static void collectMembers(AccessPredicate p, Set<UserId> out) {
    if (p instanceof AccessPredicate.MemberIs m) {
      out.add(m.user());
    } else if (p instanceof AccessPredicate.And a) {
      a.parts().forEach(x -> collectMembers(x, out));
    } else if (p instanceof AccessPredicate.Or o) {
      o.parts().forEach(x -> collectMembers(x, out));
    } else if (p instanceof AccessPredicate.Not n) {
      collectMembers(n.part(), out);
    }
  }

  private Column column(AccessPredicate p, Map<UserId, String> flags) {
    if (p instanceof AccessPredicate.Constant c) {
      return lit(c.value());
    } else if (p instanceof AccessPredicate.OwnerIn o) {
      return in(col(owner), o.owners().stream().map(UserId::value).toList());
    } else if (p instanceof AccessPredicate.OrgUnitIn o) {
      return in(col(orgUnit), o.units().stream().map(x -> x.value()).toList());
    } else if (p instanceof AccessPredicate.TerritoryIn t) {
      return in(col(territory), t.territories().stream().map(x -> x.value()).toList());
    } else if (p instanceof AccessPredicate.TeamIn t) {
      return in(col(team), t.teams().stream().map(x -> x.value()).toList());
    } else if (p instanceof AccessPredicate.IdIn i) {
      return in(col(id), List.copyOf(i.ids()));
    } else if (p instanceof AccessPredicate.AttributeIn a) {
      String attribute = a.condition().attribute();
      return in(col(attributes.getOrDefault(attribute, attribute)),
          List.copyOf(a.condition().values()));
    } else if (p instanceof AccessPredicate.MemberIs m) {
      String flag = flags.get(m.user());
      if (flag == null) {
        throw new CrmException("the predicate tests the record team of '" + m.user()
            + "'; filter with a membership table");
      }
      return coalesce(col(flag), lit(false));
    } else if (p instanceof AccessPredicate.And a) {
      Column c = lit(true);
      for (AccessPredicate part : a.parts()) {
        c = c.and(column(part, flags));
      }
      return c;
    } else if (p instanceof AccessPredicate.Or o) {
      Column c = lit(false);
      for (AccessPredicate part : o.parts()) {
        c = c.or(column(part, flags));
      }
      return c;
    } else if (p instanceof AccessPredicate.Not n) {
      return functions_not(column(n.part(), flags));
    }
    throw new CrmException("unknown access predicate " + p.getClass().getName());
  }

  private static Column functions_not(Column c) {
    return org.apache.spark.sql.functions.not(c);
  }

  /** value IN (...), false (not null) when the value is null or the list is empty. */
  private static Column in(Column value, List<String> values) {
    if (values.isEmpty()) {
      return lit(false);
    }
    return coalesce(value.isin(values.toArray()), lit(false));
  }

  /** Builds {@link SparkAccess}; not thread-safe. */
  public static final class Builder {
    private String id = "id";
    private String type = "type";
    private String owner = "owner_id";
    private String orgUnit = "org_unit_id";
    private String territory = "territory_id";
    private String team = "team_id";
    private final Map<String, String> attributes = new HashMap<>();
    private String membersRecord = "record_id";
    private String membersUser = "user_id";

    private Builder() {}

    /** The record columns: id, type, owner, org unit, territory (nullable), team (nullable). */
    public Builder columns(String id, String type, String owner, String orgUnit,
        String territory, String team) {
      this.id = Objects.requireNonNull(id, "id");
      this.type = Objects.requireNonNull(type, "type");
      this.owner = Objects.requireNonNull(owner, "owner");
      this.orgUnit = Objects.requireNonNull(orgUnit, "orgUnit");
      this.territory = Objects.requireNonNull(territory, "territory");
      this.team = Objects.requireNonNull(team, "team");
      return this;
    }

    /** The column holding attribute {@code name} (default: the column named {@code name}). */
    public Builder attribute(String name, String column) {
      attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(column, "column"));
      return this;
    }

    /** The membership table's record id and user id columns. */
    public Builder members(String record, String user) {
      this.membersRecord = Objects.requireNonNull(record, "record");
      this.membersUser = Objects.requireNonNull(user, "user");
      return this;
    }

    /** The configured instance. */
    public SparkAccess build() {
      return new SparkAccess(this);
    }
  }
}

package org.crmkit.permissions;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Renders {@link AccessPredicate}s as SQL. Package-private. */
final class Sql {
  private Sql() {}

  static void render(AccessPredicate p, SqlMapping m, StringBuilder sql, List<Object> params) {
    if (p instanceof AccessPredicate.Constant c) {
      sql.append(c.value() ? "1=1" : "1=0");
    } else if (p instanceof AccessPredicate.OwnerIn o) {
      in(sql, params, m.owner(), strings(o.owners()), false);
    } else if (p instanceof AccessPredicate.OrgUnitIn o) {
      in(sql, params, m.orgUnit(), strings(o.units()), false);
    } else if (p instanceof AccessPredicate.TerritoryIn o) {
      in(sql, params, m.territory(), strings(o.territories()), true);
    } else if (p instanceof AccessPredicate.TeamIn o) {
      in(sql, params, m.team(), strings(o.teams()), true);
    } else if (p instanceof AccessPredicate.IdIn o) {
      in(sql, params, m.id(), strings(o.ids()), false);
    } else if (p instanceof AccessPredicate.AttributeIn a) {
      in(sql, params, m.attributeColumn(a.condition().attribute()),
          strings(a.condition().values()), true);
    } else if (p instanceof AccessPredicate.MemberIs mi) {
      sql.append("EXISTS (SELECT 1 FROM ").append(m.membersTable()).append(" crmkit_m WHERE crmkit_m.")
          .append(m.membersRecord()).append(" = ").append(m.id()).append(" AND crmkit_m.")
          .append(m.membersUser()).append(" = ?)");
      params.add(mi.user().value());
    } else if (p instanceof AccessPredicate.Not n) {
      sql.append("NOT (");
      render(n.part(), m, sql, params);
      sql.append(')');
    } else if (p instanceof AccessPredicate.And a) {
      join(a.parts(), " AND ", m, sql, params);
    } else if (p instanceof AccessPredicate.Or o) {
      join(o.parts(), " OR ", m, sql, params);
    } else {
      throw new IllegalStateException("unknown predicate " + p);
    }
  }

  private static void join(List<AccessPredicate> parts, String op, SqlMapping m,
      StringBuilder sql, List<Object> params) {
    sql.append('(');
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sql.append(op);
      }
      render(parts.get(i), m, sql, params);
    }
    sql.append(')');
  }

  private static void in(StringBuilder sql, List<Object> params, String column,
      Set<String> values, boolean nullable) {
    if (values.isEmpty()) {
      sql.append("1=0");
      return;
    }
    if (nullable) {
      sql.append('(').append(column).append(" IS NOT NULL AND ");
    }
    sql.append(column).append(" IN (");
    boolean first = true;
    for (String v : values) {
      sql.append(first ? "?" : ", ?");
      params.add(v);
      first = false;
    }
    sql.append(')');
    if (nullable) {
      sql.append(')');
    }
  }

  private static Set<String> strings(Set<?> values) {
    Set<String> out = new TreeSet<>();
    values.forEach(v -> out.add(v.toString()));
    return out;
  }
}

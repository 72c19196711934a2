package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL rendering of the access predicate selects exactly the records {@code check} allows, in
 * a real database (H2 embedded), over random worlds; and a worked example of the rendering.
 */
class AccessPredicateSqlTest {
  static Connection db;

  @BeforeAll
  static void open() throws SQLException {
    db = DriverManager.getConnection("jdbc:h2:mem:perm;DB_CLOSE_DELAY=-1");
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE rec (rid VARCHAR(20) PRIMARY KEY, otype VARCHAR(20) NOT NULL,"
          + " owner_id VARCHAR(20) NOT NULL, org_unit_id VARCHAR(20) NOT NULL,"
          + " territory_id VARCHAR(20), team_id VARCHAR(20), industry VARCHAR(20),"
          + " tier_code VARCHAR(20))");
      s.execute("CREATE TABLE record_team_member (record_id VARCHAR(20), user_id VARCHAR(20))");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    db.close();
  }

  static final SqlMapping MAPPING = SqlMapping.builder().id("rec.rid")
      .putAttributes("tier", "tier_code").build();

  @Test
  void theSqlPredicateSelectsExactlyTheAllowedRecords() {
    qt().withExamples(400).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      AccessPolicy policy = w.policy();
      try {
        load(w.records);
        for (User u : w.subjects()) {
          for (Action a : List.of(Action.READ, Action.UPDATE, Action.SHARE)) {
            for (ObjectType t : List.of(ObjectType.CUSTOMER, ObjectType.LEAD, ObjectType.CASE)) {
              SqlFragment f = policy.accessPredicate(u, a, t).toSql(MAPPING);
              Set<String> selected = select(t, f);
              Set<String> allowed = new HashSet<>();
              for (AccessRecord r : policy.filter(u, a, w.records)) {
                if (r.type().equals(t)) {
                  allowed.add(r.id());
                }
              }
              assertThat(selected).as("seed %s: %s %s %s: %s", seed, u.id(), a, t, f)
                  .isEqualTo(allowed);
            }
          }
        }
      } catch (SQLException e) {
        throw new AssertionError("seed " + seed, e);
      }
    });
  }

  @Test
  void rendersAParameterisedFragment() {
    AccessPredicate p = AccessPredicate.and(List.of(
        AccessPredicate.or(List.of(new AccessPredicate.OwnerIn(Set.of(UserId.of("bob"))),
            new AccessPredicate.AttributeIn(Condition.in("tier", "a")))),
        AccessPredicate.not(new AccessPredicate.IdIn(Set.of("r9")))));
    SqlFragment f = p.toSql(MAPPING);
    assertThat(f.sql()).isEqualTo("((owner_id IN (?) OR (tier_code IS NOT NULL AND tier_code IN"
        + " (?))) AND NOT (rec.rid IN (?)))");
    assertThat(f.parameters()).containsExactly("bob", "a", "r9");
    assertThat(AccessPredicate.TRUE.toSql(MAPPING).sql()).isEqualTo("1=1");
  }

  private static void load(List<AccessRecord> records) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("DELETE FROM rec");
      s.execute("DELETE FROM record_team_member");
    }
    try (PreparedStatement ins = db.prepareStatement("INSERT INTO rec VALUES (?,?,?,?,?,?,?,?)");
        PreparedStatement mem = db.prepareStatement("INSERT INTO record_team_member VALUES (?,?)")) {
      for (AccessRecord r : records) {
        ins.setString(1, r.id());
        ins.setString(2, r.type().name());
        ins.setString(3, r.owner().value());
        ins.setString(4, r.orgUnit().value());
        ins.setString(5, r.territory().map(Object::toString).orElse(null));
        ins.setString(6, r.team().map(Object::toString).orElse(null));
        ins.setString(7, r.attributes().get("industry"));
        ins.setString(8, r.attributes().get("tier"));
        ins.executeUpdate();
        for (UserId m : r.members()) {
          mem.setString(1, r.id());
          mem.setString(2, m.value());
          mem.executeUpdate();
        }
      }
    }
  }

  private static Set<String> select(ObjectType t, SqlFragment f) throws SQLException {
    Set<String> out = new HashSet<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT rec.rid FROM rec WHERE otype = ? AND " + f.sql())) {
      q.setString(1, t.name());
      for (int i = 0; i < f.parameters().size(); i++) {
        q.setObject(i + 2, f.parameters().get(i));
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}

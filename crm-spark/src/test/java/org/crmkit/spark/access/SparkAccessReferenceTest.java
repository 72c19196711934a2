package org.crmkit.spark.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.crmkit.core.CrmException;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.World;
import org.crmkit.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/**
 * Differential test: {@link SparkAccess#filter} on a Spark table keeps exactly the records that
 * {@link AccessPolicy#filter} keeps, over random organisations, policies and records (the
 * generator of crm-permissions' own reference tests).
 */
class SparkAccessReferenceTest {
  static final StructType RECORDS = new StructType()
      .add("id", DataTypes.StringType, false).add("type", DataTypes.StringType, false)
      .add("owner_id", DataTypes.StringType, false).add("org_unit_id", DataTypes.StringType, false)
      .add("territory_id", DataTypes.StringType).add("team_id", DataTypes.StringType)
      .add("industry", DataTypes.StringType).add("tier_code", DataTypes.StringType);
  static final StructType MEMBERS = new StructType()
      .add("record_id", DataTypes.StringType, false).add("user_id", DataTypes.StringType, false);

  static Dataset<Row> records(SparkSession spark, List<AccessRecord> records) {
    List<Row> rows = new ArrayList<>();
    for (AccessRecord r : records) {
      rows.add(RowFactory.create(r.id(), r.type().name(), r.owner().value(), r.orgUnit().value(),
          r.territory().map(t -> t.value()).orElse(null), r.team().map(t -> t.value()).orElse(null),
          r.attributes().get("industry"), r.attributes().get("tier")));
    }
    return spark.createDataFrame(rows, RECORDS);
  }

  static Dataset<Row> members(SparkSession spark, List<AccessRecord> records) {
    List<Row> rows = new ArrayList<>();
    for (AccessRecord r : records) {
      for (UserId u : r.members()) {
        rows.add(RowFactory.create(r.id(), u.value()));
        rows.add(RowFactory.create(r.id(), u.value()));   // duplicates must not duplicate records
      }
    }
    return spark.createDataFrame(rows, MEMBERS);
  }

  @Test
  void filterEqualsAccessPolicyFilterOnRandomWorlds() {
    SparkSession spark = SparkTestSession.get();
    SparkAccess access = SparkAccess.builder().attribute("tier", "tier_code").build();
    int compared = 0;
    int memberPredicates = 0;
    for (long seed = 0; seed < 12; seed++) {
      World w = World.random(seed);
      AccessPolicy policy = w.policy();
      Dataset<Row> records = records(spark, w.records).cache();
      Dataset<Row> members = members(spark, w.records).cache();
      Set<String> types = new TreeSet<>();
      w.records.forEach(r -> types.add(r.type().name()));
      for (User u : w.users.subList(0, Math.min(4, w.users.size()))) {
        for (Action a : List.of(Action.READ, Action.UPDATE)) {
          Map<String, AccessPredicate> byType = new LinkedHashMap<>();
          for (String t : types) {
            byType.put(t, policy.accessPredicate(u, a, ObjectType.of(t)));
            memberPredicates += byType.get(t).toString().contains("record team") ? 1 : 0;
          }
          List<String> expected = policy.filter(u, a, w.records).stream()
              .map(AccessRecord::id).sorted().toList();
          List<String> actual = access.filter(byType, records, members).select("id")
              .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
          assertThat(actual).as("seed %s, user %s, %s", seed, u.id(), a).isEqualTo(expected);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(50);
    assertThat(memberPredicates).as("record-team predicates exercised").isPositive();
  }

  @Test
  void filterByPolicyCollectsTheTypes() {
    SparkSession spark = SparkTestSession.get();
    World w = World.random(3);
    AccessPolicy policy = w.policy();
    User u = w.users.get(0);
    List<String> expected = policy.filter(u, Action.READ, w.records).stream()
        .map(AccessRecord::id).sorted().toList();
    List<String> actual = SparkAccess.builder().attribute("tier", "tier_code").build()
        .filter(policy, u, Action.READ, records(spark, w.records), members(spark, w.records))
        .select("id").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void aRecordTeamTestNeedsTheMembershipTable() {
    assertThatThrownBy(() -> SparkAccess.builder().build()
        .column(new AccessPredicate.MemberIs(UserId.of("alice"))))
        .isInstanceOf(CrmException.class).hasMessageContaining("membership table");
  }
}

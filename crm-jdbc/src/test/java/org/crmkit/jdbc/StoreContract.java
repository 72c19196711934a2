package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.Replay;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.SqlMapping;
import org.crmkit.json.ClvModelJson;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.CustomerAggregate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stores' contract, run on each database by a subclass. */
abstract class StoreContract {
  static final Machine LIFECYCLE = CustomerLifecycle.machine();
  static final String M = "customer-lifecycle";
  static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  DataSource ds;
  LifecycleStore lifecycle;

  abstract DataSource dataSource();

  @BeforeEach
  void migrate() {
    ds = dataSource();
    Databases.dropCrmkitTables(ds);
    assertThat(Migrations.migrate(ds)).containsExactly("V1__crmkit_schema.sql");
    lifecycle = new LifecycleStore(ds);
  }

  @AfterEach
  void drop() {
    if (ds != null) {
      Databases.dropCrmkitTables(ds);
    }
  }

  @Test
  void migrationsAreRecordedAndAppliedOnce() {
    assertThat(Migrations.migrate(ds)).isEmpty();
    assertThat(Migrations.applied(ds)).containsExactly("V1__crmkit_schema.sql");
  }

  @Test
  void appliesTransitionsWithAnAuditLogThatReplays() {
    SubjectState s = lifecycle.create(M, new SubjectState("acme", "potential", 0));
    s = lifecycle.apply(M, LIFECYCLE.fire(s, "show-interest", Context.empty(), AT, "bob"));
    s = lifecycle.apply(M, LIFECYCLE.fire(s, "order-paid", Context.of(Map.of("paidOrders", 1)),
        AT.plusSeconds(60), "bob"));
    assertThat(s).isEqualTo(new SubjectState("acme", "closed-deal", 2));
    assertThat(lifecycle.find(M, "acme")).contains(s);
    assertThat(lifecycle.find("other-machine", "acme")).isEmpty();
    List<TransitionRecord> history = lifecycle.history(M, "acme");
    assertThat(history).extracting(TransitionRecord::to).containsExactly("intentional", "closed-deal");
    assertThat(history.get(1).at()).isEqualTo(AT.plusSeconds(60));
    Replay replay = LIFECYCLE.replay(history);
    assertThat(replay.valid()).isTrue();
    assertThat(replay.state()).isEqualTo("closed-deal");
    lifecycle.create("other", new SubjectState("zeta", "potential", 0));
    assertThat(lifecycle.machines()).containsExactly(M, "other");
    assertThat(lifecycle.historyOf(M)).isEqualTo(history);
    assertThat(lifecycle.historyOf("other")).isEmpty();
  }

  @Test
  void aStaleVersionIsATypedConflictAndWritesNothing() {
    SubjectState seen = lifecycle.create(M, new SubjectState("acme", "potential", 0));
    lifecycle.apply(M, LIFECYCLE.fire(seen, "show-interest", Context.empty(), AT, "bob"));
    TransitionRecord stale = LIFECYCLE.fire(seen, "erase", Context.empty(), AT, "eve");
    assertThatThrownBy(() -> lifecycle.apply(M, stale))
        .isInstanceOfSatisfying(VersionConflictException.class, e -> {
          assertThat(e.subject()).isEqualTo("acme");
          assertThat(e.expectedVersion()).isZero();
        })
        .hasMessage("version conflict on subject 'acme': expected version 0, but the stored"
            + " version is 1 in state 'intentional'; nothing was written");
    assertThat(lifecycle.history(M, "acme")).hasSize(1);
    assertThat(lifecycle.find(M, "acme").orElseThrow().state()).isEqualTo("intentional");
    assertThatThrownBy(() -> lifecycle.apply(M, new TransitionRecord("ghost", "potential",
        "intentional", "show-interest", AT, "bob", 1)))
        .isInstanceOf(VersionConflictException.class).hasMessageContaining("not stored");
  }

  @Test
  void creatingASubjectTwiceIsAConflict() {
    lifecycle.create(M, new SubjectState("acme", "potential", 0));
    assertThatThrownBy(() -> lifecycle.createAll(M, List.of(new SubjectState("new", "potential", 0),
        new SubjectState("acme", "potential", 0)))).isInstanceOf(VersionConflictException.class);
    assertThat(lifecycle.find(M, "new")).isEmpty();
  }

  @Test
  void ofNConcurrentWritersPerSubjectExactlyOneWins() throws Exception {
    int subjects = 20;
    int writers = 4;
    lifecycle.createAll(M, IntStream.range(0, subjects)
        .mapToObj(i -> new SubjectState("c" + i, "potential", 0)).toList());
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int i = 0; i < subjects; i++) {
        String id = "c" + i;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> racers = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          String actor = "writer-" + w;
          racers.add(pool.submit(() -> {
            start.await();
            try {
              lifecycle.apply(M, new TransitionRecord(id, "potential", "intentional",
                  "show-interest", AT, actor, 1));
              return actor;
            } catch (VersionConflictException e) {
              return "conflict";
            }
          }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : racers) {
          outcomes.add(f.get());
        }
        assertThat(outcomes.stream().filter("conflict"::equals)).hasSize(writers - 1);
        String winner = outcomes.stream().filter(o -> !o.equals("conflict")).findFirst().orElseThrow();
        // nothing lost: the winner's record is the one stored, and the state matches it
        assertThat(lifecycle.history(M, id)).singleElement()
            .satisfies(r -> assertThat(r.actor()).isEqualTo(winner));
        assertThat(lifecycle.find(M, id)).contains(new SubjectState(id, "intentional", 1));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBatchIsAllOrNothing() {
    lifecycle.createAll(M, List.of(new SubjectState("a", "potential", 0),
        new SubjectState("b", "potential", 0)));
    List<SubjectState> after = lifecycle.applyAll(M, List.of(
        new TransitionRecord("a", "potential", "intentional", "show-interest", AT, "job", 1),
        new TransitionRecord("b", "potential", "intentional", "show-interest", AT, "job", 1)));
    assertThat(after).extracting(SubjectState::version).containsExactly(1L, 1L);
    assertThatThrownBy(() -> lifecycle.applyAll(M, List.of(
        new TransitionRecord("a", "intentional", "closed-deal", "order-paid", AT, "job", 2),
        new TransitionRecord("b", "potential", "intentional", "show-interest", AT, "job", 1))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(lifecycle.find(M, "a")).contains(new SubjectState("a", "intentional", 1));
    assertThat(lifecycle.history(M, "a")).hasSize(1);
    assertThat(lifecycle.deleteAll("other")).isZero();
    assertThat(lifecycle.deleteAll(M)).isEqualTo(2);
    assertThat(lifecycle.find(M, "a")).isEmpty();
    assertThat(lifecycle.history(M, "a")).isEmpty();
  }

  @Test
  void assignmentStateIsComparedAndSet() {
    AssignmentStateStore states = new AssignmentStateStore(ds);
    assertThat(states.load("inbound")).isEmpty();
    AssignmentState s1 = AssignmentState.empty().withOpenItems(UserId.of("bob"), 3);
    assertThat(states.save("inbound", s1, 0)).isEqualTo(1);
    assertThat(states.load("inbound")).contains(new AssignmentStateStore.Stored(s1, 1));
    AssignmentState s2 = s1.withOpenItems(UserId.of("carol"), 1);
    assertThat(states.save("inbound", s2, 1)).isEqualTo(2);
    assertThatThrownBy(() -> states.save("inbound", s1, 1))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> states.save("inbound", s1, 0))
        .isInstanceOf(VersionConflictException.class);
    assertThat(states.load("inbound").orElseThrow().state()).isEqualTo(s2);
  }

  @Test
  void ofConcurrentAssignmentStateWritersExactlyOneWins() throws Exception {
    AssignmentStateStore states = new AssignmentStateStore(ds);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (long version = 0; version < 10; version++) {
        long expected = version;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> racers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          AssignmentState mine = AssignmentState.empty().withOpenItems(UserId.of("w" + w), (int) version);
          racers.add(pool.submit(() -> {
            start.await();
            try {
              states.save("inbound", mine, expected);
              return true;
            } catch (VersionConflictException e) {
              return false;
            }
          }));
        }
        start.countDown();
        int won = 0;
        for (Future<Boolean> f : racers) {
          won += f.get() ? 1 : 0;
        }
        assertThat(won).as("version %s", expected).isEqualTo(1);
        assertThat(states.load("inbound").orElseThrow().version()).isEqualTo(expected + 1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void modelsAreKeptInRevisions() {
    ModelStore models = new ModelStore(ds);
    RfmModel first = rfmModel(LocalDate.parse("2026-11-30"));
    RfmModel second = rfmModel(LocalDate.parse("2026-12-01"));
    assertThat(models.rfm("nightly")).isEmpty();
    assertThat(models.saveRfm("nightly", first)).isEqualTo(1);
    assertThat(models.saveRfm("nightly", second)).isEqualTo(2);
    assertThat(models.rfm("nightly")).contains(second);
    assertThat(models.rfm("nightly", 1)).contains(first);
    assertThat(models.rfm("nightly", 3)).isEmpty();
    assertThat(models.clv("nightly")).isEmpty();
    // a lifetime-value model (the crmkit.clv-model/1 example document) under the same name
    ClvModel clv = ClvModelJson.DOCUMENT.read(resource("/models/clv-model.json"));
    assertThat(models.saveClv("nightly", clv)).isEqualTo(1);
    assertThat(models.clv("nightly")).hasValueSatisfying(
        m -> assertThat(ClvModelJson.DOCUMENT.write(m)).isEqualTo(ClvModelJson.DOCUMENT.write(clv)));
    assertThat(models.rfm("nightly")).contains(second);
  }

  static String resource(String name) {
    try (var in = StoreContract.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void scoresAreStoredInBatchesAndReadBack() {
    ScoreStore scores = new ScoreStore(ds);
    List<RfmScore> run = IntStream.range(0, 12_345).mapToObj(i -> new RfmScore(
        CustomerId.of(String.format("c%05d", i)), i % 400, 1 + i % 7, i * 1.25, 1 + i % 5,
        1 + (i / 5) % 5, 1 + (i / 25) % 5)).toList();
    assertThat(scores.saveRfm("2026-12-01", run)).isEqualTo(run.size());
    assertThat(scores.rfm("2026-12-01", CustomerId.of("c00042"))).contains(run.get(42));
    assertThat(scores.rfmRun("2026-12-01")).isEqualTo(run);
    // a duplicate in a run rolls the whole call back
    assertThatThrownBy(() -> scores.saveRfm("2026-12-02", List.of(run.get(0), run.get(0))))
        .isInstanceOf(JdbcStoreException.class);
    assertThat(scores.rfmRun("2026-12-02")).isEmpty();
    assertThat(scores.deleteRun("2026-12-01")).isEqualTo(run.size());
  }

  @Test
  void listQueriesApplyTheAccessPredicateAsParameters() throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE crm_customer (id VARCHAR(64) PRIMARY KEY, name VARCHAR(64),"
          + " owner_id VARCHAR(64), org_unit_id VARCHAR(64), territory_id VARCHAR(64),"
          + " team_id VARCHAR(64))");
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO crm_customer (id, name, owner_id, org_unit_id) VALUES (?,?,?,?)")) {
        String[][] rows = {{"a", "Acme", "bob", "emea"}, {"b", "Beta", "carol", "emea"},
            {"c", "Gamma'); DROP TABLE crm_customer; --", "bob", "apac"}, {"d", "Delta", "dave", "apac"}};
        for (String[] r : rows) {
          for (int i = 0; i < 4; i++) {
            ps.setString(i + 1, r[i]);
          }
          ps.executeUpdate();
        }
      }
    }
    AccessQuery q = AccessQuery.over(ds, "crm_customer", SqlMapping.defaults(), "id, name", "id");
    AccessPredicate bobs = new AccessPredicate.OwnerIn(Set.of(UserId.of("bob")));
    assertThat(q.list(bobs, rs -> rs.getString("id"), 10, 0)).containsExactly("a", "c");
    assertThat(q.count(bobs)).isEqualTo(2);
    AccessPredicate emeaOrDave = new AccessPredicate.Or(List.of(
        new AccessPredicate.OrgUnitIn(Set.of(OrgUnitId.of("emea"))),
        new AccessPredicate.OwnerIn(Set.of(UserId.of("dave")))));
    assertThat(q.list(emeaOrDave, rs -> rs.getString(1), 2, 1)).containsExactly("b", "d");
    assertThat(q.list(AccessPredicate.FALSE, rs -> rs.getString(1), 10, 0)).isEmpty();
    assertThat(q.count(AccessPredicate.TRUE)).isEqualTo(4);
    // values are bound, never spliced into the SQL
    AccessPredicate hostile = new AccessPredicate.OwnerIn(Set.of(UserId.of("x' OR '1'='1")));
    assertThat(q.where(hostile).sql()).doesNotContain("x'");
    assertThat(q.count(hostile)).isZero();
    assertThatThrownBy(() -> AccessQuery.over(ds, "crm_customer; DROP", SqlMapping.defaults(), "id", "id"))
        .isInstanceOf(JdbcStoreException.class).hasMessageContaining("SQL identifier");
  }

  static RfmModel rfmModel(LocalDate asOf) {
    List<CustomerAggregate> data = IntStream.range(0, 50).mapToObj(i -> new CustomerAggregate(
        CustomerId.of("c" + i), asOf.minusDays(i * 3L), 1 + i % 6, 1, 10.0 * (i + 1)))
        .collect(Collectors.toList());
    return RfmScorer.builder().tiles(5).build().scoreAggregates(data, asOf).model();
  }
}

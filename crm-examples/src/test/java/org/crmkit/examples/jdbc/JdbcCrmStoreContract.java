package org.crmkit.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.Replay;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter's behaviour, run against each database by a subclass. */
abstract class JdbcCrmStoreContract {
  private static final Machine LIFECYCLE = CustomerLifecycle.machine();
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  JdbcCrmStore store;

  abstract JdbcCrmStore.ConnectionSource connections();

  @BeforeEach
  void createSchema() {
    store = new JdbcCrmStore(connections());
    store.dropSchema();
    store.createSchema();
  }

  @AfterEach
  void dropSchema() {
    if (store != null) {
      store.dropSchema();
    }
  }

  static Customer customer(String id, String owner, String stage) {
    return Customer.builder().id(CustomerId.of(id)).name("Customer " + id)
        .owner(UserId.of(owner)).territory(TerritoryId.of("berlin")).lifecycleStage(stage)
        .putAttributes("needs", "custom").build();
  }

  @Test
  void storesAndReadsCustomersBack() {
    Customer acme = customer("acme", "bob", "potential");
    store.insertCustomers(List.of(acme, customer("beta", "carol", "potential")));
    assertThat(store.countCustomers()).isEqualTo(2);
    assertThat(store.findCustomer(CustomerId.of("acme")))
        .hasValueSatisfying(s -> {
          assertThat(s.customer()).isEqualTo(acme);
          assertThat(s.version()).isZero();
        });
    assertThat(store.findCustomer(CustomerId.of("nobody"))).isEmpty();
  }

  @Test
  void duplicateInsertFailsAndInsertsNothing() {
    store.insertCustomers(List.of(customer("acme", "bob", "potential")));
    assertThatThrownBy(() -> store.insertCustomers(
            List.of(customer("new", "bob", "potential"), customer("acme", "bob", "potential"))))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageStartingWith("insert customers failed");
    assertThat(store.countCustomers()).isEqualTo(1);
  }

  @Test
  void appliesMachineDecisionsWithAnAuditTrailThatReplays() {
    store.insertCustomers(List.of(customer("acme", "bob", "potential")));
    CustomerId acme = CustomerId.of("acme");
    SubjectState s = store.lifecycleState(acme);
    assertThat(s).isEqualTo(new SubjectState("acme", "potential", 0));
    s = store.applyTransition(LIFECYCLE.fire(s, "show-interest", Context.empty(), AT, "bob"));
    s = store.applyTransition(LIFECYCLE.fire(s, "order-paid",
        Context.of(Map.of("paidOrders", 1)), AT.plusSeconds(60), "bob"));
    assertThat(s).isEqualTo(new SubjectState("acme", "closed-deal", 2));
    assertThat(store.lifecycleState(acme)).isEqualTo(s);
    List<TransitionRecord> history = store.history(acme);
    assertThat(history).extracting(TransitionRecord::to).containsExactly("intentional", "closed-deal");
    assertThat(history.get(1).at()).isEqualTo(AT.plusSeconds(60));
    Replay replay = LIFECYCLE.replay(history);
    assertThat(replay.valid()).isTrue();
    assertThat(replay.state()).isEqualTo("closed-deal");
  }

  @Test
  void staleVersionIsAConflictAndWritesNothing() {
    store.insertCustomers(List.of(customer("acme", "bob", "potential")));
    CustomerId acme = CustomerId.of("acme");
    SubjectState seen = store.lifecycleState(acme);
    store.applyTransition(LIFECYCLE.fire(seen, "show-interest", Context.empty(), AT, "bob"));
    TransitionRecord stale = LIFECYCLE.fire(seen, "erase", Context.empty(), AT, "eve");
    assertThatThrownBy(() -> store.applyTransition(stale))
        .isInstanceOf(VersionConflictException.class)
        .hasMessage("version conflict on customer 'acme': expected version 0, but the stored"
            + " version is 1 in stage 'intentional'; nothing was written");
    assertThat(store.history(acme)).hasSize(1);
    assertThat(store.lifecycleState(acme).state()).isEqualTo("intentional");
  }

  @Test
  void ofConcurrentTransitionsExactlyOneWins() throws Exception {
    int subjects = 20;
    List<Customer> customers = new ArrayList<>();
    for (int i = 0; i < subjects; i++) {
      customers.add(customer("c" + i, "bob", "potential"));
    }
    store.insertCustomers(customers);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < subjects; i++) {
        CustomerId id = CustomerId.of("c" + i);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> racers = new ArrayList<>();
        for (String actor : List.of("alice", "bob", "carol")) {
          racers.add(pool.submit(() -> {
            start.await();
            try {
              store.applyTransition(new TransitionRecord(id.value(), "potential", "intentional",
                  "show-interest", AT, actor, 1));
              return "won";
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
        assertThat(outcomes).containsOnlyOnce("won");
        assertThat(outcomes.stream().filter("conflict"::equals)).hasSize(2);
        assertThat(store.history(id)).hasSize(1);
        assertThat(store.findCustomer(id).orElseThrow().version()).isEqualTo(1);
        assertThat(store.history(id).get(0).actor()).isIn("alice", "bob", "carol");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void listQueriesApplyAWhereFragment() {
    store.insertCustomers(List.of(customer("a", "bob", "potential"), customer("b", "carol", "loyal"),
        customer("c", "bob", "loyal")));
    assertThat(store.findCustomerIds("owner_id IN (?)", List.of("bob")))
        .extracting(CustomerId::value).containsExactly("a", "c");
    assertThat(store.findCustomerIds("owner_id = ? AND lifecycle_stage = ?", List.of("bob", "loyal")))
        .extracting(CustomerId::value).containsExactly("c");
  }
}

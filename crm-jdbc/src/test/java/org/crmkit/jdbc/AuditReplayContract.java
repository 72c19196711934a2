package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.Replay;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.junit.jupiter.api.Test;

/**
 * Whatever events concurrent writers fire (accepted, rejected by the machine, or losing a race),
 * the audit log replays to the stored state, and its length is the stored version. Run on each
 * database by a subclass.
 */
abstract class AuditReplayContract {
  abstract DataSource dataSource();

  private static final Machine LIFECYCLE = CustomerLifecycle.machine();
  private static final List<String> EVENTS = LIFECYCLE.events().stream().sorted().toList();
  private static final AtomicInteger SUBJECTS = new AtomicInteger();
  private final AtomicInteger won = new AtomicInteger();
  private final AtomicInteger lostRaces = new AtomicInteger();

  @Test
  void theAuditLogAlwaysReplaysToTheStoredState() {
    DataSource ds = dataSource();
    Databases.dropCrmkitTables(ds);
    Migrations.migrate(ds);
    LifecycleStore store = new LifecycleStore(ds);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      qt().withExamples(40).forAll(
              lists().of(integers().between(0, EVENTS.size() - 1)).ofSizeBetween(1, 30),
              integers().between(1, 3))
          .checkAssert((events, writers) -> {
            String id = "s" + SUBJECTS.incrementAndGet();
            store.create("lc", LIFECYCLE.start(id));
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < events.size(); i++) {
              String event = EVENTS.get(events.get(i));
              Instant when = at.plusSeconds(i);
              // every writer reads, decides and writes; at most one wins per version
              Future<?>[] fs = new Future<?>[writers];
              for (int w = 0; w < writers; w++) {
                String actor = "w" + w;
                fs[w] = pool.submit(() -> {
                  SubjectState s = store.find("lc", id).orElseThrow();
                  TransitionRecord r;
                  try {
                    r = LIFECYCLE.fire(s, event, Context.of(Map.of("paidOrders", 1)), when, actor);
                  } catch (CrmException rejected) {
                    return null;
                  }
                  try {
                    store.apply("lc", r);
                    won.incrementAndGet();
                  } catch (VersionConflictException lost) {
                    lostRaces.incrementAndGet();
                  }
                  return null;
                });
              }
              for (Future<?> f : fs) {
                try {
                  f.get();
                } catch (Exception e) {
                  throw new AssertionError(e);
                }
              }
            }
            SubjectState stored = store.find("lc", id).orElseThrow();
            List<TransitionRecord> history = store.history("lc", id);
            assertThat(history).hasSize((int) stored.version());
            Replay replay = LIFECYCLE.replay(history);
            assertThat(replay.valid()).isTrue();
            assertThat(replay.state()).isEqualTo(stored.state());
            assertThat(replay.version()).isEqualTo(stored.version());
          });
      // the examples exercised both accepted writes and lost races
      assertThat(won.get()).isGreaterThan(40);
      assertThat(lostRaces.get()).isPositive();
    } finally {
      pool.shutdownNow();
      Databases.dropCrmkitTables(ds);
    }
  }
}

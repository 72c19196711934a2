package org.crmkit.example.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * How a JPA application maps crm-jdbc's lifecycle tables (docs/recipes.md, "Map the lifecycle
 * tables with JPA"): the lifecycle version is a plain column changed only by a compare-and-set
 * (crm-jdbc's, or the JPQL one below, with the audit row in the same transaction), never a JPA
 * {@code @Version}; the application's own entities keep their own {@code @Version} column.
 */
class JpaMappingRecipeTest {
  static final Machine MACHINE = CustomerLifecycle.machine();
  static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void jpaAndCrmJdbcShareTheTablesAndTheVersionRisesByOnePerTransition() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:jpa-recipe;DB_CLOSE_DELAY=-1");
    Migrations.migrate(ds);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE app_account (id VARCHAR(64) PRIMARY KEY, name VARCHAR(64),"
          + " row_version BIGINT NOT NULL)");
      s.execute("INSERT INTO app_account VALUES ('acme', 'ACME', 0)");
    }
    LifecycleStore store = new LifecycleStore(ds);
    SubjectState s0 = store.create("customer", new SubjectState("acme", "potential", 0));
    SubjectState s1 = store.apply("customer",
        MACHINE.fire(s0, "show-interest", Context.empty(), AT, "bob"));

    PersistenceConfiguration config = new PersistenceConfiguration("crmkit-recipe")
        .managedClass(LifecycleStateRow.class).managedClass(TransitionRow.class)
        .managedClass(Account.class)
        .property(PersistenceConfiguration.JDBC_URL, "jdbc:h2:mem:jpa-recipe;DB_CLOSE_DELAY=-1")
        .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none");
    try (EntityManagerFactory emf = config.createEntityManagerFactory()) {
      EntityManager em = emf.createEntityManager();
      // reading: the entity sees what crm-jdbc wrote
      LifecycleStateRow row = em.find(LifecycleStateRow.class, new LifecycleStateRow.Key("acme", "customer"));
      assertThat(row.state).isEqualTo("intentional");
      assertThat(row.lifecycleVersion).isEqualTo(1);

      // the application's own optimistic locking: two updates, its row version rises by two
      for (String name : new String[] {"ACME Corp", "ACME Corporation"}) {
        em.getTransaction().begin();
        em.find(Account.class, "acme").name = name;
        em.getTransaction().commit();
      }
      assertThat(em.find(Account.class, "acme").rowVersion).isEqualTo(2);

      // recipe: jpa-transition
      // a transition written through JPA: compare-and-set on the lifecycle version plus the
      // audit row, in one transaction (crm-jdbc's LifecycleStore.apply does the same in SQL)
      SubjectState current = new SubjectState(row.subjectId, row.state, row.lifecycleVersion);
      TransitionRecord r = MACHINE.fire(current, "order-paid",
          Context.of(Map.of("paidOrders", 1)), AT.plusSeconds(60), "bob");
      em.getTransaction().begin();
      int updated = em.createQuery("update LifecycleStateRow s set s.state = :to,"
              + " s.lifecycleVersion = s.lifecycleVersion + 1, s.updatedAt = :at"
              + " where s.subjectId = :id and s.machine = :machine"
              + " and s.lifecycleVersion = :expected and s.state = :from")
          .setParameter("to", r.to()).setParameter("at", r.at().atOffset(ZoneOffset.UTC))
          .setParameter("id", r.subjectId()).setParameter("machine", "customer")
          .setParameter("expected", r.version() - 1).setParameter("from", r.from())
          .executeUpdate();
      if (updated != 1) {
        em.getTransaction().rollback();   // someone else moved it: re-read and decide again
      } else {
        TransitionRow audit = new TransitionRow();
        audit.subjectId = r.subjectId();
        audit.machine = "customer";
        audit.version = r.version();
        audit.fromState = r.from();
        audit.toState = r.to();
        audit.event = r.event();
        audit.occurredAt = r.at().atOffset(ZoneOffset.UTC);
        audit.actor = r.actor();
        em.persist(audit);
        em.getTransaction().commit();
      }
      // recipe: end
      assertThat(updated).isEqualTo(1);

      // a stale decision (on version 1 again) changes nothing
      em.getTransaction().begin();
      int stale = em.createQuery("update LifecycleStateRow s set s.lifecycleVersion ="
              + " s.lifecycleVersion + 1 where s.subjectId = 'acme' and s.lifecycleVersion = 1")
          .executeUpdate();
      em.getTransaction().rollback();
      assertThat(stale).isZero();
      em.close();
    }

    // crm-jdbc sees JPA's transition; the version rose by exactly one per transition, the
    // account's JPA version is untouched by lifecycle changes, and the audit log replays
    assertThat(s1).isEqualTo(new SubjectState("acme", "intentional", 1));
    assertThat(store.find("customer", "acme")).contains(new SubjectState("acme", "closed-deal", 2));
    assertThat(store.history("customer", "acme")).extracting(TransitionRecord::version)
        .containsExactly(1L, 2L);
    assertThat(MACHINE.replay(store.history("customer", "acme")).valid()).isTrue();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT row_version FROM app_account WHERE id = 'acme'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
    }
  }
}

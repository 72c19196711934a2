package org.crmkit.example.spring;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.model.Transaction;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.ScoreStore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.spring.boot.CrmkitDefinitions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The application's sample data, created at start-up if missing: four customers in the
 * application's own table, its record-team membership, their lifecycle subjects in crm-jdbc, and last night's RFM scores.
 */
@Component
class SampleData implements ApplicationRunner {
  static final String SCORING_RUN = "latest";

  private final JdbcClient jdbc;
  private final LifecycleStore lifecycle;
  private final ScoreStore scores;
  private final Machine machine;

  SampleData(JdbcClient jdbc, LifecycleStore lifecycle, ScoreStore scores, CrmkitDefinitions crmkit) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.scores = scores;
    this.machine = crmkit.machine("customer");
  }

  @Override
  public void run(ApplicationArguments args) {
    jdbc.sql("CREATE TABLE IF NOT EXISTS crm_customer (id VARCHAR(64) PRIMARY KEY,"
        + " name VARCHAR(256) NOT NULL, owner_id VARCHAR(64) NOT NULL, org_unit_id VARCHAR(64) NOT NULL,"
        + " territory_id VARCHAR(64), team_id VARCHAR(64), industry VARCHAR(64))").update();
    // record teams (policy.json's "recordTeams"): members may read the record
    jdbc.sql("CREATE TABLE IF NOT EXISTS record_team_member (record_id VARCHAR(64) NOT NULL,"
        + " user_id VARCHAR(64) NOT NULL, PRIMARY KEY (record_id, user_id))").update();
    if (jdbc.sql("SELECT COUNT(*) FROM record_team_member").query(Long.class).single() == 0) {
        jdbc.sql("INSERT INTO record_team_member (record_id, user_id) VALUES ('c2', 'sam')").update();
    }
    String[][] customers = {
        {"c1", "Nordwind GmbH", "bob", "sales-north", "de", "retail"},
        {"c2", "Southern Supplies", "eve", "sales-south", null, null},
        {"c3", "Acme Defense", "ceo", "acme", null, "defense"},
        {"c4", "Hanse Handel", "bob", "sales-north", "de", null}};
    for (String[] c : customers) {
      if (jdbc.sql("SELECT COUNT(*) FROM crm_customer WHERE id = ?").param(c[0]).query(Long.class).single() == 0) {
        jdbc.sql("INSERT INTO crm_customer (id, name, owner_id, org_unit_id, territory_id, industry)"
            + " VALUES (?, ?, ?, ?, ?, ?)").params((Object[]) c).update();
      }
      if (lifecycle.find("customer", c[0]).isEmpty()) {
        lifecycle.create("customer", machine.start(c[0]));
      }
    }
    LocalDate asOf = LocalDate.parse("2026-11-30");
    List<Transaction> orders = List.of(
        Transaction.of("c1", LocalDate.parse("2026-11-20"), 1200.0),
        Transaction.of("c1", LocalDate.parse("2026-10-02"), 800.0),
        Transaction.of("c2", LocalDate.parse("2026-03-15"), 90.0),
        Transaction.of("c3", LocalDate.parse("2026-09-01"), 15000.0),
        Transaction.of("c4", LocalDate.parse("2026-11-28"), 40.0));
    scores.deleteRun(SCORING_RUN);
    scores.saveRfm(SCORING_RUN, RfmScorer.builder().tiles(3).build().score(orders, asOf).scores());
  }
}

package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.Transaction;
import org.crmkit.examples.jdbc.UrlDataSource;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.Migrations;
import org.crmkit.jdbc.VersionConflictException;
import org.crmkit.json.AccessDataJson;
import org.crmkit.json.PolicyJson;
import org.crmkit.json.RfmModelJson;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Organisation;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentChange;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.segmentation.rules.SegmentTracker;
import org.crmkit.testkit.Populations;
import org.crmkit.testkit.QuickTheoriesGens;
import org.crmkit.testkit.SegmentRuleChecks;
import org.junit.jupiter.api.Test;

/**
 * The code of docs/recipes.md, compiled and run. Copy the text between the "recipe" markers
 * verbatim when you change it.
 */
class RecipesTest {

  // recipe: services
  /** Build definitions once at start-up; they are immutable and thread-safe, share them. */
  static final class CrmServices {
    final Machine lifecycle = CustomerLifecycle.machine();
    final SegmentRules segments = BuiltinSegments.repaired11();
    final LifecycleStore store;                  // crm-jdbc: state, version, audit log

    CrmServices(DataSource dataSource) {         // your pool
      Migrations.migrate(dataSource);            // or Flyway: classpath:META-INF/crmkit/db/{vendor}
      this.store = new LifecycleStore(dataSource);
    }
  }
  // recipe: end

  @Test
  void loadAPolicyFromJson() throws Exception {
    Path policyFile = Path.of(RecipesTest.class.getResource("/access/policy.json").toURI());
    // the organisation comes from your user directory; here from the example data document
    Organisation organisation = AccessDataJson.DOCUMENT.read(Files.readString(
        Path.of(RecipesTest.class.getResource("/access/data.json").toURI()))).organisation();
    // recipe: policy
    String json = Files.readString(policyFile);            // "format": "crmkit.policy/1"
    try {
      AccessPolicy policy = PolicyJson.read(json, organisation);   // compiled, immutable, shareable
      // keep it in your services object; reload it when the document or the organisation changes
    } catch (InvalidDefinitionException e) {
      e.problems().forEach(p -> System.err.println(p.path() + ": " + p.message()));  // $.grants[3].role: ...
    }
    // recipe: end
    assertThat(PolicyJson.read(json, organisation).organisation()).isEqualTo(organisation);
    InvalidDefinitionException bad = org.assertj.core.api.Assertions.catchThrowableOfType(
        InvalidDefinitionException.class,
        () -> PolicyJson.read("{\"format\": \"crmkit.policy/1\", \"roles\": 3}", organisation));
    assertThat(bad.problems()).extracting(p -> p.path()).contains("$.roles");
  }

  @Test
  void persistLifecycleState() {
    CrmServices services =
        new CrmServices(new UrlDataSource("jdbc:h2:mem:recipes-lifecycle;DB_CLOSE_DELAY=-1"));
    services.store.create("customer", new SubjectState("acme", "potential", 0));
    String acme = "acme";
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    Machine lifecycle = services.lifecycle;
    LifecycleStore store = services.store;
    // recipe: persist
    SubjectState current = store.find("customer", acme).orElseThrow();  // state + version
    TransitionRecord record =
        lifecycle.fire(current, "show-interest", Context.empty(), now, "bob");  // pure decision
    try {
      store.apply("customer", record);  // UPDATE ... WHERE version = ?, plus the audit row, atomically
    } catch (VersionConflictException e) {
      // someone changed acme since we read it: re-read, decide again (nothing was written)
    }
    boolean valid = lifecycle.replay(store.history("customer", acme)).valid();  // audit log replays
    // recipe: end
    assertThat(valid).isTrue();
    assertThat(store.find("customer", acme).orElseThrow().state()).isEqualTo("intentional");
  }

  @Test
  void scoreCustomersNightly() {
    List<Transaction> history = List.of(
        Transaction.of("ann", LocalDate.parse("2026-10-01"), 120.0),
        Transaction.of("bob", LocalDate.parse("2026-06-15"), 40.0),
        Transaction.of("cid", LocalDate.parse("2026-11-20"), 15.0));
    List<Transaction> todaysOrders = List.of(Transaction.of("bob", LocalDate.parse("2026-11-22"), 900.0));
    LocalDate lastNight = LocalDate.parse("2026-11-22");
    LocalDate tonight = LocalDate.parse("2026-11-23");
    // recipe: nightly
    // once: fit the cut points and freeze them, so scores stay comparable night after night
    RfmModel model = RfmScorer.defaults().score(history, lastNight).model();
    String frozen = RfmModelJson.DOCUMENT.write(model);              // store it with your data

    // every night: add the day's transactions, re-score with the frozen model, act on changes
    SegmentTracker tracker = new SegmentTracker(RfmModelJson.DOCUMENT.read(frozen), BuiltinSegments.repaired11());
    tracker.addAll(history);
    tracker.rescore(lastNight);
    tracker.addAll(todaysOrders);
    List<SegmentChange> changes = tracker.rescore(tonight);          // e.g. bob: At Risk -> ...
    // recipe: end
    assertThat(changes).extracting(c -> c.customer().value()).contains("bob");
  }

  @Test
  void testYourOwnSegmentRules() {
    List<String> segmentsSeen = new ArrayList<>();
    // recipe: testkit
    SegmentRules myRules = SegmentRules.builder()
        .rule("VIP").r(4, 5).f(4, 5).m(4, 5).overrides("Everyone else").add()   // on purpose
        .rule("Everyone else").add()
        .build();
    SegmentRuleChecks checks = SegmentRuleChecks.of(myRules).ranking("VIP", "Everyone else");
    qt().withExamples(100).withReporter(QuickTheoriesGens.reporter())
        .forAll(QuickTheoriesGens.of(Populations.builder().customers(1, 20).build()))
        .checkAssert(checks::all);    // no gaps, no order dependence, monotone in R, F and M
    // recipe: end
    segmentsSeen.addAll(myRules.segments());
    assertThat(segmentsSeen).containsExactly("VIP", "Everyone else");
    assertThat(myRules.analysis().gapCount()).isZero();
  }
}

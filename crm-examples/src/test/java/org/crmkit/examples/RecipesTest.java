package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.UserId;
import org.crmkit.examples.jdbc.JdbcCrmStore;
import org.crmkit.examples.jdbc.VersionConflictException;
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
import org.crmkit.testkit.CrmGenerators;
import org.crmkit.testkit.QuickTheoriesGens;
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
    final JdbcCrmStore store;

    CrmServices(String jdbcUrl) {
      this.store = new JdbcCrmStore(() -> DriverManager.getConnection(jdbcUrl));
    }
  }
  // recipe: end

  @Test
  void loadAPolicyFromJson() throws Exception {
    Path policyFile = Path.of(RecipesTest.class.getResource("/access/policy.json").toURI());
    // the organisation comes from your user directory; here from the example data document
    Organisation organisation = AccessDataJson.read(Files.readString(
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
    CrmServices services = new CrmServices("jdbc:h2:mem:recipes-lifecycle;DB_CLOSE_DELAY=-1");
    services.store.createSchema();
    services.store.insertCustomers(List.of(Customer.builder().id(CustomerId.of("acme"))
        .name("ACME").owner(UserId.of("bob")).lifecycleStage("potential").build()));
    CustomerId acme = CustomerId.of("acme");
    Instant now = Instant.parse("2026-11-23T09:00:00Z");
    Machine lifecycle = services.lifecycle;
    JdbcCrmStore store = services.store;
    // recipe: persist
    SubjectState current = store.lifecycleState(acme);             // stage + version column
    TransitionRecord record =
        lifecycle.fire(current, "show-interest", Context.empty(), now, "bob");  // pure decision
    try {
      store.applyTransition(record);   // UPDATE ... WHERE version = ?, plus the audit row, atomically
    } catch (VersionConflictException e) {
      // someone changed acme since we read it: re-read, decide again (nothing was written)
    }
    boolean valid = lifecycle.replay(store.history(acme)).valid();  // audit log replays
    // recipe: end
    assertThat(valid).isTrue();
    assertThat(store.lifecycleState(acme).state()).isEqualTo("intentional");
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
    String frozen = RfmModelJson.write(model);                       // store it with your data

    // every night: add the day's transactions, re-score with the frozen model, act on changes
    SegmentTracker tracker = new SegmentTracker(RfmModelJson.read(frozen), BuiltinSegments.repaired11());
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
        .rule("VIP").r(4, 5).f(4, 5).m(4, 5).add()
        .rule("Everyone else").add()
        .build();
    LocalDate from = LocalDate.parse("2026-01-01");
    LocalDate to = LocalDate.parse("2026-11-23");
    qt().withExamples(100)
        .forAll(QuickTheoriesGens.of(CrmGenerators.transactions(20, 300, from, to)))
        .checkAssert(transactions -> RfmScorer.defaults().score(transactions, to).scores()
            .forEach(s -> assertThat(myRules.segmentOf(s)).isPresent()));  // total: no gaps
    // recipe: end
    segmentsSeen.addAll(myRules.segments());
    assertThat(segmentsSeen).containsExactly("VIP", "Everyone else");
    assertThat(myRules.analysis().gapCount()).isZero();
  }
}

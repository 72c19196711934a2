package org.crmkit.examples.demo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.crmkit.core.assignment.Assignment;
import org.crmkit.core.assignment.AssignmentBatch;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Condition;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.Replay;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.TeamId;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.SqlFragment;
import org.crmkit.permissions.SqlMapping;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.UserId;
import org.crmkit.examples.jdbc.JdbcCrmStore;
import org.crmkit.examples.jdbc.VersionConflictException;
import org.crmkit.segmentation.clv.ClvData;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.ClvPredictions;
import org.crmkit.segmentation.clv.CustomerPrediction;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.segmentation.tiers.ValueTier;
import org.crmkit.segmentation.tiers.ValueTiers;
import org.crmkit.testkit.company.SampleCompanyGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.hierarchy.DoubleRollUp;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;

/**
 * The {@code crmkit demo}: runs every capability of the library on a sample company, prints a
 * concise summary and writes a self-contained HTML report.
 */
public final class Demo {
  /** What to run the demo on. */
  public record Options(long seed, int customers, Path cdnowDir, Path report, String jdbcUrl) {}

  private final Options options;
  private final PrintWriter out;
  private final Progress progress;
  private final HtmlReport report = new HtmlReport("crmkit demo report");

  /** A demo writing its summary to {@code out} and progress to {@code progress}. */
  public Demo(Options options, PrintWriter out, Progress progress) {
    this.options = options;
    this.out = out;
    this.progress = progress;
  }

  /** Runs the demo and returns the path of the written report. */
  public Path run() throws Exception {
    DemoData data = progress.step("Loading data", () -> options.cdnowDir() == null
        ? DemoData.generated(options.seed(), options.customers())
        : DemoData.cdnow(options.seed(), CdnowLoader.readMaster(options.cdnowDir())));
    overview(data);
    hierarchies(data);
    // one connection held for the whole run keeps an embedded database open between operations
    try (Connection keepOpen = DriverManager.getConnection(options.jdbcUrl())) {
      JdbcCrmStore store = lifecycle(data);
      permissions(data, store);
    }
    segmentation(data);
    lifetimeValue(data);
    assignment(data);
    Path written = report.write(options.report());
    out.println();
    out.println("HTML report: " + written);
    out.flush();
    return written;
  }

  private void overview(DemoData d) {
    heading("Sample company: " + d.source);
    TextTable t = new TextTable("what", "count")
        .row("territories", count(d.company.territories().size()))
        .row("organisation units", count(d.company.orgUnits().size()))
        .row("employees", count(d.company.users().size()))
        .row("product lines", count(d.company.productLines().size()))
        .row("customers", count(d.customers.size()))
        .row("transactions", count(d.transactions.size()));
    t.print(out);
    out.println("  period: " + d.company.periodStart() + " to " + d.company.periodEnd());
    report.section("Sample company").paragraph(d.source + "; transactions from "
        + d.company.periodStart() + " to " + d.company.periodEnd() + ".").table(t);
  }

  private void hierarchies(DemoData d) throws Exception {
    heading("Hierarchy roll-ups");
    Hierarchy<TerritoryId> geo = d.company.territoryHierarchy();
    Map<TerritoryId, Double> cityRevenue = new HashMap<>();
    Map<TerritoryId, Integer> cityCustomers = new HashMap<>();
    for (Customer c : d.customers) {
      TerritoryId city = c.territory().orElseThrow();
      cityRevenue.merge(city, d.revenue.getOrDefault(c.id(), 0.0), Double::sum);
      cityCustomers.merge(city, 1, Integer::sum);
    }
    DoubleRollUp<TerritoryId> revenue = progress.step("Rolling up revenue by territory",
        () -> geo.sum(t -> cityRevenue.getOrDefault(t, 0.0)));
    DoubleRollUp<TerritoryId> customers = geo.sum(t -> cityCustomers.getOrDefault(t, 0));
    TextTable byTerritory = new TextTable("territory", "level", "customers", "revenue", "share");
    double total = revenue.get(geo.roots().get(0));
    List<String> countries = new ArrayList<>();
    List<Double> countryRevenue = new ArrayList<>();
    for (TerritoryId t : geo.nodes()) {
      if (geo.depth(t) <= 2) {
        byTerritory.row("  ".repeat(geo.depth(t)) + name(d, t), geo.level(t).orElse(""),
            count((long) customers.get(t)), money(revenue.get(t)), percent(revenue.get(t) / total));
      }
      if (geo.depth(t) == 2) {
        countries.add(name(d, t));
        countryRevenue.add(Math.round(revenue.get(t)) / 1.0);
      }
    }
    out.println("Revenue by territory (every subtree in one pass):");
    byTerritory.print(out);

    Hierarchy<CustomerId> accounts = d.company.accountHierarchy();
    DoubleRollUp<CustomerId> groupRevenue = accounts.sum(c -> d.revenue.getOrDefault(c, 0.0));
    List<CustomerId> groups = new ArrayList<>();
    for (CustomerId root : accounts.roots()) {
      if (accounts.subtreeSize(root) > 1) {
        groups.add(root);
      }
    }
    groups.sort(Comparator.comparingDouble(groupRevenue::get).reversed());
    TextTable topGroups = new TextTable("group parent", "companies", "own revenue", "group revenue");
    for (CustomerId g : groups.subList(0, Math.min(5, groups.size()))) {
      topGroups.row(customerLabel(d, g), accounts.subtreeSize(g), money(d.revenue.getOrDefault(g, 0.0)),
          money(groupRevenue.get(g)));
    }
    out.println();
    out.println("Largest group companies (parent and subsidiaries), of " + groups.size() + " groups:");
    if (groups.isEmpty()) {
      out.println("  (this data set has no group companies)");
    } else {
      topGroups.print(out);
    }

    Hierarchy<OrgUnitId> org = d.company.orgHierarchy();
    Map<OrgUnitId, Integer> staff = new HashMap<>();
    for (User u : d.company.users()) {
      staff.merge(u.orgUnit(), 1, Integer::sum);
    }
    DoubleRollUp<OrgUnitId> headcount = org.sum(u -> staff.getOrDefault(u, 0));
    TextTable orgTable = new TextTable("organisation unit", "level", "headcount");
    for (OrgUnitId u : org.nodes()) {
      orgTable.row("  ".repeat(org.depth(u)) + orgName(d, u), org.level(u).orElse(""),
          (long) headcount.get(u));
    }
    out.println();
    out.println("Organisation (headcount rolled up):");
    orgTable.print(out);

    report.section("Hierarchy roll-ups")
        .paragraph("Revenue by territory, rolled up over every subtree in one pass.")
        .table(byTerritory)
        .barChart("Revenue by country", "country", "revenue", countries, countryRevenue)
        .paragraph("Largest group companies: revenue of the parent company and all subsidiaries.")
        .table(topGroups)
        .paragraph("Organisation units with headcount rolled up.")
        .table(orgTable);
  }

  private void permissions(DemoData d, JdbcCrmStore store) throws Exception {
    heading("Permissions");
    AccessPolicy policy = progress.step("Compiling the access policy", () -> SampleCompanyPolicy.of(d.company));
    Customer target = d.customers.stream()
        .filter(c -> c.owner().map(o -> d.company.user(o).manager().isPresent()).orElse(false))
        .filter(c -> "event".equals(c.attributes().get("source")))
        .findFirst()
        .orElseGet(() -> d.customers.stream()
            .filter(c -> c.owner().map(o -> d.company.user(o).manager().isPresent()).orElse(false))
            .findFirst().orElseThrow());
    AccessRecord record = SampleCompanyPolicy.record(target);
    User owner = d.company.user(target.owner().orElseThrow());
    User manager = d.company.user(owner.manager().orElseThrow());
    User otherRep = d.company.users().stream()
        .filter(u -> u.roles().contains(SampleCompanyGenerator.SALES_REP))
        .filter(u -> !u.orgUnit().equals(owner.orgUnit())).findFirst().orElseThrow();
    User admin = d.company.user(UserId.of("u-admin"));
    User marketer = d.company.users().stream()
        .filter(u -> u.roles().contains(SampleCompanyGenerator.MARKETING)).findFirst().orElseThrow();
    TextTable checks = new TextTable("user", "role", "action", "decision", "why");
    TextTable fullChecks = new TextTable("user", "role", "action", "decision", "explanation");
    List<Object[]> cases = List.of(
        new Object[] {owner, Action.UPDATE}, new Object[] {owner, Action.EXPORT},
        new Object[] {otherRep, Action.READ}, new Object[] {manager, Action.UPDATE},
        new Object[] {marketer, Action.READ}, new Object[] {admin, Action.EXPORT});
    for (Object[] c : cases) {
      User u = (User) c[0];
      AccessDecision decision = policy.check(u, (Action) c[1], record);
      checks.row(u.id().value(), u.roles().iterator().next().value(), c[1].toString().toLowerCase(Locale.ROOT),
          decision.allowed() ? "ALLOW" : "DENY", firstLine(decision.explain()));
      fullChecks.row(userLabel(u), u.roles().iterator().next().value(),
          c[1].toString().toLowerCase(Locale.ROOT), decision.allowed() ? "ALLOW" : "DENY",
          decision.explain());
    }
    out.println("Who may do what to customer " + target.id() + " (owner " + owner.id() + ", "
        + owner.orgUnit() + ", " + target.territory().map(Object::toString).orElse("-") + "):");
    checks.print(out);
    String denial = policy.check(otherRep, Action.READ, record).explain();
    out.println("  " + otherRep.id() + " read, in full: " + denial.replace("\n", "\n    "));

    List<AccessRecord> records = d.customers.stream().map(SampleCompanyPolicy::record).toList();
    int inMemory = policy.filter(otherRep, Action.READ, records).size();
    SqlFragment where = policy.accessPredicate(otherRep, Action.READ, ObjectType.CUSTOMER)
        .toSql(SqlMapping.defaults());
    int inDatabase = store.findCustomerIds(where.sql(), where.parameters()).size();
    out.println();
    out.println("List query for " + otherRep.id() + " (read customers), as a SQL WHERE fragment:");
    out.println("  " + abbreviate(where.sql(), 160));
    out.printf(Locale.ROOT, "  %,d parameters; the database returns %,d customers, the in-memory"
        + " check allows %,d%n", where.parameters().size(), inDatabase, inMemory);
    report.section("Permissions")
        .paragraph("Checks on customer " + target.name() + " (" + target.id() + "), owned by "
            + userLabel(owner) + ".")
        .table(fullChecks)
        .paragraph("List query for " + userLabel(otherRep) + ": the database returns " + inDatabase
            + " customers, the in-memory check allows " + inMemory + ".")
        .preformatted(where.sql());
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return abbreviate(nl < 0 ? s : s.substring(0, nl), 110);
  }

  /** At most {@code max} characters, cut at a word boundary and marked with an ellipsis. */
  static String abbreviate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max - 1);
    return (cut > max / 2 ? s.substring(0, cut) : s.substring(0, max - 1)) + "\u2026";
  }

  private static String userLabel(User u) {
    return u.name() + " (" + u.id() + ")";
  }

  private static String customerLabel(DemoData d, CustomerId id) {
    return d.customers.stream().filter(c -> c.id().equals(id)).findFirst()
        .map(c -> c.name() + " (" + id + ")").orElse(id.value());
  }

  private static String orgName(DemoData d, OrgUnitId id) {
    return d.company.orgUnits().stream().filter(u -> u.id().equals(id)).findFirst()
        .map(u -> u.name()).orElse(id.value());
  }

  private JdbcCrmStore lifecycle(DemoData d) throws Exception {
    heading("Customer lifecycle");
    Machine machine = CustomerLifecycle.builder().churnAfter(Duration.ofDays(180)).build();
    LifecycleSimulation simulation = new LifecycleSimulation(machine);
    Map<CustomerId, List<Transaction>> purchases = byCustomer(d.transactions);
    LocalDate end = d.company.periodEnd().plusDays(1);
    Map<String, String> finalState = new HashMap<>();
    Map<Customer, List<TransitionRecord>> recordsOf = new java.util.LinkedHashMap<>();
    int persisted = Math.min(200, d.customers.size());
    long decided = progress.step("Deciding lifecycle transitions", () -> {
      long n = 0;
      String initial = machine.start("any").state();
      for (Customer c : d.customers) {
        List<TransitionRecord> records =
            simulation.run(c, purchases.getOrDefault(c.id(), List.of()), end);
        finalState.put(c.id().value(),
            records.isEmpty() ? initial : records.get(records.size() - 1).to());
        n += records.size();
        if (recordsOf.size() < persisted) {
          recordsOf.put(c, records);
        }
      }
      return n;
    });
    Map<String, Integer> byState = LifecycleSimulation.finalStates(finalState);
    TextTable stages = new TextTable("stage", "customers", "share");
    List<String> stageNames = new ArrayList<>();
    List<Integer> stageCounts = new ArrayList<>();
    for (String st : List.of("potential", "intentional", "closed-deal", "loyal", "churned")) {
      int n = byState.getOrDefault(st, 0);
      stages.row(st, count(n), percent(n / (double) d.customers.size()));
      stageNames.add(st);
      stageCounts.add(n);
    }
    out.printf(Locale.ROOT, "%,d transitions decided for %,d customers (pure decisions, no machine"
        + " instance per customer):%n", decided, d.customers.size());
    stages.print(out);

    // persist with the JDBC adapter: all customers, and the lifecycle state (version column) and
    // audit log of the first ones, one database transaction per transition as a host would
    JdbcCrmStore store = new JdbcCrmStore(() -> DriverManager.getConnection(options.jdbcUrl()));
    long transitions = progress.step("Storing customers, and the lifecycle transitions of "
        + persisted + " of them, in " + options.jdbcUrl(), () -> {
      store.dropSchema();
      store.createSchema();
      String initial = machine.start("any").state();
      store.insertCustomers(d.customers.stream()
          .map(c -> Customer.builder().from(c).lifecycleStage(initial).build()).toList());
      long n = 0;
      for (List<TransitionRecord> records : recordsOf.values()) {
        for (TransitionRecord r : records) {
          store.applyTransition(r);
          n++;
        }
      }
      return n;
    });
    out.printf(Locale.ROOT, "%nStored %,d customers and %,d transitions of %d of them in the database.%n",
        d.customers.size(), transitions, persisted);
    Customer busiest = recordsOf.keySet().stream()
        .max(Comparator.comparingInt(c -> recordsOf.get(c).size())).orElseThrow();
    List<TransitionRecord> history = store.history(busiest.id());
    TextTable audit = new TextTable("version", "at", "event", "from", "to", "actor");
    for (TransitionRecord r : history.subList(0, Math.min(8, history.size()))) {
      audit.row(r.version(), r.at().toString().substring(0, 10), r.event(), r.from(), r.to(), r.actor());
    }
    Replay replay = machine.replay(history);
    out.printf(Locale.ROOT, "Audit trail of %s as stored in the database (%d records; first 8):%n",
        busiest.id(), history.size());
    audit.print(out);
    out.println("  replay of the stored history: " + (replay.valid() ? "valid" : "INVALID")
        + ", state " + replay.state() + ", version " + replay.version());

    SubjectState current = store.lifecycleState(busiest.id());
    SubjectState stale = new SubjectState(current.subjectId(), current.state(), current.version() - 1);
    String conflict;
    try {
      store.applyTransition(new TransitionRecord(stale.subjectId(), current.state(),
          current.state(), "order-paid", Instant.now(), "u-rep-001", current.version()));
      conflict = "unexpectedly accepted";
    } catch (VersionConflictException e) {
      conflict = e.getMessage();
    }
    Decision early = machine.decide("intentional", "order-paid", Context.of(Map.of("paidOrders", 0)));
    out.println("  a concurrent writer with a stale version: " + conflict);
    out.println("  a premature event: " + early.explain());

    report.section("Customer lifecycle")
        .paragraph(String.format(Locale.ROOT, "%,d transitions decided for %,d customers;"
            + " final stages:", decided, d.customers.size()))
        .table(stages)
        .barChart("Customers by current lifecycle stage", "stage", "customers", stageNames,
            stageCounts)
        .paragraph("Audit trail of " + busiest.name() + " (" + busiest.id() + ") read back from the database"
            + " (replay: " + (replay.valid() ? "valid" : "invalid") + ").")
        .table(audit)
        .machineDiagram("The customer lifecycle machine (click-free view; hover for guards"
            + " and effects)", machine);
    return store;
  }

  private void segmentation(DemoData d) throws Exception {
    heading("RFM segments and value tiers");
    LocalDate asOf = d.company.periodEnd().plusDays(1);
    RfmResult rfm = progress.step("Scoring RFM", () -> RfmScorer.defaults().score(d.transactions, asOf));
    SegmentRules segments = BuiltinSegments.repaired11();
    Map<String, Integer> bySegment = new java.util.LinkedHashMap<>();
    segments.segments().forEach(seg -> bySegment.put(seg, 0));
    Map<String, Double> revenueBySegment = new HashMap<>();
    int[][] rf = new int[5][5];
    for (RfmScore s : rfm.scores()) {
      String seg = segments.segmentOf(s).orElse("(none)");
      bySegment.merge(seg, 1, Integer::sum);
      revenueBySegment.merge(seg, s.monetary(), Double::sum);
      rf[s.r() - 1][s.f() - 1]++;
    }
    TextTable segTable = new TextTable("segment", "customers", "revenue");
    bySegment.forEach((seg, n) -> segTable.row(seg, count(n), money(revenueBySegment.getOrDefault(seg, 0.0))));
    out.printf(Locale.ROOT, "%,d customers scored as of %s (5 tiles, ties share a score), 11-segment"
        + " map (a checked partition):%n", rfm.size(), asOf);
    segTable.print(out);

    Map<CustomerId, Double> revenue = new HashMap<>();
    rfm.scores().forEach(s -> revenue.put(s.customer(), s.monetary()));
    Map<CustomerId, ValueTier> tiers = ValueTiers.byCumulativeShare(revenue, 0.80, 0.95);
    TextTable tierTable = tierTable(tiers, revenue);
    out.println();
    out.println("Value tiers by cumulative revenue share (top 80% high, next 15% medium):");
    tierTable.print(out);

    List<String> labels = List.of("1", "2", "3", "4", "5");
    report.section("RFM segments and value tiers")
        .paragraph("Scored as of " + asOf + "; 11-segment map repaired into a partition.")
        .table(segTable)
        .barChart("Customers per segment", "segment", "customers",
            new ArrayList<>(bySegment.keySet()), new ArrayList<>(bySegment.values()))
        .heatMap("Customers per R x F cell", "frequency score", "recency score", labels, labels, rf)
        .paragraph("Value tiers by cumulative revenue share.")
        .table(tierTable);
  }

  private static TextTable tierTable(Map<CustomerId, ValueTier> tiers, Map<CustomerId, Double> value) {
    Map<ValueTier, Integer> counts = ValueTiers.counts(tiers);
    Map<ValueTier, Double> sums = new HashMap<>();
    double total = 0;
    for (Map.Entry<CustomerId, ValueTier> e : tiers.entrySet()) {
      double v = Math.max(0, value.get(e.getKey()));
      sums.merge(e.getValue(), v, Double::sum);
      total += v;
    }
    TextTable t = new TextTable("tier", "customers", "value", "share of value");
    for (ValueTier tier : ValueTier.values()) {
      double v = sums.getOrDefault(tier, 0.0);
      t.row(tier.name(), count(counts.get(tier)), money(v), percent(v / total));
    }
    return t;
  }

  private void lifetimeValue(DemoData d) throws Exception {
    heading("Customer lifetime value (BG/NBD + Gamma-Gamma)");
    LocalDate end = d.company.periodEnd();
    LocalDate calibrationEnd = end.minusWeeks(26);
    ClvData data = ClvData.of(d.transactions, calibrationEnd, end, PeriodUnit.WEEK);
    ClvModel model = progress.step("Fitting lifetime-value models",
        () -> ClvModel.fit(data));
    ClvPredictions next52 = progress.step("Predicting 52 weeks for every customer",
        () -> model.predict(data.customers(), 52, 0.01));
    TextTable fit = new TextTable("model", "parameters", "log-likelihood", "converged");
    var bg = model.bgNbd().parameters();
    var gg = model.gammaGamma().parameters();
    fit.row("BG/NBD", String.format(Locale.ROOT, "r=%.3f alpha=%.3f a=%.3f b=%.3f", bg.r(), bg.alpha(),
        bg.a(), bg.b()), money(model.bgNbd().report().logLikelihood()), model.bgNbd().report().converged());
    fit.row("Gamma-Gamma", String.format(Locale.ROOT, "p=%.3f q=%.3f gamma=%.3f", gg.p(), gg.q(),
        gg.gamma()), money(model.gammaGamma().report().logLikelihood()),
        model.gammaGamma().report().converged());
    out.printf(Locale.ROOT, "Fitted on %,d customers up to %s (weeks):%n", data.customers().size(),
        calibrationEnd);
    fit.print(out);
    double[] expected = model.expectedCumulativeRepeatPurchases(data.customers(), 26);
    double[] actual = data.holdoutCumulativeRepeatPurchases(26);
    out.printf(Locale.ROOT, "  hold-out check, 26 weeks after calibration: expected %,.0f repeat"
        + " purchase days, observed %,.0f%n", expected[25], actual[25]);

    List<CustomerPrediction> top = new ArrayList<>(next52.customers());
    top.sort(Comparator.comparingDouble(CustomerPrediction::clv).reversed());
    TextTable best = new TextTable("customer", "p_alive", "expected purchases", "expected spend", "clv");
    for (CustomerPrediction p : top.subList(0, Math.min(5, top.size()))) {
      best.row(customerLabel(d, p.customer()), String.format(Locale.ROOT, "%.3f", p.probabilityAlive()),
          String.format(Locale.ROOT, "%.1f", p.expectedPurchases()), money(p.expectedSpend()),
          money(p.clv()));
    }
    out.println();
    out.println("Most valuable customers over the next 52 weeks (1% weekly discount):");
    best.print(out);
    Map<CustomerId, ValueTier> tiers = next52.tiers(0.8, 0.95);
    TextTable tierTable = tierTable(tiers, next52.clvByCustomer());
    out.println();
    out.println("Value tiers by predicted lifetime value:");
    tierTable.print(out);
    List<String> weeks = new ArrayList<>();
    List<Double> observedCurve = new ArrayList<>();
    List<Double> expectedCurve = new ArrayList<>();
    for (int k = 0; k < 26; k++) {
      weeks.add(Integer.toString(k + 1));
      observedCurve.add(actual[k]);
      expectedCurve.add((double) Math.round(expected[k]));
    }
    Map<String, List<? extends Number>> tracking = new java.util.LinkedHashMap<>();
    tracking.put("observed", observedCurve);
    tracking.put("expected (BG/NBD)", expectedCurve);
    report.section("Customer lifetime value")
        .paragraph("BG/NBD and Gamma-Gamma fitted by maximum likelihood on the purchases up to "
            + calibrationEnd + "; hold-out: the following 26 weeks.")
        .table(fit)
        .lineChart("Hold-out tracking: cumulative repeat purchases, observed and expected",
            "week after the calibration end", "purchase days", weeks, tracking)
        .table(best)
        .paragraph("Value tiers by predicted lifetime value.")
        .table(tierTable);
  }

  private void assignment(DemoData d) throws Exception {
    heading("Lead assignment");
    Hierarchy<TerritoryId> geo = d.company.territoryHierarchy();
    AssignmentRules.Builder rules = AssignmentRules.builder().territories(geo)
        .users(d.company.users());
    Strategy[] strategies = {Strategy.ROUND_ROBIN, Strategy.WEIGHTED_ROUND_ROBIN, Strategy.LEAST_LOADED};
    List<TerritoryId> regions = geo.children(geo.roots().get(0));
    for (int i = 0; i < regions.size(); i++) {
      TerritoryId region = regions.get(i);
      rules.entry("region-" + region, Condition.builder().addTerritories(region).build(),
          Target.distribute(strategies[i % strategies.length], TeamId.of("sales-" + region)));
    }
    for (User u : d.company.users()) {
      if (u.roles().contains(SampleCompanyGenerator.SALES_REP) && u.id().value().endsWith("1")) {
        rules.profile(RepProfile.builder().user(u.id()).weight(2).build());
      }
    }
    AssignmentRules compiled = rules.defaultOwner(Target.user(UserId.of("u-sales-director"))).build();
    List<TerritoryId> cities = geo.leaves();
    java.util.SplittableRandom random = new java.util.SplittableRandom(options.seed());
    int n = 20_000;
    List<Lead> leads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leads.add(Lead.builder().id(String.format(Locale.ROOT, "L-%05d", i + 1))
          .territory(cities.get(random.nextInt(cities.size()))).build());
    }
    Instant at = d.company.periodEnd().plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    AssignmentBatch batch = progress.step("Assigning " + count(n) + " leads",
        () -> compiled.assignAll(leads, AssignmentState.empty(), at));
    Map<String, Map<String, Integer>> perRule = new java.util.TreeMap<>();
    for (Assignment a : batch.assignments()) {
      perRule.computeIfAbsent(a.rule(), k -> new HashMap<>()).merge(a.assignee().id(), 1, Integer::sum);
    }
    TextTable t = new TextTable("rule", "strategy", "leads", "reps", "min per rep", "max per rep");
    for (var e : perRule.entrySet()) {
      var counts = e.getValue().values();
      String strategy = compiled.entries().stream().filter(x -> x.name().equals(e.getKey()))
          .findFirst().map(x -> x.target().toString()).orElse("default owner");
      t.row(e.getKey(), strategy, count(counts.stream().mapToInt(Integer::intValue).sum()),
          counts.size(), counts.stream().mapToInt(Integer::intValue).min().orElse(0),
          counts.stream().mapToInt(Integer::intValue).max().orElse(0));
    }
    t.print(out);
    AssignmentBatch replayed = compiled.assignAll(leads, AssignmentState.empty(), at);
    out.println("  first lead: " + batch.assignments().get(0).explain());
    out.println("  replaying the same leads from the same state gives the same owners: "
        + replayed.assignments().equals(batch.assignments()));
    report.section("Lead assignment")
        .paragraph(count(n) + " new leads routed by territory; per-region strategies.")
        .table(t)
        .preformatted(batch.assignments().get(0).explain());
  }

  private static Map<CustomerId, List<Transaction>> byCustomer(List<Transaction> transactions) {
    Map<CustomerId, List<Transaction>> out = new HashMap<>();
    for (Transaction t : transactions) {
      out.computeIfAbsent(t.customer(), k -> new ArrayList<>()).add(t);
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Transaction::date)));
    return out;
  }

  private void heading(String title) {
    out.println();
    out.println(title);
    out.println("=".repeat(title.length()));
  }

  private static String name(DemoData d, TerritoryId id) {
    return d.company.territories().stream().filter(t -> t.id().equals(id)).findFirst()
        .map(t -> t.name()).orElse(id.value());
  }

  static String money(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}

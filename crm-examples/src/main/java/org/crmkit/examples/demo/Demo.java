package org.crmkit.examples.demo;

import java.io.PrintWriter;
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
      topGroups.row(g.value(), accounts.subtreeSize(g), money(d.revenue.getOrDefault(g, 0.0)),
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
      orgTable.row("  ".repeat(org.depth(u)) + u.value(), org.level(u).orElse(""),
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

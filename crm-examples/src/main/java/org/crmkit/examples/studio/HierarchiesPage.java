package org.crmkit.examples.studio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.hierarchy.DoubleRollUp;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.User;
import org.crmkit.testkit.company.SampleCompany;

/**
 * The hierarchies page's model: the sample company's territories, organisation, product lines and
 * group companies (and the organisation of a loaded data file) as trees, each node carrying its
 * values rolled up over its subtree in one pass ({@link Hierarchy#sum}). Computed once; immutable;
 * thread-safe.
 */
final class HierarchiesPage {
  private final Map<String, Map<String, Object>> trees = new LinkedHashMap<>();

  HierarchiesPage(Workspace ws) {
    SampleCompany c = ws.company;
    Map<CustomerId, Double> revenue = new HashMap<>();
    for (Transaction t : c.transactions()) {
      revenue.merge(t.customer(), t.amount(), Double::sum);
    }
    Map<TerritoryId, Double> cityRevenue = new HashMap<>();
    Map<TerritoryId, Double> cityCustomers = new HashMap<>();
    Map<OrgUnitId, Double> unitCustomers = new HashMap<>();
    Map<ProductLineId, Double> lineCustomers = new HashMap<>();
    Map<ProductLineId, Double> lineRevenue = new HashMap<>();
    for (Customer x : c.customers()) {
      double rev = revenue.getOrDefault(x.id(), 0.0);
      x.territory().ifPresent(t -> {
        cityRevenue.merge(t, rev, Double::sum);
        cityCustomers.merge(t, 1.0, Double::sum);
      });
      x.orgUnit().ifPresent(u -> unitCustomers.merge(u, 1.0, Double::sum));
      ProductLineId line = c.preferredLine().get(x.id());
      if (line != null) {
        lineCustomers.merge(line, 1.0, Double::sum);
        lineRevenue.merge(line, rev, Double::sum);
      }
    }
    Map<TerritoryId, String> territoryNames = new HashMap<>();
    c.territories().forEach(t -> territoryNames.put(t.id(), t.name()));
    put("territories", "Territories (" + ws.companySource + ")", c.territoryHierarchy(),
        t -> territoryNames.getOrDefault(t, t.value()), TerritoryId::value,
        Map.of("customers", c.territoryHierarchy().sum(t -> cityCustomers.getOrDefault(t, 0.0)),
            "revenue", c.territoryHierarchy().sum(t -> cityRevenue.getOrDefault(t, 0.0))));

    Map<OrgUnitId, String> unitNames = new HashMap<>();
    c.orgUnits().forEach(u -> unitNames.put(u.id(), u.name()));
    Map<OrgUnitId, Double> staff = new HashMap<>();
    c.users().forEach(u -> staff.merge(u.orgUnit(), 1.0, Double::sum));
    put("organisation", "Organisation (" + ws.companySource + ")", c.orgHierarchy(),
        u -> unitNames.getOrDefault(u, u.value()), OrgUnitId::value,
        Map.of("headcount", c.orgHierarchy().sum(u -> staff.getOrDefault(u, 0.0)),
            "customers", c.orgHierarchy().sum(u -> unitCustomers.getOrDefault(u, 0.0))));

    Map<ProductLineId, String> lineNames = new HashMap<>();
    c.productLines().forEach(l -> lineNames.put(l.id(), l.name()));
    put("product-lines", "Product lines (customers by their most-bought line)",
        c.productLineHierarchy(), l -> lineNames.getOrDefault(l, l.value()), ProductLineId::value,
        Map.of("customers", c.productLineHierarchy().sum(l -> lineCustomers.getOrDefault(l, 0.0)),
            "revenue", c.productLineHierarchy().sum(l -> lineRevenue.getOrDefault(l, 0.0))));

    // group companies: only accounts with subsidiaries, under one synthetic root
    Hierarchy<CustomerId> accounts = c.accountHierarchy();
    Map<CustomerId, String> customerNames = new HashMap<>();
    c.customers().forEach(x -> customerNames.put(x.id(), x.name()));
    DoubleRollUp<CustomerId> groupRevenue = accounts.sum(x -> revenue.getOrDefault(x, 0.0));
    DoubleRollUp<CustomerId> groupSize = accounts.sum(x -> 1.0);
    List<Map<String, Object>> groups = new ArrayList<>();
    double total = 0;
    double companies = 0;
    for (CustomerId root : accounts.roots()) {
      if (accounts.subtreeSize(root) > 1) {
        groups.add(node(accounts, root, x -> customerNames.getOrDefault(x, x.value()),
            CustomerId::value, Map.of("companies", groupSize, "revenue", groupRevenue)));
        total += groupRevenue.get(root);
        companies += groupSize.get(root);
      }
    }
    groups.sort((a, b) -> Double.compare(value(b, "revenue"), value(a, "revenue")));
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("name", "All group companies");
    all.put("id", "groups");
    all.put("level", "");
    all.put("values", Map.of("companies", companies, "revenue", total));
    all.put("children", groups);
    trees.put("groups", Map.of("name", "groups", "title", "Group companies (parent and subsidiaries)",
        "measures", List.of("companies", "revenue"), "root", all));

    if (ws.organisation.orgUnits() != c.orgHierarchy()) {
      Map<OrgUnitId, Double> dataStaff = new HashMap<>();
      for (User u : ws.organisation.users()) {
        dataStaff.merge(u.orgUnit(), 1.0, Double::sum);
      }
      put("data-organisation", "Organisation of " + ws.policySource, ws.organisation.orgUnits(),
          OrgUnitId::value, OrgUnitId::value,
          Map.of("headcount", ws.organisation.orgUnits().sum(u -> dataStaff.getOrDefault(u, 0.0))));
    }
  }

  Map<String, Object> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    trees.forEach((k, v) -> out.add(Map.of("name", k, "title", v.get("title"))));
    return Map.of("hierarchies", out);
  }

  Map<String, Object> tree(String name) {
    Map<String, Object> t = trees.get(name);
    if (t == null) {
      throw new Api.BadRequest("unknown hierarchy '" + name + "'; known: " + trees.keySet());
    }
    return t;
  }

  private <K> void put(String name, String title, Hierarchy<K> h, Function<K, String> label,
      Function<K, String> id, Map<String, DoubleRollUp<K>> measures) {
    Map<String, DoubleRollUp<K>> ordered = new LinkedHashMap<>(new java.util.TreeMap<>(measures));
    List<Map<String, Object>> roots = new ArrayList<>();
    for (K root : h.roots()) {
      roots.add(node(h, root, label, id, ordered));
    }
    Map<String, Object> rootNode;
    if (roots.size() == 1) {
      rootNode = roots.get(0);
    } else {
      rootNode = new LinkedHashMap<>();
      rootNode.put("name", "All");
      rootNode.put("id", "all");
      rootNode.put("level", "");
      Map<String, Double> sums = new LinkedHashMap<>();
      for (Map.Entry<String, DoubleRollUp<K>> m : ordered.entrySet()) {
        sums.put(m.getKey(), h.roots().stream().mapToDouble(r -> m.getValue().get(r)).sum());
      }
      rootNode.put("values", sums);
      rootNode.put("children", roots);
    }
    trees.put(name, Map.of("name", name, "title", title,
        "measures", new ArrayList<>(ordered.keySet()), "root", rootNode));
  }

  private static <K> Map<String, Object> node(Hierarchy<K> h, K k, Function<K, String> label,
      Function<K, String> id, Map<String, DoubleRollUp<K>> measures) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("name", label.apply(k));
    n.put("id", id.apply(k));
    n.put("level", h.level(k).orElse(""));
    Map<String, Double> values = new LinkedHashMap<>();
    measures.forEach((m, r) -> values.put(m, Math.round(r.get(k) * 100) / 100.0));
    n.put("values", values);
    List<Map<String, Object>> children = new ArrayList<>();
    for (K c : h.children(k)) {
      children.add(node(h, c, label, id, measures));
    }
    n.put("children", children);
    return n;
  }

  @SuppressWarnings("unchecked")
  private static double value(Map<String, Object> node, String measure) {
    return ((Map<String, Double>) node.get("values")).get(measure);
  }
}

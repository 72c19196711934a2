package org.crmkit.examples.demo;

import java.util.List;
import org.crmkit.core.hierarchy.Hierarchies;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.hierarchy.LevelSchema;
import org.crmkit.core.model.OrgUnit;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLine;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.Territory;
import org.crmkit.core.model.TerritoryId;

/** A small fixed sample company: its territories, organisation and product lines. */
public final class SampleCompany {
  private final Hierarchy<TerritoryId> territories;
  private final Hierarchy<OrgUnitId> orgUnits;
  private final Hierarchy<ProductLineId> productLines;

  private SampleCompany(Hierarchy<TerritoryId> territories, Hierarchy<OrgUnitId> orgUnits,
      Hierarchy<ProductLineId> productLines) {
    this.territories = territories;
    this.orgUnits = orgUnits;
    this.productLines = productLines;
  }

  /** Builds the sample company. */
  public static SampleCompany create() {
    List<Territory> geo = List.of(
        territory("global", "Global", null, "global"),
        territory("emea", "EMEA", "global", "region"),
        territory("de", "Germany", "emea", "country"),
        territory("berlin", "Berlin", "de", "city"),
        territory("munich", "Munich", "de", "city"),
        territory("fr", "France", "emea", "country"),
        territory("paris", "Paris", "fr", "city"),
        territory("apac", "APAC", "global", "region"),
        territory("cn", "China", "apac", "country"),
        territory("shanghai", "Shanghai", "cn", "city"),
        territory("amer", "Americas", "global", "region"),
        territory("us", "United States", "amer", "country"),
        territory("nyc", "New York", "us", "city"));
    List<OrgUnit> org = List.of(
        unit("hq", "Headquarters", null, "company"),
        unit("sales", "Sales", "hq", "department"),
        unit("sales-emea", "Sales EMEA", "sales", "sub-department"),
        unit("sales-apac", "Sales APAC", "sales", "sub-department"),
        unit("service", "Customer service", "hq", "department"),
        unit("marketing", "Marketing", "hq", "department"));
    List<ProductLine> lines = List.of(
        line("electronics", "Electronics", null),
        line("phones", "Phones", "electronics"),
        line("laptops", "Laptops", "electronics"),
        line("home", "Home goods", null),
        line("apparel", "Apparel", null));
    return new SampleCompany(
        Hierarchies.ofTerritories(geo, LevelSchema.territories()),
        Hierarchies.ofOrgUnits(org),
        Hierarchies.ofProductLines(lines));
  }

  private static Territory territory(String id, String name, String parent, String level) {
    Territory.Builder b = Territory.builder().id(TerritoryId.of(id)).name(name).level(level);
    if (parent != null) {
      b.parent(TerritoryId.of(parent));
    }
    return b.build();
  }

  private static OrgUnit unit(String id, String name, String parent, String level) {
    OrgUnit.Builder b = OrgUnit.builder().id(OrgUnitId.of(id)).name(name).level(level);
    if (parent != null) {
      b.parent(OrgUnitId.of(parent));
    }
    return b.build();
  }

  private static ProductLine line(String id, String name, String parent) {
    ProductLine.Builder b = ProductLine.builder().id(ProductLineId.of(id)).name(name);
    if (parent != null) {
      b.parent(ProductLineId.of(parent));
    }
    return b.build();
  }

  /** The company name. */
  public String name() {
    return "Example Trading Co.";
  }

  /** Territories: global → regions → countries → cities. */
  public Hierarchy<TerritoryId> territories() {
    return territories;
  }

  /** Departments and sub-departments. */
  public Hierarchy<OrgUnitId> orgUnits() {
    return orgUnits;
  }

  /** Product lines. */
  public Hierarchy<ProductLineId> productLines() {
    return productLines;
  }
}

package org.crmkit.core.hierarchy;

import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnit;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLine;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.Territory;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;

/**
 * Builds the typed hierarchies of the CRM model from the host's records. Each method validates as
 * {@link Hierarchy.Builder#build()} does and throws its {@link
 * org.crmkit.core.InvalidDefinitionException} listing every problem.
 */
public final class Hierarchies {
  private Hierarchies() {}

  /**
   * The account hierarchy: parent companies and their subsidiaries, from {@link Customer#parent()};
   * customers without a parent are roots.
   */
  public static Hierarchy<CustomerId> ofAccounts(Iterable<Customer> customers) {
    Hierarchy.Builder<CustomerId> b = Hierarchy.builder();
    for (Customer c : customers) {
      b.node(c.id(), c.parent().orElse(null), null);
    }
    return b.build();
  }

  /**
   * The territory hierarchy, with each territory's level checked against {@code schema} (e.g.
   * {@link LevelSchema#territories()}).
   */
  public static Hierarchy<TerritoryId> ofTerritories(
      Iterable<Territory> territories, LevelSchema schema) {
    Hierarchy.Builder<TerritoryId> b = Hierarchy.<TerritoryId>builder().levels(schema);
    for (Territory t : territories) {
      b.node(t.id(), t.parent().orElse(null), t.level());
    }
    return b.build();
  }

  /** The organisation: divisions, departments, sub-departments and teams. */
  public static Hierarchy<OrgUnitId> ofOrgUnits(Iterable<OrgUnit> units) {
    Hierarchy.Builder<OrgUnitId> b = Hierarchy.builder();
    for (OrgUnit u : units) {
      b.node(u.id(), u.parent().orElse(null), u.level().orElse(null));
    }
    return b.build();
  }

  /** Product lines and their sub-lines. */
  public static Hierarchy<ProductLineId> ofProductLines(Iterable<ProductLine> lines) {
    Hierarchy.Builder<ProductLineId> b = Hierarchy.builder();
    for (ProductLine p : lines) {
      b.node(p.id(), p.parent().orElse(null), null);
    }
    return b.build();
  }

  /** Reporting lines: each user under their manager; users without a manager are roots. */
  public static Hierarchy<UserId> ofManagement(Iterable<User> users) {
    Hierarchy.Builder<UserId> b = Hierarchy.builder();
    for (User u : users) {
      b.node(u.id(), u.manager().orElse(null), null);
    }
    return b.build();
  }
}

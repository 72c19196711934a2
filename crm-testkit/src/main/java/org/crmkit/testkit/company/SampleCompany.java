package org.crmkit.testkit.company;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.OrgUnit;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLine;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.Territory;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;

/**
 * A generated sample company: its records and the hierarchies built from them. Immutable; the
 * lists are unmodifiable. Create one with {@link SampleCompanyGenerator}.
 *
 * @param territories global → regions → countries → cities
 * @param territoryHierarchy the territories as a checked hierarchy
 * @param orgUnits company → departments → sub-departments
 * @param orgHierarchy the organisation as a hierarchy
 * @param users employees, each with a role, unit, manager and (for sales) territories
 * @param productLines top-level lines and their sub-lines
 * @param productLineHierarchy the product lines as a hierarchy
 * @param customers organisations (some in group companies) and individuals
 * @param accountHierarchy parent companies and subsidiaries
 * @param transactions purchases (and a few returns) in date order
 * @param preferredLine each customer's most-bought product line
 * @param periodStart the first day of the transaction period
 * @param periodEnd the last day of the transaction period
 */
public record SampleCompany(
    List<Territory> territories,
    Hierarchy<TerritoryId> territoryHierarchy,
    List<OrgUnit> orgUnits,
    Hierarchy<OrgUnitId> orgHierarchy,
    List<User> users,
    List<ProductLine> productLines,
    Hierarchy<ProductLineId> productLineHierarchy,
    List<Customer> customers,
    Hierarchy<CustomerId> accountHierarchy,
    List<Transaction> transactions,
    Map<CustomerId, ProductLineId> preferredLine,
    LocalDate periodStart,
    LocalDate periodEnd) {

  /** Finds a user by id. */
  public User user(UserId id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst()
        .orElseThrow(() -> new org.crmkit.core.CrmException("unknown user '" + id + "'"));
  }
}

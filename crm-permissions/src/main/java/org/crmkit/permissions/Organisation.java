package org.crmkit.permissions;

import java.util.List;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;

/**
 * The organisation a policy is compiled against: the org-unit tree, the territory tree and the
 * user directory (whose managers form the management hierarchy). Immutable.
 *
 * @param orgUnits the org units (departments, sub-departments, teams)
 * @param territories the territories (may be empty)
 * @param users the user directory; ids unique, managers and org units must exist
 */
public record Organisation(
    Hierarchy<OrgUnitId> orgUnits, Hierarchy<TerritoryId> territories, List<User> users) {

  /**
   * Creates the organisation.
   *
   * @throws org.crmkit.core.CrmException if an argument is null
   */
  public Organisation {
    Checks.present("Organisation.orgUnits", orgUnits);
    Checks.present("Organisation.territories", territories);
    users = List.copyOf(Checks.present("Organisation.users", users));
  }

  /** An organisation without territories. */
  public static Organisation of(Hierarchy<OrgUnitId> orgUnits, List<User> users) {
    return new Organisation(orgUnits, Hierarchy.<TerritoryId>builder().build(), users);
  }
}

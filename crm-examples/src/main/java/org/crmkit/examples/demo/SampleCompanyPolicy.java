package org.crmkit.examples.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.model.Customer;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.AdminPrivilege;
import org.crmkit.permissions.Condition;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.Scope;
import org.crmkit.testkit.company.SampleCompany;

/**
 * The access policy of the sample company, following the documented rollout steps: roles and
 * their data scopes, then sharing and security.
 *
 * <ul>
 *   <li>{@code admin} may do everything and holds every administrative privilege;
 *   <li>{@code sales-director}: every customer (read, update, assign, export);
 *   <li>{@code sales-manager}: customers of their sub-department and below (read, update,
 *       assign), and, through the management chain, whatever their reps may do;
 *   <li>{@code sales-rep}: their own customers (read, update, create) and reading the customers
 *       of their territories; never export;
 *   <li>{@code service-agent}: read every customer; update those with custom needs (a
 *       criteria-based sharing rule);
 *   <li>{@code marketing}: read customers who came from events (criteria-based sharing).
 * </ul>
 *
 * Role tree: admin → sales-director → sales-manager → sales-rep; admin → service-agent, marketing
 * (a parent role inherits its children's grants).
 */
public final class SampleCompanyPolicy {
  private SampleCompanyPolicy() {}

  /** The compiled policy for {@code company}. */
  public static AccessPolicy of(SampleCompany company) {
    AccessPolicy.Builder b = AccessPolicy.builder()
        .organisation(new Organisation(company.orgHierarchy(), company.territoryHierarchy(),
            company.users()))
        .role("admin")
        .role("sales-director", "admin")
        .role("sales-manager", "sales-director")
        .role("sales-rep", "sales-manager")
        .role("service-agent", "admin")
        .role("marketing", "admin")
        .privileges("admin", AdminPrivilege.values())
        .grant("sales-rep", ObjectType.CUSTOMER, Scope.OWN, Action.READ, Action.UPDATE, Action.CREATE)
        .grant("sales-rep", ObjectType.CUSTOMER, Scope.TERRITORY, Action.READ)
        .grant("sales-manager", ObjectType.CUSTOMER, Scope.ORG_UNIT_AND_BELOW,
            Action.READ, Action.UPDATE, Action.ASSIGN)
        .grant("sales-director", ObjectType.CUSTOMER, Scope.ALL,
            Action.READ, Action.UPDATE, Action.ASSIGN, Action.EXPORT)
        .grant("service-agent", ObjectType.CUSTOMER, Scope.ALL, Action.READ)
        .grant("admin", ObjectType.CUSTOMER, Scope.ALL, Action.values())
        .hierarchyAccess(ObjectType.CUSTOMER)
        .shareWhen("custom-needs-to-service", List.of(Condition.in("needs", "custom")),
            Group.role("service-agent"), Set.of(ObjectType.CUSTOMER), Action.UPDATE)
        .shareWhen("event-leads-to-marketing", List.of(Condition.in("source", "event")),
            Group.role("marketing"), Set.of(ObjectType.CUSTOMER), Action.READ)
        .deny("reps-never-export", Group.role("sales-rep"), Set.of(ObjectType.CUSTOMER),
            Set.of(Action.EXPORT), List.of());
    return b.build();
  }

  /** The access snapshot of a customer record: owner, unit, territory and the shared attributes. */
  public static AccessRecord record(Customer c) {
    Map<String, String> attributes = new HashMap<>();
    c.industry().ifPresent(i -> attributes.put("industry", i));
    for (String a : List.of("needs", "source")) {
      if (c.attributes().containsKey(a)) {
        attributes.put(a, c.attributes().get(a));
      }
    }
    AccessRecord.Builder r = AccessRecord.builder().id(c.id().value()).type(ObjectType.CUSTOMER)
        .owner(c.owner().orElseThrow(() -> new org.crmkit.core.CrmException(
            "customer '" + c.id() + "' has no owner; every record needs one for access checks")))
        .orgUnit(c.orgUnit().orElseThrow(() -> new org.crmkit.core.CrmException(
            "customer '" + c.id() + "' has no org unit")))
        .putAllAttributes(attributes);
    c.territory().ifPresent(r::territory);
    return r.build();
  }
}

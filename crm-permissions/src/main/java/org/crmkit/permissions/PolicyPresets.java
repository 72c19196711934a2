package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.OrgUnitId;

/**
 * Starting points by company size: builders pre-filled with roles, grants, modules and
 * allocations, to which the host adds its {@link Organisation} (and any further rules) before
 * {@link AccessPolicy.Builder#build()}. Stateless and thread-safe.
 */
public final class PolicyPresets {
  private static final Action[] EDIT = {Action.CREATE, Action.READ, Action.UPDATE};

  private PolicyPresets() {}

  /**
   * A small business: role {@code admin} (every privilege, every action on every record, every
   * module) above {@code sales} (customers, contacts and the sales objects they own; reads every
   * customer; marketing campaigns) and {@code service} (reads every customer and contact, works
   * the cases of its org unit). Standard modules; hierarchy access on for customers, opportunities
   * and cases.
   *
   * <pre>{@code
   * AccessPolicy policy = PolicyPresets.smallBusiness().organisation(org).build();
   * }</pre>
   */
  public static AccessPolicy.Builder smallBusiness() {
    AccessPolicy.Builder b = AccessPolicy.builder().standardModules()
        .role("admin").role("sales", "admin").role("service", "admin")
        .privileges("admin", AdminPrivilege.values());
    for (List<ObjectType> types : Module.standardCoverage().values()) {
      for (ObjectType t : types) {
        b.grant("admin", t, Scope.ALL, Action.values());
      }
    }
    for (ObjectType t : List.of(ObjectType.CUSTOMER, ObjectType.CONTACT, ObjectType.LEAD,
        ObjectType.OPPORTUNITY, ObjectType.QUOTE, ObjectType.CONTRACT)) {
      b.grant("sales", t, Scope.OWN, Action.CREATE, Action.READ, Action.UPDATE, Action.DELETE,
          Action.SHARE);
    }
    b.grant("sales", ObjectType.CUSTOMER, Scope.ALL, Action.READ)
        .grant("sales", ObjectType.CAMPAIGN, Scope.ALL, Action.READ)
        .grant("service", ObjectType.CUSTOMER, Scope.ALL, Action.READ)
        .grant("service", ObjectType.CONTACT, Scope.ALL, Action.READ)
        .grant("service", ObjectType.CASE, Scope.ORG_UNIT, Action.CREATE, Action.READ,
            Action.UPDATE, Action.ASSIGN)
        .allocateToRole("admin", Module.CUSTOMER_MANAGEMENT, Module.SALES_MANAGEMENT,
            Module.MARKETING, Module.SERVICE_MANAGEMENT, Module.ANALYTICS)
        .allocateToRole("sales", Module.CUSTOMER_MANAGEMENT, Module.SALES_MANAGEMENT,
            Module.MARKETING)
        .allocateToRole("service", Module.CUSTOMER_MANAGEMENT, Module.SERVICE_MANAGEMENT)
        .hierarchyAccess(ObjectType.CUSTOMER, ObjectType.OPPORTUNITY, ObjectType.CASE);
    return b;
  }

  /**
   * An enterprise with departments and sub-departments and an independent permission set per
   * department. For every unit {@code u} below the roots of {@code orgUnits}: role {@code
   * manager@u} (below the parent unit's manager role, or below {@code admin}) with every action
   * but delete at scope org-unit-and-below on the object types of the unit's department modules,
   * and role {@code member@u} (below {@code manager@u}) creating, reading and updating its own
   * records of those types. {@code admin} holds every privilege and every action on every
   * record. Each department (a child of a root) is allocated the modules of {@code
   * departmentModules} (a department not listed gets all five standard modules, one listed with
   * none gets none), which its
   * sub-departments inherit. Hierarchy access is on for every standard type.
   *
   * @throws org.crmkit.core.CrmException if an argument is null
   */
  public static AccessPolicy.Builder enterprise(Hierarchy<OrgUnitId> orgUnits,
      Map<OrgUnitId, Set<Module>> departmentModules) {
    Checks.present("orgUnits", orgUnits);
    Checks.present("departmentModules", departmentModules);
    Set<Module> all = Module.standardCoverage().keySet();
    AccessPolicy.Builder b = AccessPolicy.builder().standardModules().role("admin")
        .privileges("admin", AdminPrivilege.values())
        .allocateToRole("admin", all.toArray(new Module[0]));
    List<ObjectType> allTypes = new ArrayList<>();
    Module.standardCoverage().values().forEach(allTypes::addAll);
    for (ObjectType t : allTypes) {
      b.grant("admin", t, Scope.ALL, Action.values());
    }
    Action[] managerActions = EnumSet.complementOf(EnumSet.of(Action.DELETE)).toArray(new Action[0]);
    for (OrgUnitId u : orgUnits.nodes()) {
      if (orgUnits.depth(u) == 0) {
        continue;
      }
      OrgUnitId department = u;
      while (orgUnits.depth(department) > 1) {
        department = orgUnits.parent(department).orElseThrow();
      }
      Set<Module> modules = departmentModules.getOrDefault(department, all);
      OrgUnitId parent = orgUnits.parent(u).orElseThrow();
      String manager = "manager@" + u;
      b.role(manager, orgUnits.depth(parent) == 0 ? "admin" : "manager@" + parent)
          .role("member@" + u, manager);
      if (u.equals(department) && !modules.isEmpty()) {
        b.allocateToOrgUnit(u.value(), modules.toArray(new Module[0]));
      }
      for (Module m : modules) {
        for (ObjectType t : Module.standardCoverage().getOrDefault(m, List.of())) {
          b.grant(manager, t, Scope.ORG_UNIT_AND_BELOW, managerActions)
              .grant("member@" + u, t, Scope.OWN, EDIT);
        }
      }
    }
    return b.hierarchyAccess(allTypes.toArray(new ObjectType[0]));
  }
}

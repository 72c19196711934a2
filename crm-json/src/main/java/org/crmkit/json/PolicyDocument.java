package org.crmkit.json;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.AdminPrivilege;
import org.crmkit.permissions.Condition;
import org.crmkit.permissions.FieldAccess;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.Module;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.Scope;
import org.jspecify.annotations.Nullable;

/**
 * A policy document's definitions as written ({@code "format": "crmkit.policy/1"}), before they
 * are compiled against an organisation: what {@link PolicyJson#DOCUMENT} reads and writes.
 * Immutable; lists keep document order. An empty {@code objectTypes} or {@code actions} list of a
 * sharing rule or deny means all (the field is left out of the document).
 *
 * <pre>{@code
 * PolicyDocument doc = PolicyJson.DOCUMENT.read(Path.of("policy.json"));
 * AccessPolicy policy = doc.compile(organisation);
 * }</pre>
 *
 * @param standardModules whether the standard modules are declared
 * @param objectTypes custom object types
 * @param modules custom modules
 * @param roles roles with their parents and admin privileges
 * @param grants role grants
 * @param fields field-level access
 * @param allocations module allocations
 * @param hierarchyAccess object types readable up the manager chain
 * @param recordTeams object types whose record teams get access
 * @param sharingRules owner- and criteria-based sharing rules
 * @param denies deny rules
 * @param manualShares manual shares of single records
 */
public record PolicyDocument(boolean standardModules, List<ObjectType> objectTypes,
    List<ModuleDef> modules, List<Role> roles, List<Grant> grants, List<FieldRule> fields,
    List<Allocation> allocations, List<ObjectType> hierarchyAccess, List<RecordTeam> recordTeams,
    List<SharingRule> sharingRules, List<Deny> denies, List<ManualShare> manualShares) {

  /** Copies the lists. */
  public PolicyDocument {
    objectTypes = List.copyOf(objectTypes);
    modules = List.copyOf(modules);
    roles = List.copyOf(roles);
    grants = List.copyOf(grants);
    fields = List.copyOf(fields);
    allocations = List.copyOf(allocations);
    hierarchyAccess = List.copyOf(hierarchyAccess);
    recordTeams = List.copyOf(recordTeams);
    sharingRules = List.copyOf(sharingRules);
    denies = List.copyOf(denies);
    manualShares = List.copyOf(manualShares);
  }

  /**
   * A custom module.
   *
   * @param id its id
   * @param objectTypes the object types it covers
   */
  public record ModuleDef(Module id, List<ObjectType> objectTypes) {
    /** Copies the list. */
    public ModuleDef {
      objectTypes = List.copyOf(objectTypes);
    }
  }

  /**
   * A role.
   *
   * @param id its id
   * @param parent its parent role, if any
   * @param privileges its admin privileges
   */
  public record Role(String id, @Nullable String parent, List<AdminPrivilege> privileges) {
    /** Copies the list. */
    public Role {
      privileges = List.copyOf(privileges);
    }
  }

  /**
   * A grant.
   *
   * @param role the role
   * @param objectType the object type
   * @param scope the data scope
   * @param actions the actions, at least one
   */
  public record Grant(String role, ObjectType objectType, Scope scope, List<Action> actions) {
    /** Copies the list. */
    public Grant {
      actions = List.copyOf(actions);
    }
  }

  /**
   * Field-level access.
   *
   * @param role the role
   * @param objectType the object type
   * @param field the field
   * @param access the access
   */
  public record FieldRule(String role, ObjectType objectType, String field, FieldAccess access) {}

  /**
   * A module allocation to exactly one of a role or an org unit.
   *
   * @param role the role, or null
   * @param orgUnit the org unit, or null
   * @param modules the modules
   */
  public record Allocation(@Nullable String role, @Nullable String orgUnit, List<Module> modules) {
    /**
     * Copies the list.
     *
     * @throws CrmException unless exactly one of {@code role} and {@code orgUnit} is given
     */
    public Allocation {
      if ((role == null) == (orgUnit == null)) {
        throw new CrmException("expected exactly one of 'role' and 'orgUnit'");
      }
      modules = List.copyOf(modules);
    }
  }

  /**
   * Record-team access.
   *
   * @param objectType the object type
   * @param actions the actions
   */
  public record RecordTeam(ObjectType objectType, List<Action> actions) {
    /** Copies the list. */
    public RecordTeam {
      actions = List.copyOf(actions);
    }
  }

  /**
   * A sharing rule, owner-based ({@code ownedBy}) or criteria-based ({@code when}), exactly one.
   *
   * @param id the rule id
   * @param ownedBy the owners whose records are shared, or null
   * @param when the record conditions (all must hold), or empty
   * @param sharedWith who gets access
   * @param objectTypes the object types (empty: all)
   * @param actions the actions, at least one
   */
  public record SharingRule(String id, @Nullable Group ownedBy, List<Condition> when,
      Group sharedWith, List<ObjectType> objectTypes, List<Action> actions) {
    /**
     * Copies the lists.
     *
     * @throws CrmException unless exactly one of {@code ownedBy} and a non-empty {@code when}
     */
    public SharingRule {
      if ((ownedBy == null) == when.isEmpty()) {
        throw new CrmException("expected exactly one of 'ownedBy' (owner-based) and 'when'"
            + " (criteria-based)");
      }
      when = List.copyOf(when);
      objectTypes = List.copyOf(objectTypes);
      actions = List.copyOf(actions);
    }
  }

  /**
   * A deny rule.
   *
   * @param id the rule id
   * @param who whom it denies
   * @param objectTypes the object types (empty: all)
   * @param actions the actions (empty: all)
   * @param when the record conditions (empty: every record)
   */
  public record Deny(String id, Group who, List<ObjectType> objectTypes, List<Action> actions,
      List<Condition> when) {
    /** Copies the lists. */
    public Deny {
      objectTypes = List.copyOf(objectTypes);
      actions = List.copyOf(actions);
      when = List.copyOf(when);
    }
  }

  /**
   * A manual share.
   *
   * @param objectType the object type
   * @param record the record id
   * @param with who gets access
   * @param actions the actions
   */
  public record ManualShare(ObjectType objectType, String record, Group with,
      List<Action> actions) {
    /** Copies the list. */
    public ManualShare {
      actions = List.copyOf(actions);
    }
  }

  /**
   * Compiles these definitions against {@code organisation}.
   *
   * @throws InvalidDefinitionException listing every dangling reference found by {@link
   *     AccessPolicy.Builder#build()} (unknown roles, org units, users, modules), each at the path
   *     of its declaration in the document ({@code $.grants[2].role})
   */
  public AccessPolicy compile(Organisation organisation) {
    try {
      return builder().organisation(Objects.requireNonNull(organisation, "organisation")).build();
    } catch (InvalidDefinitionException e) {
      throw e.relocated(PolicyJson.ROOT.name(), p -> p.startsWith("organisation") ? p
          : p.prefixedBy(In.ROOT));
    }
  }

  /** A new policy builder holding these definitions (add an organisation, then build). */
  public AccessPolicy.Builder builder() {
    AccessPolicy.Builder b = AccessPolicy.builder();
    objectTypes.forEach(b::objectType);
    modules.forEach(m -> b.module(m.id(), m.objectTypes().toArray(new ObjectType[0])));
    if (standardModules) {
      b.standardModules();
    }
    for (Role r : roles) {
      b.role(r.id(), r.parent());
      if (!r.privileges().isEmpty()) {
        b.privileges(r.id(), r.privileges().toArray(new AdminPrivilege[0]));
      }
    }
    grants.forEach(g -> b.grant(g.role(), g.objectType(), g.scope(), actions(g.actions())));
    fields.forEach(f -> b.field(f.role(), f.objectType(), f.field(), f.access()));
    for (Allocation a : allocations) {
      Module[] mods = a.modules().toArray(new Module[0]);
      if (a.role() != null) {
        b.allocateToRole(a.role(), mods);
      } else {
        b.allocateToOrgUnit(Objects.requireNonNull(a.orgUnit()), mods);
      }
    }
    b.hierarchyAccess(hierarchyAccess.toArray(new ObjectType[0]));
    recordTeams.forEach(t -> b.recordTeams(t.objectType(), actions(t.actions())));
    for (SharingRule r : sharingRules) {
      if (r.ownedBy() != null) {
        b.shareOwnedBy(r.id(), r.ownedBy(), r.sharedWith(), set(r.objectTypes()),
            actions(r.actions()));
      } else {
        b.shareWhen(r.id(), r.when(), r.sharedWith(), set(r.objectTypes()), actions(r.actions()));
      }
    }
    denies.forEach(d -> b.deny(d.id(), d.who(), set(d.objectTypes()),
        d.actions().isEmpty() ? Set.of() : EnumSet.copyOf(d.actions()), d.when()));
    manualShares.forEach(s -> b.manualShare(s.objectType(), s.record(), s.with(),
        actions(s.actions())));
    return b;
  }

  private static Action[] actions(List<Action> actions) {
    return actions.toArray(new Action[0]);
  }

  private static Set<ObjectType> set(List<ObjectType> types) {
    return new LinkedHashSet<>(types);
  }
}

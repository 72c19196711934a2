package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A policy's definitions as declared, before they are compiled against an {@link Organisation}:
 * what an {@link AccessPolicy.Builder} collects, what {@link AccessPolicy#definitions()} returns,
 * and what a policy document ({@code "format": "crmkit.policy/1"}, read and written by {@code
 * org.crmkit.json.PolicyJson}) holds. Each component is named like the document's field.
 *
 * <p>Immutable and thread-safe; equal when every component is equal. Lists keep declaration
 * order (problem paths such as {@code grants[2].role} index them); sets of actions, privileges
 * and object types are unordered. An empty {@code objectTypes} of a sharing rule or deny, or an
 * empty {@code actions} of a deny, means all.
 *
 * <pre>{@code
 * PolicyDefinitions defs = PolicyPresets.smallBusiness().definitions();
 * AccessPolicy policy = defs.compile(organisation);   // builder(defs).organisation(o).build()
 * policy.definitions().equals(defs);                    // true
 * }</pre>
 *
 * @param standardModules whether the five standard modules ({@link Module#standardCoverage()})
 *     are declared; they are expanded when the policy is compiled
 * @param objectTypes the custom object types: those declared (a standard type may be declared
 *     too), then every type beyond {@link ObjectType#STANDARD} that another definition names,
 *     which is added here, because a policy document must declare its custom types
 * @param modules custom modules, in declaration order
 * @param roles roles with their parents and admin privileges, in declaration order
 * @param grants role grants, in declaration order
 * @param fields field-level access rules, in declaration order
 * @param allocations module allocations, in declaration order
 * @param hierarchyAccess object types readable up the manager chain
 * @param recordTeams object types whose record teams get access, in declaration order
 * @param sharingRules owner- and criteria-based sharing rules, in declaration order
 * @param denies deny rules, in declaration order
 * @param manualShares manual shares of single records, in declaration order
 */
public record PolicyDefinitions(boolean standardModules, Set<ObjectType> objectTypes,
    List<ModuleDef> modules, List<Role> roles, List<Grant> grants, List<FieldRule> fields,
    List<Allocation> allocations, Set<ObjectType> hierarchyAccess, List<RecordTeam> recordTeams,
    List<SharingRule> sharingRules, List<Deny> denies, List<ManualShare> manualShares) {

  /**
   * Creates the definitions, copying every collection and adding to {@code objectTypes} every
   * custom type that another definition names.
   *
   * @throws CrmException if a collection or an element is null
   */
  public PolicyDefinitions {
    modules = List.copyOf(Checks.present("modules", modules));
    roles = List.copyOf(Checks.present("roles", roles));
    grants = List.copyOf(Checks.present("grants", grants));
    fields = List.copyOf(Checks.present("fields", fields));
    allocations = List.copyOf(Checks.present("allocations", allocations));
    hierarchyAccess = types("hierarchyAccess", hierarchyAccess);
    recordTeams = List.copyOf(Checks.present("recordTeams", recordTeams));
    sharingRules = List.copyOf(Checks.present("sharingRules", sharingRules));
    denies = List.copyOf(Checks.present("denies", denies));
    manualShares = List.copyOf(Checks.present("manualShares", manualShares));
    Set<ObjectType> custom = new LinkedHashSet<>(types("objectTypes", objectTypes));
    List<ObjectType> named = new ArrayList<>();
    modules.forEach(m -> named.addAll(m.objectTypes()));
    grants.forEach(g -> named.add(g.objectType()));
    fields.forEach(f -> named.add(f.objectType()));
    named.addAll(hierarchyAccess);
    recordTeams.forEach(t -> named.add(t.objectType()));
    sharingRules.forEach(r -> named.addAll(r.objectTypes()));
    denies.forEach(r -> named.addAll(r.objectTypes()));
    manualShares.forEach(m -> named.add(m.objectType()));
    for (ObjectType t : named) {
      if (!ObjectType.STANDARD.contains(t)) {
        custom.add(t);
      }
    }
    objectTypes = Collections.unmodifiableSet(custom);
  }

  /**
   * Compiles these definitions against {@code organisation}: {@code
   * AccessPolicy.builder(this).organisation(organisation).build()}.
   *
   * @throws InvalidDefinitionException listing every problem {@link AccessPolicy.Builder#build()}
   *     finds, at the paths of these definitions ({@code grants[2].role}) or of the organisation
   *     ({@code organisation.users[0].roles})
   * @throws CrmException if {@code organisation} is null
   */
  public AccessPolicy compile(Organisation organisation) {
    return AccessPolicy.builder(this).organisation(organisation).build();
  }

  /**
   * A custom module and the object types it covers.
   *
   * @param id the module
   * @param objectTypes the object types it covers, in declaration order
   */
  public record ModuleDef(Module id, List<ObjectType> objectTypes) {
    /**
     * Creates the module definition, copying the list.
     *
     * @throws CrmException if an argument or an element is null
     */
    public ModuleDef {
      Checks.present("id", id);
      objectTypes = List.copyOf(Checks.present("objectTypes", objectTypes));
    }
  }

  /**
   * A role: a node of the role hierarchy (a parent role inherits its child roles' grants) with its
   * administrative privileges.
   *
   * @param id the role id
   * @param parent the parent role's id, or null for a top-level role
   * @param privileges the role's admin privileges (empty: none)
   */
  public record Role(String id, @Nullable String parent, Set<AdminPrivilege> privileges) {
    /**
     * Creates the role, copying the set.
     *
     * @throws CrmException if {@code id}, {@code privileges} or a privilege is null
     */
    public Role {
      Checks.present("id", id);
      privileges = Set.copyOf(Checks.present("privileges", privileges));
    }
  }

  /**
   * A grant of actions on an object type at a data scope to a role.
   *
   * @param role the role id
   * @param objectType the object type
   * @param scope the data scope
   * @param actions the actions; {@link AccessPolicy.Builder#build()} requires at least one
   */
  public record Grant(String role, ObjectType objectType, Scope scope, Set<Action> actions) {
    /**
     * Creates the grant, copying the set.
     *
     * @throws CrmException if an argument or an action is null
     */
    public Grant {
      Checks.present("role", role);
      Checks.present("objectType", objectType);
      Checks.present("scope", scope);
      actions = Set.copyOf(Checks.present("actions", actions));
    }
  }

  /**
   * Field-level access of a role to one field of an object type.
   *
   * @param role the role id
   * @param objectType the object type
   * @param field the field name
   * @param access the access
   */
  public record FieldRule(String role, ObjectType objectType, String field, FieldAccess access) {
    /**
     * Creates the rule.
     *
     * @throws CrmException if an argument is null
     */
    public FieldRule {
      Checks.present("role", role);
      Checks.present("objectType", objectType);
      Checks.present("field", field);
      Checks.present("access", access);
    }
  }

  /**
   * An allocation of modules to exactly one of a role (and the roles above it) or an org unit
   * (and the units below it).
   *
   * @param role the role id, or null
   * @param orgUnit the org unit id, or null
   * @param modules the modules, in declaration order
   */
  public record Allocation(@Nullable String role, @Nullable String orgUnit, List<Module> modules) {
    /**
     * Creates the allocation, copying the list.
     *
     * @throws CrmException unless exactly one of {@code role} and {@code orgUnit} is given, or if
     *     {@code modules} or a module is null
     */
    public Allocation {
      if ((role == null) == (orgUnit == null)) {
        throw new CrmException("expected exactly one of 'role' and 'orgUnit'");
      }
      modules = List.copyOf(Checks.present("modules", modules));
    }
  }

  /**
   * Record-team access: the members of a record's team may perform the actions on records of the
   * object type.
   *
   * @param objectType the object type
   * @param actions the actions
   */
  public record RecordTeam(ObjectType objectType, Set<Action> actions) {
    /**
     * Creates the record-team access, copying the set.
     *
     * @throws CrmException if an argument or an action is null
     */
    public RecordTeam {
      Checks.present("objectType", objectType);
      actions = Set.copyOf(Checks.present("actions", actions));
    }
  }

  /**
   * A sharing rule, owner-based ({@code ownedBy}: records owned by a member of the group) or
   * criteria-based ({@code when}: records matching every condition), exactly one; the records
   * are shared with {@code sharedWith} for {@code actions}.
   *
   * @param id the rule id, unique among sharing rules and denies
   * @param ownedBy the owners whose records are shared, or null
   * @param when the record conditions (all must hold), or empty
   * @param sharedWith who gets access
   * @param objectTypes the object types (empty: all)
   * @param actions the actions; {@link AccessPolicy.Builder#build()} requires at least one
   */
  public record SharingRule(String id, @Nullable Group ownedBy, List<Condition> when,
      Group sharedWith, Set<ObjectType> objectTypes, Set<Action> actions) {
    /**
     * Creates the rule, copying the collections.
     *
     * @throws CrmException unless exactly one of {@code ownedBy} and a non-empty {@code when} is
     *     given, or if another argument or an element is null
     */
    @SuppressWarnings("ReferenceEquality")
    public SharingRule {
      Checks.present("id", id);
      // NO_CONDITIONS: a builder's shareWhen without conditions, which build() reports
      if (when != NO_CONDITIONS && (ownedBy == null) == Checks.present("when", when).isEmpty()) {
        throw new CrmException("expected exactly one of 'ownedBy' (owner-based) and 'when'"
            + " (criteria-based)");
      }
      when = List.copyOf(when);
      Checks.present("sharedWith", sharedWith);
      objectTypes = types("objectTypes", objectTypes);
      actions = Set.copyOf(Checks.present("actions", actions));
    }

    /**
     * An empty list that only {@link AccessPolicy.Builder#shareWhen} passes, for a criteria-based
     * rule declared without conditions: its problem is reported with the others by {@code
     * build()}, at the rule's path, rather than thrown at the call.
     */
    static final List<Condition> NO_CONDITIONS = Collections.unmodifiableList(new ArrayList<>());

    boolean appliesTo(ObjectType t, Action a) {
      return (objectTypes.isEmpty() || objectTypes.contains(t)) && actions.contains(a);
    }
  }

  /**
   * A deny rule: the members of {@code who} may not perform {@code actions} on records of {@code
   * objectTypes} that match every condition of {@code when}; it overrides every grant.
   *
   * @param id the rule id, unique among sharing rules and denies
   * @param who whom it denies
   * @param objectTypes the object types (empty: all)
   * @param actions the actions (empty: all)
   * @param when the record conditions (empty: every record)
   */
  public record Deny(String id, Group who, Set<ObjectType> objectTypes, Set<Action> actions,
      List<Condition> when) {
    /**
     * Creates the rule, copying the collections.
     *
     * @throws CrmException if an argument or an element is null
     */
    public Deny {
      Checks.present("id", id);
      Checks.present("who", who);
      objectTypes = types("objectTypes", objectTypes);
      actions = Set.copyOf(Checks.present("actions", actions));
      when = List.copyOf(Checks.present("when", when));
    }

    boolean appliesTo(ObjectType t, Action a) {
      return (objectTypes.isEmpty() || objectTypes.contains(t))
          && (actions.isEmpty() || actions.contains(a));
    }
  }

  /**
   * A manual share of one record with a group.
   *
   * @param objectType the record's object type
   * @param record the record id
   * @param with who gets access
   * @param actions the actions; {@link AccessPolicy.Builder#build()} requires at least one
   */
  public record ManualShare(ObjectType objectType, String record, Group with,
      Set<Action> actions) {
    /**
     * Creates the share, copying the set.
     *
     * @throws CrmException if an argument or an action is null
     */
    public ManualShare {
      Checks.present("objectType", objectType);
      Checks.present("record", record);
      Checks.present("with", with);
      actions = Set.copyOf(Checks.present("actions", actions));
    }
  }

  /**
   * An unmodifiable copy of a set of object types that keeps its iteration order, so that a
   * compiled policy numbers the types the same way on every run.
   */
  private static Set<ObjectType> types(String field, Collection<ObjectType> types) {
    Set<ObjectType> copy = new LinkedHashSet<>(Checks.present(field, types));
    copy.forEach(t -> Checks.present(field + " element", t));
    return Collections.unmodifiableSet(copy);
  }
}

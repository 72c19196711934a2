package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A compiled access policy: roles in a hierarchy with grants per (object type, action) at a data
 * scope, module allocation, manager hierarchy access, sharing rules, record teams, manual shares,
 * explicit denies and field-level security, compiled against an {@link Organisation}.
 *
 * <p><b>Semantics.</b> {@code check(user, action, record)} allows when, in this order: the user is
 * active; the record's object type is not in a module, or one of its modules is allocated to one
 * of the user's roles (or roles below them) or to the user's org unit or a unit above it; no deny
 * rule naming the user matches (a deny overrides every grant); and at least one of: a grant of one
 * of the user's roles — or of any role below them in the role hierarchy (a parent role inherits
 * its child roles' grants) — reaches the record at its scope; a sharing rule shares it with the
 * user; the user is on the record team; a manual share names the user; or, with hierarchy access
 * on for the type, the record's owner reports (directly or not) to the user and the owner's own
 * grants and shares allow the action. Several roles: the widest grant wins.
 *
 * <p>Immutable and thread-safe. {@link #check} and {@link #isAllowed} are O(rules that name the
 * user) with a few hash lookups and do not allocate except the decision object, for a user equal
 * to one of the organisation's directory (precompiled at build); any other {@code User} value —
 * e.g. with roles the directory does not have — is compiled per call, O(types × actions + rules).
 *
 * <pre>{@code
 * AccessPolicy policy = AccessPolicy.builder()
 *     .organisation(org)
 *     .role("manager").role("rep", "manager")
 *     .grant("rep", ObjectType.CUSTOMER, Scope.OWN, Action.READ, Action.UPDATE)
 *     .build();
 * policy.check(bob, Action.READ, acme).allowed();
 * }</pre>
 */
public final class AccessPolicy {
  final Compiled c;

  private AccessPolicy(Compiled compiled) {
    this.c = compiled;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The organisation this policy was compiled against. */
  public Organisation organisation() {
    return c.org;
  }

  /**
   * Decides whether {@code user} may perform {@code action} on {@code record}; the decision
   * explains itself on demand ({@link AccessDecision#explain()}).
   *
   * @throws CrmException if an argument is null
   */
  public AccessDecision check(User user, Action action, AccessRecord record) {
    return new AccessDecision(this, user, action, record, isAllowed(user, action, record));
  }

  /**
   * Whether {@code user} may perform {@code action} on {@code record}: {@link #check} without the
   * decision object.
   *
   * @throws CrmException if an argument is null
   */
  public boolean isAllowed(User user, Action action, AccessRecord record) {
    Checks.present("action", action);
    Checks.present("record", record);
    return c.allowed(c.subject(Checks.present("user", user)), action.ordinal(), record);
  }

  /**
   * From this many records {@link #filter} decides by a {@link FilterPlan} (owner and unit
   * positions) where the rules allow, which costs O(types) to prepare.
   */
  static final int PLAN_THRESHOLD = 32;

  /** Below this many records {@link #filter} runs on the calling thread only. */
  static final int PARALLEL_THRESHOLD = 1 << 16;

  /**
   * The records {@code user} may perform {@code action} on, in their order; unmodifiable. O(n).
   * A type the user may read entirely, or not at all, costs one type test per record; from 32
   * records, a type whose applicable rules look only at the owner and org unit (own, org unit
   * and org-unit-and-below scopes, owner-based sharing, hierarchy access) is decided from the
   * owner's and the unit's positions in the compiled hierarchies, with no string comparison or
   * hash-map look-up per record; any other record is evaluated as {@link #check} does.
   * A random-access list of at least 65,536 records is evaluated in chunks on the common {@link
   * java.util.concurrent.ForkJoinPool} (the policy is immutable, so this is safe); the result is
   * the same, in the same order, as a sequential evaluation.
   *
   * @throws CrmException if an argument or a record is null
   */
  public List<AccessRecord> filter(User user, Action action, Collection<AccessRecord> records) {
    Checks.present("action", action);
    Checks.present("records", records);
    Subject s = c.subject(Checks.present("user", user));
    int a = action.ordinal();
    byte[] verdicts = c.verdictsByType(s, a);
    FilterPlan plan = records.size() >= PLAN_THRESHOLD ? FilterPlan.of(c, s, a, verdicts) : null;
    if (records.size() >= PARALLEL_THRESHOLD && records instanceof List
        && records instanceof java.util.RandomAccess) {
      List<AccessRecord> list = (List<AccessRecord>) records;
      int n = list.size();
      int chunks = Math.max(2, Math.min(64, n / (PARALLEL_THRESHOLD / 4)));
      // each chunk keeps its allowed records in its own array: one pass over the records, then
      // one copy of the (usually much smaller) result
      Object[][] kept = new Object[chunks][];
      int[] counts = new int[chunks];
      java.util.stream.IntStream.range(0, chunks).parallel().forEach(k -> {
        int from = (int) ((long) n * k / chunks);
        int end = (int) ((long) n * (k + 1) / chunks);
        Object[] mine = new Object[end - from];
        int m = 0;
        for (int i = from; i < end; i++) {
          AccessRecord r = list.get(i);
          if (allowedIn(s, a, verdicts, plan, r)) {
            mine[m++] = r;
          }
        }
        kept[k] = mine;
        counts[k] = m;
      });
      int total = 0;
      for (int m : counts) {
        total += m;
      }
      AccessRecord[] out = new AccessRecord[total];
      int at = 0;
      for (int k = 0; k < chunks; k++) {
        System.arraycopy(kept[k], 0, out, at, counts[k]);
        at += counts[k];
      }
      return java.util.Collections.unmodifiableList(java.util.Arrays.asList(out));
    }
    List<AccessRecord> out = new ArrayList<>();
    for (AccessRecord r : records) {
      if (allowedIn(s, a, verdicts, plan, r)) {
        out.add(r);
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private boolean allowedIn(
      Subject s, int a, byte[] verdicts, @Nullable FilterPlan plan, AccessRecord r) {
    int t = c.typeIndexOf(Checks.present("record", r).type());
    byte v = verdicts[t];
    if (v != Compiled.EVALUATE) {
      return v == Compiled.ALLOW;
    }
    if (plan != null) {
      int d = plan.decide(r, t);
      if (d != FilterPlan.ASK) {
        return d == FilterPlan.YES;
      }
    }
    return c.allowed(s, a, r, t);
  }

  /**
   * A structured predicate that holds for exactly the records of {@code type} that {@code user}
   * may perform {@code action} on, for a host to turn into a query (see {@link
   * AccessPredicate#toSql}). Computed from the organisation: O(users + rules) at worst.
   *
   * @throws CrmException if an argument is null
   */
  public AccessPredicate accessPredicate(User user, Action action, ObjectType type) {
    Checks.present("action", action);
    Checks.present("type", type);
    return Predicates.of(c, c.subject(Checks.present("user", user)), action, type);
  }

  /**
   * The users of the directory who may perform {@code action} on {@code record}, in directory
   * order; unmodifiable. O(users).
   *
   * @throws CrmException if an argument is null
   */
  public List<UserId> whoCan(Action action, AccessRecord record) {
    Checks.present("action", action);
    Checks.present("record", record);
    List<UserId> out = new ArrayList<>();
    for (Subject s : c.directory) {
      if (c.allowed(s, action.ordinal(), record)) {
        out.add(s.id);
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * Whether {@code user} holds {@code privilege} through one of their roles or a role below them.
   *
   * @throws CrmException if an argument is null
   */
  public boolean hasPrivilege(User user, AdminPrivilege privilege) {
    Checks.present("privilege", privilege);
    Subject s = c.subject(Checks.present("user", user));
    return s.active && (s.privileges & (1 << privilege.ordinal())) != 0;
  }

  /**
   * The field-level access of {@code user} to {@code field} of {@code type}: the most permissive
   * over the user's roles, where a role without a rule for the field gives {@link
   * FieldAccess#EDITABLE}. Field rules are not inherited along the role hierarchy.
   *
   * @throws CrmException if an argument is null
   */
  public FieldAccess fieldAccess(User user, ObjectType type, String field) {
    Checks.present("user", user);
    Checks.present("type", type);
    Checks.nonBlank("field", field);
    return c.fieldAccess(user, type, field);
  }

  /**
   * Compares two policies (typically before and after a re-organisation) over every user, record
   * and action: each user is evaluated as each policy's directory knows them (by id), falling
   * back to the given value when a directory lacks them. O(users × records × actions).
   *
   * @return the changes in user, record, action order; unmodifiable
   * @throws CrmException if an argument is null
   */
  public static List<AccessChange> diff(AccessPolicy before, AccessPolicy after,
      Collection<User> users, Collection<AccessRecord> records) {
    Checks.present("before", before);
    Checks.present("after", after);
    List<AccessChange> out = new ArrayList<>();
    for (User u : Checks.present("users", users)) {
      Subject sa = before.c.subjectById(u);
      Subject sb = after.c.subjectById(u);
      for (AccessRecord r : Checks.present("records", records)) {
        for (Action a : Action.values()) {
          boolean was = before.c.allowed(sa, a.ordinal(), r);
          boolean now = after.c.allowed(sb, a.ordinal(), r);
          if (was != now) {
            out.add(new AccessChange(u.id(), r.id(), r.type(), a, now));
          }
        }
      }
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * The definitions this policy was compiled from, as declared (standard modules as a flag,
   * privileges given with {@link Builder#privileges} merged into their roles): {@code
   * builder(policy.definitions()).organisation(policy.organisation()).build()} makes the same
   * decisions, and a JSON writer can write them as a policy document. O(1).
   */
  public PolicyDefinitions definitions() {
    return c.defs;
  }

  /**
   * A new builder holding {@code definitions} (add an organisation, and any further definitions,
   * then {@link Builder#build()}); {@code builder(d).definitions()} equals {@code d}.
   *
   * @throws CrmException if {@code definitions} is null
   */
  public static Builder builder(PolicyDefinitions definitions) {
    PolicyDefinitions d = Checks.present("definitions", definitions);
    Builder b = new Builder();
    b.standardModules = d.standardModules();
    b.objectTypes.addAll(d.objectTypes());
    b.modules.addAll(d.modules());
    b.roles.addAll(d.roles());
    b.grants.addAll(d.grants());
    b.fields.addAll(d.fields());
    b.allocations.addAll(d.allocations());
    b.hierarchyAccess.addAll(d.hierarchyAccess());
    b.recordTeams.addAll(d.recordTeams());
    b.sharingRules.addAll(d.sharingRules());
    b.denies.addAll(d.denies());
    b.manualShares.addAll(d.manualShares());
    return b;
  }

  @Override
  public String toString() {
    return "AccessPolicy{roles=" + c.defs.roles().size() + ", grants=" + c.defs.grants().size()
        + ", sharingRules=" + c.defs.sharingRules().size() + ", denies="
        + c.defs.denies().size() + ", users=" + c.directory.length + "}";
  }

  /**
   * Collects a policy's definitions in the order of the documented rollout steps — requirements
   * (organisation, object types, modules), roles and permissions, module allocation, sharing and
   * security — and compiles them with {@link #build()}, which validates everything at once. Not
   * thread-safe; {@code build()} leaves the builder unchanged, so it can be built again.
   *
   * <p>Role, org-unit and user ids are plain strings here (they are matched against {@code
   * RoleId}, {@code OrgUnitId} and {@code UserId} values). What a builder holds besides the
   * organisation is a {@link PolicyDefinitions} value ({@link #definitions()}).
   */
  public static final class Builder {
    private @Nullable Organisation org;
    private boolean standardModules;
    private final Set<ObjectType> objectTypes = new LinkedHashSet<>();
    private final List<PolicyDefinitions.ModuleDef> modules = new ArrayList<>();
    private final List<PolicyDefinitions.Role> roles = new ArrayList<>();
    /** Each {@link #privileges} call as a role of that id (parent unused); merged by merged(). */
    private final List<PolicyDefinitions.Role> privileges = new ArrayList<>();
    private final List<PolicyDefinitions.Grant> grants = new ArrayList<>();
    private final List<PolicyDefinitions.FieldRule> fields = new ArrayList<>();
    private final List<PolicyDefinitions.Allocation> allocations = new ArrayList<>();
    private final Set<ObjectType> hierarchyAccess = new LinkedHashSet<>();
    private final List<PolicyDefinitions.RecordTeam> recordTeams = new ArrayList<>();
    private final List<PolicyDefinitions.SharingRule> sharingRules = new ArrayList<>();
    private final List<PolicyDefinitions.Deny> denies = new ArrayList<>();
    private final List<PolicyDefinitions.ManualShare> manualShares = new ArrayList<>();

    private Builder() {}

    // ---- step 1: requirements ----

    /** Sets the organisation (org units, territories, user directory); required. */
    public Builder organisation(Organisation organisation) {
      org = Checks.present("organisation", organisation);
      return this;
    }

    /** Declares an object type beyond those that grants and rules mention (optional). */
    public Builder objectType(ObjectType type) {
      objectTypes.add(Checks.present("type", type));
      return this;
    }

    /** Declares that {@code module} covers {@code types}. */
    public Builder module(Module module, ObjectType... types) {
      modules.add(new PolicyDefinitions.ModuleDef(Checks.present("module", module),
          List.of(types)));
      return this;
    }

    /**
     * Declares the five built-in modules with {@link Module#standardCoverage()} (a flag of the
     * definitions, expanded when the policy is compiled; calling it again changes nothing).
     */
    public Builder standardModules() {
      standardModules = true;
      return this;
    }

    // ---- step 2: roles and permissions ----

    /** Declares a top-level role. */
    public Builder role(String id) {
      return role(id, null);
    }

    /** Declares a role below {@code parent} (which inherits this role's grants). */
    public Builder role(String id, @Nullable String parent) {
      roles.add(new PolicyDefinitions.Role(Checks.nonBlank("role", id), parent, Set.of()));
      return this;
    }

    /**
     * Grants administrative privileges to a role declared before or after this call; a privilege
     * named twice counts once. {@link #build()} reports privileges given to an undeclared role.
     */
    public Builder privileges(String role, AdminPrivilege... privileges) {
      this.privileges.add(new PolicyDefinitions.Role(Checks.nonBlank("role", role), null,
          Set.copyOf(java.util.Arrays.asList(privileges))));
      return this;
    }

    /** Grants {@code actions} on {@code type} at {@code scope} to {@code role}. */
    public Builder grant(String role, ObjectType type, Scope scope, Action... actions) {
      grants.add(new PolicyDefinitions.Grant(Checks.nonBlank("role", role),
          Checks.present("type", type), Checks.present("scope", scope), Defs.actions(actions)));
      return this;
    }

    /** Field-level security: {@code access} to {@code field} of {@code type} for {@code role}. */
    public Builder field(String role, ObjectType type, String field, FieldAccess access) {
      fields.add(new PolicyDefinitions.FieldRule(Checks.nonBlank("role", role),
          Checks.present("type", type), Checks.nonBlank("field", field),
          Checks.present("access", access)));
      return this;
    }

    // ---- step 3: module allocation ----

    /** Allocates modules to a role (and, by inheritance, to the roles above it). */
    public Builder allocateToRole(String role, Module... modules) {
      allocations.add(new PolicyDefinitions.Allocation(Checks.nonBlank("role", role), null,
          List.of(modules)));
      return this;
    }

    /** Allocates modules to an org unit and every unit below it. */
    public Builder allocateToOrgUnit(String orgUnit, Module... modules) {
      allocations.add(new PolicyDefinitions.Allocation(null, Checks.nonBlank("orgUnit", orgUnit),
          List.of(modules)));
      return this;
    }

    // ---- step 4: sharing and security ----

    /** Turns on manager hierarchy access for the types ("grant access using hierarchies"). */
    public Builder hierarchyAccess(ObjectType... types) {
      hierarchyAccess.addAll(List.of(types));
      return this;
    }

    /** Members of a record's record team may perform {@code actions} on records of {@code type}. */
    public Builder recordTeams(ObjectType type, Action... actions) {
      recordTeams.add(new PolicyDefinitions.RecordTeam(Checks.present("type", type),
          Defs.actions(actions)));
      return this;
    }

    /**
     * An owner-based sharing rule: records of {@code types} (all types when empty) owned by a
     * member of {@code ownedBy} are shared with {@code sharedWith} for {@code actions}.
     */
    public Builder shareOwnedBy(String id, Group ownedBy, Group sharedWith, Set<ObjectType> types,
        Action... actions) {
      sharingRules.add(new PolicyDefinitions.SharingRule(Checks.nonBlank("id", id),
          Checks.present("ownedBy", ownedBy), List.of(), Checks.present("sharedWith", sharedWith),
          Checks.present("types", types), Defs.actions(actions)));
      return this;
    }

    /**
     * A criteria-based sharing rule: records of {@code types} (all types when empty) matching
     * every condition are shared with {@code sharedWith} for {@code actions}. {@link #build()}
     * and {@link #definitions()} report a rule without conditions.
     */
    public Builder shareWhen(String id, List<Condition> when, Group sharedWith,
        Set<ObjectType> types, Action... actions) {
      sharingRules.add(new PolicyDefinitions.SharingRule(Checks.nonBlank("id", id), null,
          Checks.present("when", when).isEmpty() ? PolicyDefinitions.SharingRule.NO_CONDITIONS
              : when, Checks.present("sharedWith", sharedWith),
          Checks.present("types", types), Defs.actions(actions)));
      return this;
    }

    /**
     * An explicit deny: members of {@code who} may not perform {@code actions} (all when empty) on
     * records of {@code types} (all when empty) matching every condition of {@code when}; it
     * overrides every grant.
     */
    public Builder deny(String id, Group who, Set<ObjectType> types, Set<Action> actions,
        List<Condition> when) {
      denies.add(new PolicyDefinitions.Deny(Checks.nonBlank("id", id), Checks.present("who", who),
          Checks.present("types", types), Checks.present("actions", actions),
          Checks.present("when", when)));
      return this;
    }

    /** A manual share of one record with a group for {@code actions}. */
    public Builder manualShare(ObjectType type, String recordId, Group with, Action... actions) {
      manualShares.add(new PolicyDefinitions.ManualShare(Checks.present("type", type),
          Checks.nonBlank("recordId", recordId), Checks.present("with", with),
          Defs.actions(actions)));
      return this;
    }

    /**
     * The definitions collected so far (everything but the organisation), with the privileges
     * given by {@link #privileges} merged into the roles of the same id; {@code
     * AccessPolicy.builder(b.definitions())} collects the same. O(definitions).
     *
     * <pre>{@code
     * String json = PolicyJson.DOCUMENT.write(PolicyPresets.smallBusiness().definitions());
     * }</pre>
     *
     * @throws InvalidDefinitionException if privileges were given to a role that is not declared,
     *     at {@code privileges[i].role}, or a criteria-based sharing rule has no conditions, at
     *     {@code sharingRules[i].when} (the definitions have no place for either)
     */
    public PolicyDefinitions definitions() {
      List<Problem> problems = new ArrayList<>();
      PolicyDefinitions d = merged(problems);
      for (int i = 0; i < sharingRules.size(); i++) {
        PolicyDefinitions.SharingRule r = sharingRules.get(i);
        if (r.ownedBy() == null && r.when().isEmpty()) {
          problems.add(Compiler.noConditions("sharingRules[" + i + "]"));
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException("access policy", problems);
      }
      return d;
    }

    /** The definitions; privileges of undeclared roles become problems in {@code problems}. */
    private PolicyDefinitions merged(List<Problem> problems) {
      List<PolicyDefinitions.Role> merged = roles;
      if (!privileges.isEmpty()) {
        Map<String, Set<AdminPrivilege>> byRole = new HashMap<>();
        for (int i = 0; i < privileges.size(); i++) {
          PolicyDefinitions.Role p = privileges.get(i);
          byRole.computeIfAbsent(p.id(), k -> EnumSet.noneOf(AdminPrivilege.class))
              .addAll(p.privileges());
        }
        Set<String> declared = new TreeSet<>();
        roles.forEach(r -> declared.add(r.id()));
        for (int i = 0; i < privileges.size(); i++) {
          if (!declared.contains(privileges.get(i).id())) {
            problems.add(Compiler.unknownRole("privileges[" + i + "].role",
                privileges.get(i).id(), declared));
          }
        }
        merged = new ArrayList<>(roles.size());
        for (PolicyDefinitions.Role r : roles) {
          Set<AdminPrivilege> more = byRole.get(r.id());
          if (more == null || r.privileges().containsAll(more)) {
            merged.add(r);
          } else {
            Set<AdminPrivilege> all = EnumSet.copyOf(more);
            all.addAll(r.privileges());
            merged.add(new PolicyDefinitions.Role(r.id(), r.parent(), all));
          }
        }
      }
      return new PolicyDefinitions(standardModules, objectTypes, modules, merged, grants, fields,
          allocations, hierarchyAccess, recordTeams, sharingRules, denies, manualShares);
    }

    /**
     * Validates every definition at once and compiles the policy. O(users × rules + roles ×
     * types).
     *
     * @throws InvalidDefinitionException listing every problem: a missing organisation, unknown
     *     or duplicate roles and role cycles, grants, allocations, rules and field rules naming
     *     unknown roles, org units, users or modules, duplicate rule ids, grants, rules, record
     *     teams and manual shares without actions, allocations without modules, modules without
     *     object types,
     *     users with unknown org units, roles, territories or managers, management cycles
     */
    public AccessPolicy build() {
      List<Problem> privilegeProblems = new ArrayList<>();
      PolicyDefinitions d = merged(privilegeProblems);
      return new AccessPolicy(Compiler.compile(d, org, privilegeProblems));
    }
  }
}

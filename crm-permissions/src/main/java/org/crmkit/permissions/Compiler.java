package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchies;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Validates definitions and compiles them into {@link Compiled}. Package-private. */
final class Compiler {
  private static final Logger LOG = LoggerFactory.getLogger(AccessPolicy.class);

  private Compiler() {}

  /**
   * Validates and compiles {@code d} against {@code org}; {@code privilegeProblems} are the
   * builder's problems with privileges given to undeclared roles, reported after the grants'.
   */
  static Compiled compile(PolicyDefinitions d, @Nullable Organisation org,
      List<Problem> privilegeProblems) {
    List<Problem> problems = new ArrayList<>();
    Compiled c = new Compiled();
    c.defs = d;

    // roles
    Map<String, Integer> roleDecl = new HashMap<>();
    Hierarchy.Builder<RoleId> rb = Hierarchy.builder();
    for (int i = 0; i < d.roles().size(); i++) {
      PolicyDefinitions.Role r = d.roles().get(i);
      roleDecl.putIfAbsent(r.id(), i);
      rb.node(RoleId.of(r.id()), r.parent() == null ? null : RoleId.of(r.parent()), null);
    }
    c.roles = hierarchy(rb::build, "roles", problems, Hierarchy.<RoleId>builder());
    Set<String> roleIds = roleDecl.keySet();

    // organisation
    if (org == null) {
      problems.add(new Problem("organisation", "required: the org units, territories and users"));
      org = new Organisation(Hierarchy.<OrgUnitId>builder().build(),
          Hierarchy.<TerritoryId>builder().build(), List.of());
    }
    c.org = org;
    c.orgUnits = org.orgUnits();
    c.territories = org.territories();
    List<User> users = org.users();
    for (int i = 0; i < users.size(); i++) {
      User u = users.get(i);
      String at = "organisation.users[" + i + "]";
      if (!c.orgUnits.contains(u.orgUnit())) {
        problems.add(Problem.of(at + ".orgUnit", "unknown org unit '%s'", u.orgUnit()));
      }
      for (RoleId r : u.roles()) {
        if (!roleIds.contains(r.value())) {
          problems.add(Problem.of(at + ".roles", "unknown role '%s'; known: %s", r, sorted(roleIds)));
        }
      }
      for (TerritoryId t : u.territories()) {
        if (!c.territories.contains(t)) {
          problems.add(Problem.of(at + ".territories", "unknown territory '%s'", t));
        }
      }
    }
    c.mgmt = hierarchy(() -> Hierarchies.ofManagement(users), "organisation.users", problems,
        Hierarchy.<UserId>builder());
    Set<String> userIds = new HashSet<>();
    users.forEach(u -> userIds.add(u.id().value()));

    // object types and modules
    LinkedHashMap<ObjectType, Integer> types = new LinkedHashMap<>();
    List<PolicyDefinitions.ModuleDef> moduleDefs = new ArrayList<>(d.modules());
    if (d.standardModules()) {
      Module.standardCoverage().forEach((m, covered) ->
          moduleDefs.add(new PolicyDefinitions.ModuleDef(m, covered)));
    }
    c.moduleDefs = List.copyOf(moduleDefs);
    d.grants().forEach(g -> types.putIfAbsent(g.objectType(), types.size()));
    moduleDefs.forEach(m -> m.objectTypes().forEach(t -> types.putIfAbsent(t, types.size())));
    d.objectTypes().forEach(t -> types.putIfAbsent(t, types.size()));
    d.hierarchyAccess().forEach(t -> types.putIfAbsent(t, types.size()));
    d.recordTeams().forEach(t -> types.putIfAbsent(t.objectType(), types.size()));
    d.sharingRules().forEach(r -> r.objectTypes().forEach(t -> types.putIfAbsent(t, types.size())));
    d.denies().forEach(r -> r.objectTypes().forEach(t -> types.putIfAbsent(t, types.size())));
    d.manualShares().forEach(m -> types.putIfAbsent(m.objectType(), types.size()));
    c.types = List.copyOf(types.keySet());
    c.typeArray = c.types.toArray(new ObjectType[0]);
    c.indexTypes();
    c.typeIndex = Map.copyOf(types);
    c.otherType = c.types.size();
    int nTypes = c.types.size() + 1;
    int slots = nTypes * Compiled.ACTIONS;

    LinkedHashMap<Module, Integer> moduleIdx = new LinkedHashMap<>();
    c.typeModules = new long[nTypes];
    for (int i = 0; i < moduleDefs.size(); i++) {
      PolicyDefinitions.ModuleDef m = moduleDefs.get(i);
      // a standard module (after the custom ones) that a custom module repeats: at the custom one
      int at = i;
      for (int k = 0; at >= d.modules().size() && k < d.modules().size(); k++) {
        at = d.modules().get(k).id().equals(m.id()) ? k : at;
      }
      if (moduleIdx.containsKey(m.id())) {
        problems.add(Problem.of("modules[" + at + "].id", "duplicate module '%s'", m.id()));
        continue;
      }
      if (m.objectTypes().isEmpty()) {
        // a document cannot say it (objectTypes has at least one element), so neither can code
        problems.add(Problem.of("modules[" + i + "].objectTypes",
            "at least one object type is required"));
      }
      moduleIdx.put(m.id(), moduleIdx.size());
      if (moduleIdx.size() > 64) {
        problems.add(Problem.of(i < d.modules().size() ? "modules[" + i + "]" : "standardModules",
            "at most 64 modules are supported"));
        continue;
      }
      for (ObjectType t : m.objectTypes()) {
        c.typeModules[Checks.entry(types, t)] |= 1L << Checks.entry(moduleIdx, m.id());
      }
    }
    c.modules = List.copyOf(moduleIdx.keySet());

    // grants, privileges, allocations per role position
    int nRoles = c.roles.size();
    c.roleScopes = new int[nRoles][slots];
    c.rolePrivileges = new int[nRoles];
    c.roleModules = new long[nRoles];
    for (int i = 0; i < d.grants().size(); i++) {
      PolicyDefinitions.Grant g = d.grants().get(i);
      int p = rolePos(c, g.role(), "grants[" + i + "].role", roleIds, problems);
      if (g.actions().isEmpty()) {
        problems.add(Problem.of("grants[" + i + "].actions", "at least one action is required"));
      }
      if (p >= 0 && g.scope() != Scope.NONE) {
        for (Action a : g.actions()) {
          c.roleScopes[p][Checks.entry(types, g.objectType()) * Compiled.ACTIONS + a.ordinal()] |=
              1 << g.scope().ordinal();
        }
      }
    }
    problems.addAll(privilegeProblems);
    for (PolicyDefinitions.Role r : d.roles()) {
      int p = c.roles.indexOf(RoleId.of(r.id()));
      if (p >= 0) {
        for (AdminPrivilege a : r.privileges()) {
          c.rolePrivileges[p] |= 1 << a.ordinal();
        }
      }
    }
    c.orgModules = new long[c.orgUnits.size()];
    for (int i = 0; i < d.allocations().size(); i++) {
      PolicyDefinitions.Allocation a = d.allocations().get(i);
      if (a.modules().isEmpty()) {
        problems.add(Problem.of("allocations[" + i + "].modules",
            "at least one module is required"));
      }
      long mask = 0;
      for (int k = 0; k < a.modules().size(); k++) {
        Integer m = moduleIdx.get(a.modules().get(k));
        if (m == null) {
          problems.add(Problem.of("allocations[" + i + "].modules[" + k + "]",
              "unknown module '%s'; declared: %s", a.modules().get(k), moduleIdx.keySet()));
        } else if (m < 64) {
          mask |= 1L << m;
        }
      }
      if (a.role() != null) {
        int p = rolePos(c, a.role(), "allocations[" + i + "].role", roleIds, problems);
        if (p >= 0) {
          c.roleModules[p] |= mask;
        }
      } else if (a.orgUnit() != null) {
        int p = c.orgUnits.indexOf(OrgUnitId.of(a.orgUnit()));
        if (p < 0) {
          problems.add(Problem.of("allocations[" + i + "].orgUnit", "unknown org unit '%s'",
              a.orgUnit()));
        } else {
          int end = p + c.orgUnits.subtreeSize(c.orgUnits.nodeAt(p));
          for (int q = p; q < end; q++) {
            c.orgModules[q] |= mask;
          }
        }
      }
    }
    // a parent role inherits its child roles' grants: fold children into parents, bottom-up
    for (int p = nRoles - 1; p >= 0; p--) {
      int parent = c.roles.parentIndex(p);
      if (parent >= 0) {
        for (int s = 0; s < slots; s++) {
          c.roleScopes[parent][s] |= c.roleScopes[p][s];
        }
        c.rolePrivileges[parent] |= c.rolePrivileges[p];
        c.roleModules[parent] |= c.roleModules[p];
      }
    }

    c.hierarchyOn = new boolean[nTypes];
    d.hierarchyAccess().forEach(t -> c.hierarchyOn[Checks.entry(types, t)] = true);
    c.recordTeamSlot = new boolean[slots];
    for (int i = 0; i < d.recordTeams().size(); i++) {
      PolicyDefinitions.RecordTeam rt = d.recordTeams().get(i);
      if (rt.actions().isEmpty()) {
        problems.add(Problem.of("recordTeams[" + i + "].actions",
            "at least one action is required"));
      }
      for (Action a : rt.actions()) {
        c.recordTeamSlot[Checks.entry(types, rt.objectType()) * Compiled.ACTIONS + a.ordinal()] =
            true;
      }
    }

    // rules and groups
    Set<String> ruleIds = new HashSet<>();
    LinkedHashMap<Group, Integer> groups = new LinkedHashMap<>();
    for (int i = 0; i < d.sharingRules().size(); i++) {
      PolicyDefinitions.SharingRule r = d.sharingRules().get(i);
      String at = "sharingRules[" + i + "]";
      if (!ruleIds.add(r.id())) {
        problems.add(Problem.of(at + ".id", "duplicate rule id '%s'", r.id()));
      }
      if (r.actions().isEmpty()) {
        problems.add(Problem.of(at + ".actions", "at least one action is required"));
      }
      if (r.ownedBy() != null) {
        checkGroup(c, r.ownedBy(), at + ".ownedBy", roleIds, userIds, problems);
        groups.putIfAbsent(r.ownedBy(), groups.size());
      } else if (r.when().isEmpty()) {
        problems.add(noConditions(at));
      }
      checkGroup(c, r.sharedWith(), at + ".sharedWith", roleIds, userIds, problems);
      groups.putIfAbsent(r.sharedWith(), groups.size());
    }
    for (int i = 0; i < d.denies().size(); i++) {
      PolicyDefinitions.Deny r = d.denies().get(i);
      String at = "denies[" + i + "]";
      if (!ruleIds.add(r.id())) {
        problems.add(Problem.of(at + ".id", "duplicate rule id '%s'", r.id()));
      }
      checkGroup(c, r.who(), at + ".who", roleIds, userIds, problems);
      groups.putIfAbsent(r.who(), groups.size());
    }
    for (int i = 0; i < d.fields().size(); i++) {
      rolePos(c, d.fields().get(i).role(), "fields[" + i + "].role", roleIds, problems);
    }
    @SuppressWarnings("unchecked")
    Map<String, List<PolicyDefinitions.ManualShare>>[] manual = new Map[nTypes];
    for (int i = 0; i < d.manualShares().size(); i++) {
      PolicyDefinitions.ManualShare m = d.manualShares().get(i);
      String at = "manualShares[" + i + "]";
      checkGroup(c, m.with(), at + ".with", roleIds, userIds, problems);
      if (m.actions().isEmpty()) {
        problems.add(Problem.of(at + ".actions", "at least one action is required"));
      }
      int t = Checks.entry(types, m.objectType());
      if (manual[t] == null) {
        manual[t] = new HashMap<>();
      }
      manual[t].computeIfAbsent(m.record(), k -> new ArrayList<>()).add(m);
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException("access policy", problems);
    }
    c.manualByType = manual;

    Map<ObjectType, Map<String, Map<RoleId, FieldAccess>>> fields = new HashMap<>();
    for (PolicyDefinitions.FieldRule f : d.fields()) {
      fields.computeIfAbsent(f.objectType(), k -> new HashMap<>())
          .computeIfAbsent(f.field(), k -> new HashMap<>())
          .merge(RoleId.of(f.role()), f.access(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
    }
    c.fieldRules = fields;

    c.groups = List.copyOf(groups.keySet());
    c.groupIndex = Map.copyOf(groups);
    indexGroups(c);

    Map<TeamId, Integer> teams = new HashMap<>();
    for (User u : users) {
      for (TeamId t : u.teams()) {
        teams.putIfAbsent(t, teams.size());
      }
    }
    c.teamIndex = teams;

    c.subjects = new HashMap<>(users.size() * 2);
    c.directory = new Subject[users.size()];
    for (int i = 0; i < users.size(); i++) {
      Subject s = subject(c, users.get(i));
      c.directory[i] = s;
      c.subjects.put(s.id, s);
    }
    c.subjectAtMgmt = new Subject[c.mgmt.size()];
    for (int p = 0; p < c.subjectAtMgmt.length; p++) {
      c.subjectAtMgmt[p] = c.subjects.get(c.mgmt.nodeAt(p));
    }
    c.ownerUnit = new OrgUnitId[c.subjectAtMgmt.length];
    c.ownerUnitPos = new int[c.subjectAtMgmt.length];
    for (int p = 0; p < c.subjectAtMgmt.length; p++) {
      Subject s = c.subjectAtMgmt[p];
      c.ownerUnit[p] = s == null ? null : s.user.orgUnit();
      c.ownerUnitPos[p] = s == null ? -1 : s.orgPos;
    }
    LOG.debug("compiled access policy: {} roles, {} types, {} rules, {} users", nRoles,
        c.types.size(), d.sharingRules().size() + d.denies().size(), users.size());
    return c;
  }

  private static void indexGroups(Compiled c) {
    int words = Math.max(1, (c.groups.size() + 63) >>> 6);
    c.roleGroups = new long[c.roles.size()][];
    c.orgGroups = new long[c.orgUnits.size()][];
    c.userGroups = new HashMap<>();
    c.teamGroups = new HashMap<>();
    c.everyoneGroups = new long[words];
    for (int g = 0; g < c.groups.size(); g++) {
      Group group = c.groups.get(g);
      long bit = 1L << g;
      int w = g >>> 6;
      switch (group.kind()) {
        case USER:
          c.userGroups.computeIfAbsent(group.id(), k -> new long[words])[w] |= bit;
          break;
        case TEAM:
          c.teamGroups.computeIfAbsent(TeamId.of(group.id()), k -> new long[words])[w] |= bit;
          break;
        case EVERYONE:
          c.everyoneGroups[w] |= bit;
          break;
        case ROLE:
        case ROLE_AND_BELOW: {
          int p = c.roles.indexOf(RoleId.of(group.id()));
          int end = group.kind() == Group.Kind.ROLE ? p + 1 : p + c.roles.subtreeSize(c.roles.nodeAt(p));
          for (int q = p; q < end; q++) {
            bits(c.roleGroups, q, words)[w] |= bit;
          }
          break;
        }
        case ORG_UNIT:
        case ORG_UNIT_AND_BELOW: {
          int p = c.orgUnits.indexOf(OrgUnitId.of(group.id()));
          int end = group.kind() == Group.Kind.ORG_UNIT ? p + 1
              : p + c.orgUnits.subtreeSize(c.orgUnits.nodeAt(p));
          for (int q = p; q < end; q++) {
            bits(c.orgGroups, q, words)[w] |= bit;
          }
          break;
        }
        default:
          throw new IllegalStateException("unknown group kind " + group.kind());
      }
    }
  }

  private static long[] bits(long[][] table, int i, int words) {
    if (table[i] == null) {
      table[i] = new long[words];
    }
    return table[i];
  }

  /** Compiles one user against the policy. */
  static Subject subject(Compiled c, User u) {
    int slots = c.slots();
    int mgmtPos = c.mgmt.indexOf(u.id());
    int mgmtEnd = mgmtPos < 0 ? -1 : mgmtPos + c.mgmt.subtreeSize(u.id());
    int orgPos = c.orgUnits.indexOf(u.orgUnit());
    int orgEnd = orgPos < 0 ? -1 : orgPos + c.orgUnits.subtreeSize(u.orgUnit());
    int[] territories = new int[u.territories().size() * 2];
    int n = 0;
    for (TerritoryId t : u.territories()) {
      int p = c.territories.indexOf(t);
      if (p >= 0) {
        territories[n++] = p;
        territories[n++] = p + c.territories.subtreeSize(t);
      }
    }
    territories = java.util.Arrays.copyOf(territories, n);
    int[] teamIdx = new int[u.teams().size()];
    n = 0;
    for (TeamId t : u.teams()) {
      Integer i = c.teamIndex.get(t);
      if (i != null) {
        teamIdx[n++] = i;
      }
    }
    teamIdx = Compiled.sorted(java.util.Arrays.copyOf(teamIdx, n));

    int words = Math.max(1, (c.groups.size() + 63) >>> 6);
    long[] groupBits = c.everyoneGroups.clone();
    int[] scopes = new int[slots];
    long modules = orgPos >= 0 ? c.orgModules[orgPos] : 0;
    int privileges = 0;
    for (RoleId r : u.roles()) {
      int p = c.roles.indexOf(r);
      if (p < 0) {
        continue;
      }
      int[] rs = c.roleScopes[p];
      for (int s = 0; s < slots; s++) {
        scopes[s] |= rs[s];
      }
      modules |= c.roleModules[p];
      privileges |= c.rolePrivileges[p];
      Compiled.or(groupBits, c.roleGroups[p]);
    }
    if (orgPos >= 0) {
      Compiled.or(groupBits, c.orgGroups[orgPos]);
    }
    Compiled.or(groupBits, c.userGroups.get(u.id().value()));
    for (TeamId t : u.teams()) {
      Compiled.or(groupBits, c.teamGroups.get(t));
    }
    assert groupBits.length == words;
    boolean[] enabled = new boolean[c.types.size() + 1];
    for (int t = 0; t < enabled.length; t++) {
      enabled[t] = c.typeModules[t] == 0 || (c.typeModules[t] & modules) != 0;
    }

    Subject probe = new Subject(u, u.active(), mgmtPos, mgmtEnd, orgPos, orgEnd, territories,
        teamIdx, scopes, enabled, groupBits, new int[0][], new PolicyDefinitions.SharingRule[0][],
        new PolicyDefinitions.Deny[0][], privileges);
    List<List<Integer>> owner = new ArrayList<>(slots);
    List<List<PolicyDefinitions.SharingRule>> criteria = new ArrayList<>(slots);
    List<List<PolicyDefinitions.Deny>> denies = new ArrayList<>(slots);
    for (int s = 0; s < slots; s++) {
      owner.add(null);
      criteria.add(null);
      denies.add(null);
    }
    for (PolicyDefinitions.SharingRule r : c.defs.sharingRules()) {
      if (!probe.inGroup(Checks.entry(c.groupIndex, r.sharedWith()))) {
        continue;
      }
      for (int t = 0; t <= c.types.size(); t++) {
        if (!r.objectTypes().isEmpty()
            && (t == c.otherType || !r.objectTypes().contains(c.types.get(t)))) {
          continue;
        }
        for (Action a : r.actions()) {
          int slot = t * Compiled.ACTIONS + a.ordinal();
          if (r.ownedBy() != null) {
            add(owner, slot, Checks.entry(c.groupIndex, r.ownedBy()));
          } else {
            add(criteria, slot, r);
          }
        }
      }
    }
    for (PolicyDefinitions.Deny r : c.defs.denies()) {
      if (!probe.inGroup(Checks.entry(c.groupIndex, r.who()))) {
        continue;
      }
      for (int t = 0; t <= c.types.size(); t++) {
        if (!r.objectTypes().isEmpty()
            && (t == c.otherType || !r.objectTypes().contains(c.types.get(t)))) {
          continue;
        }
        for (Action a : Action.values()) {
          if (r.actions().isEmpty() || r.actions().contains(a)) {
            add(denies, t * Compiled.ACTIONS + a.ordinal(), r);
          }
        }
      }
    }
    int[][] ownerArr = new int[slots][];
    PolicyDefinitions.SharingRule[][] criteriaArr = new PolicyDefinitions.SharingRule[slots][];
    PolicyDefinitions.Deny[][] denyArr = new PolicyDefinitions.Deny[slots][];
    for (int s = 0; s < slots; s++) {
      List<Integer> o = owner.get(s);
      if (o != null) {
        ownerArr[s] = o.stream().distinct().mapToInt(Integer::intValue).toArray();
      }
      if (criteria.get(s) != null) {
        criteriaArr[s] = criteria.get(s).toArray(new PolicyDefinitions.SharingRule[0]);
      }
      if (denies.get(s) != null) {
        denyArr[s] = denies.get(s).toArray(new PolicyDefinitions.Deny[0]);
      }
    }
    return new Subject(u, u.active(), mgmtPos, mgmtEnd, orgPos, orgEnd, territories, teamIdx,
        scopes, enabled, groupBits, ownerArr, criteriaArr, denyArr, privileges);
  }

  private static <T> void add(List<List<T>> lists, int slot, T value) {
    List<T> l = lists.get(slot);
    if (l == null) {
      l = new ArrayList<>(2);
      lists.set(slot, l);
    }
    l.add(value);
  }

  private static int rolePos(Compiled c, String role, String path, Set<String> known,
      List<Problem> problems) {
    if (!known.contains(role)) {
      problems.add(unknownRole(path, role, known));
      return -1;
    }
    return c.roles.indexOf(RoleId.of(role));
  }

  /**
   * The problem of the sharing rule at {@code at}, declared by {@link
   * AccessPolicy.Builder#shareWhen} without conditions.
   */
  static Problem noConditions(String at) {
    return Problem.of(at + ".when",
        "a criteria-based rule needs at least one condition (or use ownedBy)");
  }

  /** The problem of a reference at {@code path} to {@code role}, which is not in {@code known}. */
  static Problem unknownRole(String path, String role, Set<String> known) {
    return Problem.of(path, "unknown role '%s'; known: %s", role, sorted(known));
  }

  private static void checkGroup(Compiled c, Group g, String path, Set<String> roles,
      Set<String> users, List<Problem> problems) {
    switch (g.kind()) {
      case ROLE:
      case ROLE_AND_BELOW:
        // a declared role is known even when the role hierarchy has problems of its own (a
        // cycle): those are reported once, not again as "unknown role" at every reference
        if (!roles.contains(g.id())) {
          problems.add(Problem.of(path, "unknown role '%s'; known: %s", g.id(), sorted(roles)));
        }
        break;
      case ORG_UNIT:
      case ORG_UNIT_AND_BELOW:
        if (!c.orgUnits.contains(OrgUnitId.of(g.id()))) {
          problems.add(Problem.of(path, "unknown org unit '%s'", g.id()));
        }
        break;
      case USER:
        if (!users.contains(g.id())) {
          problems.add(Problem.of(path, "unknown user '%s'", g.id()));
        }
        break;
      default:
        break;
    }
  }

  private static <K> Hierarchy<K> hierarchy(java.util.function.Supplier<Hierarchy<K>> build,
      String prefix, List<Problem> problems, Hierarchy.Builder<K> empty) {
    try {
      return build.get();
    } catch (InvalidDefinitionException e) {
      for (Problem p : e.problems()) {
        String path = p.path().startsWith("nodes") ? prefix + p.path().substring(5) : prefix;
        problems.add(new Problem(path, p.message()));
      }
      return empty.build();
    }
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    java.util.Collections.sort(l);
    return l.size() > 20 ? l.subList(0, 20) : l;
  }
}

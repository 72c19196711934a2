package org.crmkit.permissions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A random organisation, policy definition and record set, kept as plain data so that the naive
 * {@link ReferenceEvaluator} can read the definitions directly, and so that variants (no denies,
 * one more grant, …) can be derived. Public, and shipped in crm-permissions' test jar, so that
 * crm-spark's differential tests use the same worlds.
 */
public final class World {
  record Grant(String role, ObjectType type, Scope scope, Set<Action> actions) {}

  record Alloc(@Nullable String role, @Nullable String unit, List<Module> modules) {}

  record Share(String id, @Nullable Group ownedBy, List<Condition> when, Group with,
      Set<ObjectType> types, Set<Action> actions) {}

  record Deny(String id, Group who, Set<ObjectType> types, Set<Action> actions,
      List<Condition> when) {}

  record Manual(ObjectType type, String recordId, Group with, Set<Action> actions) {}

  static final List<ObjectType> TYPES =
      List.of(ObjectType.CUSTOMER, ObjectType.LEAD, ObjectType.CASE);
  static final ObjectType UNMENTIONED = ObjectType.of("widget");

  final Map<String, @Nullable String> orgParent = new LinkedHashMap<>();
  final Map<String, @Nullable String> territoryParent = new LinkedHashMap<>();
  final Map<String, @Nullable String> roleParent = new LinkedHashMap<>();
  public final List<User> users = new ArrayList<>();
  final List<Grant> grants = new ArrayList<>();
  final Map<Module, List<ObjectType>> modules = new LinkedHashMap<>();
  final List<Alloc> allocations = new ArrayList<>();
  final Set<ObjectType> hierarchy = new LinkedHashSet<>();
  final Map<ObjectType, Set<Action>> recordTeams = new LinkedHashMap<>();
  final List<Share> sharing = new ArrayList<>();
  final List<Deny> denies = new ArrayList<>();
  final List<Manual> manual = new ArrayList<>();
  public final List<AccessRecord> records = new ArrayList<>();
  final Random rnd;

  private World(long seed) {
    this.rnd = new Random(seed);
  }

  public static World random(long seed) {
    World w = new World(seed);
    w.generate();
    return w;
  }

  private void generate() {
    int units = 1 + rnd.nextInt(7);
    for (int i = 0; i < units; i++) {
      orgParent.put("o" + i, i == 0 || rnd.nextInt(6) == 0 ? null : "o" + rnd.nextInt(i));
    }
    int territories = rnd.nextInt(6);
    for (int i = 0; i < territories; i++) {
      territoryParent.put("t" + i, i == 0 || rnd.nextInt(4) == 0 ? null : "t" + rnd.nextInt(i));
    }
    int roles = 1 + rnd.nextInt(6);
    for (int i = 0; i < roles; i++) {
      roleParent.put("r" + i, i == 0 || rnd.nextInt(4) == 0 ? null : "r" + rnd.nextInt(i));
    }
    List<String> unitIds = new ArrayList<>(orgParent.keySet());
    List<String> terrIds = new ArrayList<>(territoryParent.keySet());
    List<String> roleIds = new ArrayList<>(roleParent.keySet());
    List<String> teams = List.of("k0", "k1", "k2");
    int nUsers = 2 + rnd.nextInt(9);
    for (int i = 0; i < nUsers; i++) {
      User.Builder b = User.builder().id(UserId.of("u" + i)).name("User " + i)
          .orgUnit(OrgUnitId.of(pick(unitIds))).active(rnd.nextInt(12) != 0);
      if (i > 0 && rnd.nextInt(4) != 0) {
        b.manager(UserId.of("u" + rnd.nextInt(i)));
      }
      for (String r : subset(roleIds, 2)) {
        b.addRoles(RoleId.of(r));
      }
      for (String t : subset(terrIds, 2)) {
        b.addTerritories(TerritoryId.of(t));
      }
      for (String t : subset(teams, 2)) {
        b.addTeams(TeamId.of(t));
      }
      users.add(b.build());
    }
    if (rnd.nextBoolean()) {
      modules.put(Module.of("m-customer"), List.of(ObjectType.CUSTOMER));
      modules.put(Module.of("m-service"), List.of(ObjectType.CASE, ObjectType.CUSTOMER));
      for (int i = rnd.nextInt(4); i > 0; i--) {
        List<Module> ms = subset(new ArrayList<>(modules.keySet()), 2);
        if (rnd.nextBoolean()) {
          allocations.add(new Alloc(pick(roleIds), null, ms));
        } else {
          allocations.add(new Alloc(null, pick(unitIds), ms));
        }
      }
    }
    for (int i = rnd.nextInt(10); i > 0; i--) {
      grants.add(randomGrant());
    }
    for (ObjectType t : TYPES) {
      if (rnd.nextInt(3) == 0) {
        hierarchy.add(t);
      }
      if (rnd.nextInt(4) == 0) {
        recordTeams.put(t, actions(false));
      }
    }
    int nRecords = 4 + rnd.nextInt(12);
    for (int i = 0; i < nRecords; i++) {
      AccessRecord.Builder b = AccessRecord.builder().id("rec" + i)
          .type(rnd.nextInt(10) == 0 ? UNMENTIONED : pick(TYPES))
          .owner(UserId.of(rnd.nextInt(12) == 0 ? "ghost" : pick(users).id().value()))
          .orgUnit(OrgUnitId.of(rnd.nextInt(12) == 0 ? "nowhere" : pick(unitIds)));
      if (!terrIds.isEmpty() && rnd.nextBoolean()) {
        b.territory(TerritoryId.of(pick(terrIds)));
      }
      if (rnd.nextInt(3) == 0) {
        b.team(TeamId.of(rnd.nextInt(5) == 0 ? "k9" : pick(teams)));
      }
      for (User u : subset(users, 2)) {
        b.addMembers(u.id());
      }
      if (rnd.nextBoolean()) {
        b.putAttributes("industry", pick(List.of("retail", "bank", "energy")));
      }
      if (rnd.nextBoolean()) {
        b.putAttributes("tier", pick(List.of("a", "b")));
      }
      records.add(b.build());
    }
    for (int i = rnd.nextInt(5); i > 0; i--) {
      Group with = randomGroup();
      Set<ObjectType> types = new LinkedHashSet<>(subset(TYPES, 2));
      if (rnd.nextBoolean()) {
        sharing.add(new Share("s" + i, randomGroup(), List.of(), with, types, actions(false)));
      } else {
        sharing.add(new Share("s" + i, null, randomConditions(1), with, types, actions(false)));
      }
    }
    for (int i = rnd.nextInt(3); i > 0; i--) {
      if (rnd.nextBoolean()) {
        denies.add(new Deny("d" + i, randomGroup(), new LinkedHashSet<>(subset(TYPES, 1)),
            actions(true), randomConditions(0)));
      }
    }
    for (int i = rnd.nextInt(4); i > 0; i--) {
      AccessRecord r = pick(records);
      manual.add(new Manual(r.type(), r.id(), randomGroup(), actions(false)));
    }
    // an allocation needs a module (#13, session 4); dropped, not redrawn, so that a seed gives
    // the same world as before apart from these allocations, which allocated nothing
    allocations.removeIf(a -> a.modules().isEmpty());
  }

  Grant randomGrant() {
    return new Grant(pick(new ArrayList<>(roleParent.keySet())), pick(TYPES),
        pick(List.of(Scope.values())), actions(false));
  }

  Group randomGroup() {
    switch (rnd.nextInt(7)) {
      case 0:
        return Group.user(pick(users).id().value());
      case 1:
        return Group.role(pick(new ArrayList<>(roleParent.keySet())));
      case 2:
        return Group.roleAndBelow(pick(new ArrayList<>(roleParent.keySet())));
      case 3:
        return Group.team(pick(List.of("k0", "k1", "k2")));
      case 4:
        return Group.orgUnit(pick(new ArrayList<>(orgParent.keySet())));
      case 5:
        return Group.orgUnitAndBelow(pick(new ArrayList<>(orgParent.keySet())));
      default:
        return Group.everyone();
    }
  }

  private List<Condition> randomConditions(int min) {
    List<Condition> out = new ArrayList<>();
    if (min > 0 || rnd.nextBoolean()) {
      out.add(Condition.in("industry", subsetNonEmpty(List.of("retail", "bank", "energy"))));
    }
    if (rnd.nextInt(3) == 0) {
      out.add(Condition.in("tier", subsetNonEmpty(List.of("a", "b"))));
    }
    return out;
  }

  private String[] subsetNonEmpty(List<String> from) {
    List<String> s = subset(from, from.size());
    if (s.isEmpty()) {
      s = List.of(pick(from));
    }
    return s.toArray(new String[0]);
  }

  Set<Action> actions(boolean mayBeEmpty) {
    EnumSet<Action> s = EnumSet.noneOf(Action.class);
    for (Action a : Action.values()) {
      if (rnd.nextInt(3) == 0) {
        s.add(a);
      }
    }
    if (s.isEmpty() && !mayBeEmpty) {
      s.add(pick(List.of(Action.READ, Action.UPDATE, Action.CREATE)));
    }
    return s;
  }

  <T> T pick(List<T> from) {
    return from.get(rnd.nextInt(from.size()));
  }

  <T> List<T> subset(List<T> from, int max) {
    List<T> out = new ArrayList<>();
    int n = from.isEmpty() ? 0 : rnd.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      T t = pick(from);
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  Organisation organisation() {
    Hierarchy.Builder<OrgUnitId> o = Hierarchy.builder();
    orgParent.forEach((k, p) -> o.node(OrgUnitId.of(k), p == null ? null : OrgUnitId.of(p), null));
    Hierarchy.Builder<TerritoryId> t = Hierarchy.builder();
    territoryParent.forEach(
        (k, p) -> t.node(TerritoryId.of(k), p == null ? null : TerritoryId.of(p), null));
    return new Organisation(o.build(), t.build(), users);
  }

  public AccessPolicy policy() {
    AccessPolicy.Builder b = AccessPolicy.builder().organisation(organisation());
    roleParent.forEach(b::role);
    modules.forEach((m, ts) -> b.module(m, ts.toArray(new ObjectType[0])));
    for (Grant g : grants) {
      b.grant(g.role(), g.type(), g.scope(), g.actions().toArray(new Action[0]));
    }
    for (Alloc a : allocations) {
      if (a.role() != null) {
        b.allocateToRole(a.role(), a.modules().toArray(new Module[0]));
      } else {
        b.allocateToOrgUnit(a.unit(), a.modules().toArray(new Module[0]));
      }
    }
    b.hierarchyAccess(hierarchy.toArray(new ObjectType[0]));
    recordTeams.forEach((t, as) -> b.recordTeams(t, as.toArray(new Action[0])));
    for (Share s : sharing) {
      if (s.ownedBy() != null) {
        b.shareOwnedBy(s.id(), s.ownedBy(), s.with(), s.types(), s.actions().toArray(new Action[0]));
      } else {
        b.shareWhen(s.id(), s.when(), s.with(), s.types(), s.actions().toArray(new Action[0]));
      }
    }
    for (Deny d : denies) {
      b.deny(d.id(), d.who(), d.types(), d.actions(), d.when());
    }
    for (Manual m : manual) {
      b.manualShare(m.type(), m.recordId(), m.with(), m.actions().toArray(new Action[0]));
    }
    return b.build();
  }

  /** Directory users plus one user whose roles differ from the directory's (compiled on the fly). */
  List<User> subjects() {
    List<User> out = new ArrayList<>(users);
    User first = users.get(0);
    User.Builder changed = User.builder().from(first).roles(List.of());
    for (String r : subset(new ArrayList<>(roleParent.keySet()), 2)) {
      changed.addRoles(RoleId.of(r));
    }
    out.add(changed.build());
    return out;
  }

  @Override
  public String toString() {
    return "World{units=" + orgParent + ", territories=" + territoryParent + ", roles=" + roleParent
        + ", users=" + users + ", grants=" + grants + ", modules=" + modules + ", allocations="
        + allocations + ", hierarchy=" + hierarchy + ", recordTeams=" + recordTeams + ", sharing="
        + sharing + ", denies=" + denies + ", manual=" + manual + ", records=" + records + "}";
  }
}

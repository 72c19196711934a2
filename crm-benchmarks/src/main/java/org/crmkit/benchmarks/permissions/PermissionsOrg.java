package org.crmkit.benchmarks.permissions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.Scope;

/**
 * A seeded organisation for the permission benchmarks: 10,000 users in 300 org units (depth 5),
 * 500 roles in a hierarchy of depth 8, about two grants per role at the scopes every compared
 * library can express (own, org unit, org unit and below, all), and 100 owner-based sharing rules
 * (records owned in an org unit and below are shared with the holders of a role). Records belong
 * to their owner's org unit.
 */
public final class PermissionsOrg {
  public static final int USERS = 10_000;
  public static final int ROLES = 500;
  public static final int ROLE_DEPTH = 8;
  public static final int UNITS = 300;
  public static final int RULES = 100;
  public static final List<ObjectType> TYPES = List.of(ObjectType.CUSTOMER, ObjectType.CONTACT,
      ObjectType.LEAD, ObjectType.OPPORTUNITY, ObjectType.QUOTE, ObjectType.CONTRACT,
      ObjectType.CASE, ObjectType.CAMPAIGN, ObjectType.REPORT);
  static final List<Scope> SCOPES =
      List.of(Scope.OWN, Scope.OWN, Scope.ORG_UNIT, Scope.ORG_UNIT_AND_BELOW, Scope.ALL);

  record Grant(String role, ObjectType type, Scope scope, Set<Action> actions) {}

  record Rule(String id, String ownerUnit, String role, ObjectType type, Set<Action> actions) {}

  final Hierarchy<OrgUnitId> units;
  final List<String> roleIds = new ArrayList<>();
  final List<String> roleParents = new ArrayList<>();
  final Hierarchy<RoleId> roles;
  final List<User> users = new ArrayList<>();
  final List<Grant> grants = new ArrayList<>();
  final List<Rule> rules = new ArrayList<>();
  final Organisation organisation;
  private final Random rnd;

  /** Generates the organisation from a seed. */
  public PermissionsOrg(long seed) {
    rnd = new Random(seed);
    Hierarchy.Builder<OrgUnitId> ub = Hierarchy.builder();
    int[] unitDepth = new int[UNITS];
    ub.root(OrgUnitId.of("u0"));
    for (int i = 1; i < UNITS; i++) {
      int p;
      do {
        p = rnd.nextInt(i);
      } while (unitDepth[p] >= 4);
      unitDepth[i] = unitDepth[p] + 1;
      ub.child(OrgUnitId.of("u" + p), OrgUnitId.of("u" + i));
    }
    units = ub.build();

    int[] roleDepth = new int[ROLES];
    Hierarchy.Builder<RoleId> rb = Hierarchy.builder();
    for (int i = 0; i < ROLES; i++) {
      String parent;
      if (i == 0) {
        parent = null;
      } else if (i < ROLE_DEPTH) {
        parent = "role" + (i - 1);
        roleDepth[i] = i;
      } else {
        int p;
        do {
          p = rnd.nextInt(i);
        } while (roleDepth[p] >= ROLE_DEPTH - 1);
        roleDepth[i] = roleDepth[p] + 1;
        parent = "role" + p;
      }
      roleIds.add("role" + i);
      roleParents.add(parent);
      rb.node(RoleId.of("role" + i), parent == null ? null : RoleId.of(parent), null);
      int n = 1 + rnd.nextInt(3);
      for (int k = 0; k < n; k++) {
        Scope scope = i == 0 ? Scope.ALL : SCOPES.get(rnd.nextInt(SCOPES.size() - (i < 20 ? 0 : 1)));
        EnumSet<Action> acts = EnumSet.of(Action.READ);
        for (Action a : Action.values()) {
          if (rnd.nextInt(3) == 0) {
            acts.add(a);
          }
        }
        grants.add(new Grant("role" + i, TYPES.get(rnd.nextInt(TYPES.size())), scope, acts));
      }
    }
    roles = rb.build();

    for (int i = 0; i < USERS; i++) {
      User.Builder b = User.builder().id(UserId.of("user" + i)).name("User " + i)
          .orgUnit(OrgUnitId.of("u" + rnd.nextInt(UNITS)))
          .addRoles(RoleId.of(roleIds.get(8 + rnd.nextInt(ROLES - 8))));
      if (rnd.nextInt(5) == 0) {
        b.addRoles(RoleId.of(roleIds.get(rnd.nextInt(ROLES))));
      }
      if (i > 0) {
        b.manager(UserId.of("user" + rnd.nextInt(i)));
      }
      users.add(b.build());
    }
    for (int i = 0; i < RULES; i++) {
      EnumSet<Action> acts = rnd.nextBoolean() ? EnumSet.of(Action.READ)
          : EnumSet.of(Action.READ, Action.UPDATE);
      rules.add(new Rule("share" + i, "u" + rnd.nextInt(UNITS), roleIds.get(rnd.nextInt(ROLES)),
          TYPES.get(rnd.nextInt(TYPES.size())), acts));
    }
    organisation = new Organisation(units, Hierarchy.<TerritoryId>builder().build(), users);
  }

  /** The crmkit policy builder for this organisation. */
  public AccessPolicy.Builder crmkit() {
    AccessPolicy.Builder b = AccessPolicy.builder().organisation(organisation);
    for (int i = 0; i < roleIds.size(); i++) {
      b.role(roleIds.get(i), roleParents.get(i));
    }
    for (Grant g : grants) {
      b.grant(g.role(), g.type(), g.scope(), g.actions().toArray(new Action[0]));
    }
    for (Rule r : rules) {
      b.shareOwnedBy(r.id(), Group.orgUnitAndBelow(r.ownerUnit()), Group.role(r.role()),
          Set.of(r.type()), r.actions().toArray(new Action[0]));
    }
    return b;
  }

  /** {@code n} records owned by random users, in their owner's org unit. */
  public List<AccessRecord> records(int n, long seed) {
    Random r = new Random(seed);
    List<AccessRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      User owner = users.get(r.nextInt(users.size()));
      out.add(AccessRecord.builder().id("rec" + i).type(TYPES.get(r.nextInt(TYPES.size())))
          .owner(owner.id()).orgUnit(owner.orgUnit()).build());
    }
    return out;
  }

  User user(int i) {
    return users.get(i);
  }
}

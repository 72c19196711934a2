package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  static final OrgUnitId ACME = OrgUnitId.of("acme");
  static final OrgUnitId SALES = OrgUnitId.of("sales");
  static final OrgUnitId NORTH = OrgUnitId.of("sales-north");
  static final OrgUnitId SOUTH = OrgUnitId.of("sales-south");
  static final OrgUnitId SERVICE = OrgUnitId.of("service");

  static final User CEO = user("ceo", ACME, null, "admin");
  static final User MIA = user("mia", SALES, "ceo", "sales-manager");
  static final User BOB = User.builder().from(user("bob", NORTH, "mia", "rep"))
      .addTeams(TeamId.of("key-accounts")).addTerritories(TerritoryId.of("de")).build();
  static final User EVE = User.builder().from(user("eve", SOUTH, "mia", "rep"))
      .addTeams(TeamId.of("key-accounts")).build();
  static final User SAM = User.builder().from(user("sam", SERVICE, "ceo", "agent"))
      .addTerritories(TerritoryId.of("emea")).build();
  static final List<User> USERS = List.of(CEO, MIA, BOB, EVE, SAM);

  static User user(String id, OrgUnitId unit, String manager, String role) {
    User.Builder b = User.builder().id(UserId.of(id)).name(id).orgUnit(unit)
        .addRoles(RoleId.of(role));
    if (manager != null) {
      b.manager(UserId.of(manager));
    }
    return b.build();
  }

  static Organisation org(List<User> users) {
    Hierarchy<OrgUnitId> units = Hierarchy.<OrgUnitId>builder().root(ACME).child(ACME, SALES)
        .child(SALES, NORTH).child(SALES, SOUTH).child(ACME, SERVICE).build();
    Hierarchy<TerritoryId> world = Hierarchy.<TerritoryId>builder().root(TerritoryId.of("world"))
        .child(TerritoryId.of("world"), TerritoryId.of("emea"))
        .child(TerritoryId.of("emea"), TerritoryId.of("de")).build();
    return new Organisation(units, world, users);
  }

  static AccessPolicy.Builder acme() {
    return AccessPolicy.builder().organisation(org(USERS))
        .role("admin").role("sales-manager", "admin").role("rep", "sales-manager")
        .role("agent", "admin")
        .privileges("admin", AdminPrivilege.values())
        .privileges("sales-manager", AdminPrivilege.USER_MANAGEMENT)
        .grant("admin", ObjectType.CUSTOMER, Scope.ALL, Action.values())
        .grant("rep", ObjectType.CUSTOMER, Scope.OWN, Action.CREATE, Action.READ, Action.UPDATE)
        .grant("rep", ObjectType.OPPORTUNITY, Scope.TEAM, Action.READ)
        .grant("sales-manager", ObjectType.CUSTOMER, Scope.ORG_UNIT_AND_BELOW, Action.READ)
        .grant("agent", ObjectType.CASE, Scope.ORG_UNIT, Action.READ, Action.UPDATE)
        .grant("agent", ObjectType.CUSTOMER, Scope.TERRITORY, Action.READ);
  }

  static AccessRecord customer(String id, User owner) {
    return AccessRecord.builder().id(id).type(ObjectType.CUSTOMER).owner(owner.id())
        .orgUnit(owner.orgUnit()).build();
  }

  @Test
  void aRepReadsOwnCustomersOnlyAndTheDenialSaysWhy() {
    AccessPolicy policy = acme().build();
    AccessRecord bobs = customer("c1", BOB);
    AccessRecord eves = customer("c2", EVE);

    AccessDecision allow = policy.check(BOB, Action.READ, bobs);
    assertThat(allow.allowed()).isTrue();
    assertThat(allow.basis()).isEqualTo(AccessDecision.Basis.GRANT);
    assertThat(allow.ruleId()).contains("grants[1]");
    assertThat(allow.explain()).contains("role 'rep' grants read on customer at scope own");

    AccessDecision deny = policy.check(BOB, Action.READ, eves);
    assertThat(deny.allowed()).isFalse();
    assertThat(deny.basis()).isEqualTo(AccessDecision.Basis.NO_GRANT);
    assertThat(deny.explain()).startsWith("denied: nothing grants read on customer 'c2'")
        .contains("the record is owned by 'eve', not 'bob'");
    assertThat(policy.check(BOB, Action.DELETE, bobs).explain())
        .contains("no role of 'bob' [rep] (nor a role below them) grants delete on customer");
  }

  @Test
  void aParentRoleInheritsItsChildRolesGrants() {
    AccessPolicy policy = acme().build();
    AccessRecord mias = customer("c3", MIA);
    // update comes only from rep's own-scope grant, inherited by sales-manager
    AccessDecision d = policy.check(MIA, Action.UPDATE, mias);
    assertThat(d.allowed()).isTrue();
    assertThat(d.explain()).contains(
        "role 'sales-manager' inherits from role 'rep' below it (sales-manager > rep)");
    // org unit and below: mia (sales) reads bob's customer in sales-north, not sam's in service
    assertThat(policy.isAllowed(MIA, Action.READ, customer("c1", BOB))).isTrue();
    assertThat(policy.isAllowed(MIA, Action.READ, customer("c4", SAM))).isFalse();
    assertThat(policy.hasPrivilege(MIA, AdminPrivilege.USER_MANAGEMENT)).isTrue();
    assertThat(policy.hasPrivilege(MIA, AdminPrivilege.DATA_BACKUP)).isFalse();
    assertThat(policy.hasPrivilege(CEO, AdminPrivilege.DATA_BACKUP)).isTrue();
  }

  @Test
  void scopesTeamOrgUnitAndTerritory() {
    AccessPolicy policy = acme().build();
    AccessRecord opp = AccessRecord.builder().id("o1").type(ObjectType.OPPORTUNITY)
        .owner(EVE.id()).orgUnit(SOUTH).build();
    assertThat(policy.isAllowed(BOB, Action.READ, opp)).as("shares team key-accounts").isTrue();
    AccessRecord caseInService = AccessRecord.builder().id("k1").type(ObjectType.CASE)
        .owner(CEO.id()).orgUnit(SERVICE).build();
    assertThat(policy.isAllowed(SAM, Action.UPDATE, caseInService)).isTrue();
    AccessRecord german = AccessRecord.builder().from(customer("c5", EVE))
        .territory(TerritoryId.of("de")).build();
    assertThat(policy.check(SAM, Action.READ, german).allowed()).as("emea covers de").isTrue();
    assertThat(policy.check(SAM, Action.READ, customer("c2", EVE)).explain())
        .contains("the record's territory (none) is not in the user's territories [emea]");
  }

  @Test
  void aDisabledModuleDeniesAllItsObjects() {
    AccessPolicy policy = acme().standardModules()
        .allocateToRole("rep", Module.CUSTOMER_MANAGEMENT)
        .allocateToOrgUnit("service", Module.SERVICE_MANAGEMENT)
        .build();
    AccessRecord opp = AccessRecord.builder().id("o1").type(ObjectType.OPPORTUNITY)
        .owner(BOB.id()).orgUnit(NORTH).build();
    AccessDecision d = policy.check(BOB, Action.READ, opp);
    assertThat(d.allowed()).isFalse();
    assertThat(d.basis()).isEqualTo(AccessDecision.Basis.MODULE_DISABLED);
    assertThat(d.explain()).contains("module(s) [sales-management]");
    assertThat(policy.isAllowed(BOB, Action.READ, customer("c1", BOB))).isTrue();
    // sam's unit has service management, but sam holds no customer module
    assertThat(policy.isAllowed(SAM, Action.READ, AccessRecord.builder().id("k")
        .type(ObjectType.CASE).owner(SAM.id()).orgUnit(SERVICE).build())).isTrue();
    assertThat(policy.check(SAM, Action.READ, customer("c9", SAM)).basis())
        .isEqualTo(AccessDecision.Basis.MODULE_DISABLED);
  }

  @Test
  void anExplicitDenyOverridesEvenTheAdministrator() {
    AccessPolicy policy = acme().deny("no-defense", Group.roleAndBelow("admin"),
        Set.of(ObjectType.CUSTOMER), Set.of(Action.EXPORT),
        List.of(Condition.in("industry", "defense"))).build();
    AccessRecord defense = AccessRecord.builder().from(customer("c6", CEO))
        .putAttributes("industry", "defense").build();
    AccessDecision d = policy.check(CEO, Action.EXPORT, defense);
    assertThat(d.allowed()).isFalse();
    assertThat(d.ruleId()).contains("no-defense");
    assertThat(d.explain()).contains("a deny overrides every grant");
    assertThat(policy.isAllowed(CEO, Action.READ, defense)).isTrue();
    assertThat(policy.isAllowed(CEO, Action.EXPORT, customer("c7", CEO))).isTrue();
  }

  @Test
  void sharingRulesRecordTeamsAndManualShares() {
    AccessPolicy policy = acme()
        .shareOwnedBy("north-to-south", Group.orgUnit("sales-north"), Group.orgUnit("sales-south"),
            Set.of(ObjectType.CUSTOMER), Action.READ)
        .shareWhen("retail-to-service", List.of(Condition.in("industry", "retail")),
            Group.role("agent"), Set.of(), Action.READ, Action.UPDATE)
        .recordTeams(ObjectType.CUSTOMER, Action.READ, Action.UPDATE)
        .manualShare(ObjectType.CUSTOMER, "c8", Group.user("bob"), Action.READ)
        .build();
    AccessDecision owner = policy.check(EVE, Action.READ, customer("c1", BOB));
    assertThat(owner.basis()).isEqualTo(AccessDecision.Basis.SHARING_RULE);
    assertThat(owner.ruleId()).contains("north-to-south");
    assertThat(policy.isAllowed(BOB, Action.READ, customer("c2", EVE))).isFalse();

    AccessRecord retail = AccessRecord.builder().from(customer("c9", EVE))
        .putAttributes("industry", "retail").build();
    assertThat(policy.check(SAM, Action.UPDATE, retail).ruleId()).contains("retail-to-service");

    AccessRecord team = AccessRecord.builder().from(customer("c10", EVE)).addMembers(BOB.id())
        .build();
    assertThat(policy.check(BOB, Action.UPDATE, team).basis())
        .isEqualTo(AccessDecision.Basis.RECORD_TEAM);

    assertThat(policy.check(BOB, Action.READ, customer("c8", EVE)).basis())
        .isEqualTo(AccessDecision.Basis.MANUAL_SHARE);
    assertThat(policy.isAllowed(BOB, Action.UPDATE, customer("c8", EVE))).isFalse();
  }

  @Test
  void managersSeeTheirReportsRecordsWhenHierarchyAccessIsOn() {
    AccessRecord bobs = customer("c1", BOB);
    AccessPolicy off = acme().build();
    assertThat(off.isAllowed(MIA, Action.UPDATE, bobs)).isFalse();
    AccessPolicy on = acme().hierarchyAccess(ObjectType.CUSTOMER).build();
    AccessDecision d = on.check(MIA, Action.UPDATE, bobs);
    assertThat(d.allowed()).isTrue();
    assertThat(d.basis()).isEqualTo(AccessDecision.Basis.MANAGER_HIERARCHY);
    assertThat(d.explain()).contains("owner 'bob' reports to 'mia' (bob > mia)");
    assertThat(on.isAllowed(EVE, Action.UPDATE, bobs)).as("a peer").isFalse();
  }

  @Test
  void fieldLevelSecurityTakesTheMostPermissiveRole() {
    AccessPolicy policy = acme()
        .field("rep", ObjectType.CUSTOMER, "creditLimit", FieldAccess.READ_ONLY)
        .field("agent", ObjectType.CUSTOMER, "creditLimit", FieldAccess.HIDDEN)
        .build();
    assertThat(policy.fieldAccess(BOB, ObjectType.CUSTOMER, "creditLimit"))
        .isEqualTo(FieldAccess.READ_ONLY);
    assertThat(policy.fieldAccess(SAM, ObjectType.CUSTOMER, "creditLimit"))
        .isEqualTo(FieldAccess.HIDDEN);
    assertThat(policy.fieldAccess(MIA, ObjectType.CUSTOMER, "creditLimit"))
        .isEqualTo(FieldAccess.EDITABLE);
    User both = User.builder().from(BOB).addRoles(RoleId.of("agent")).build();
    assertThat(policy.fieldAccess(both, ObjectType.CUSTOMER, "creditLimit"))
        .isEqualTo(FieldAccess.READ_ONLY);
    assertThat(policy.fieldAccess(BOB, ObjectType.CUSTOMER, "name"))
        .isEqualTo(FieldAccess.EDITABLE);
  }

  @Test
  void filterWhoCanAndPredicate() {
    AccessPolicy policy = acme().build();
    List<AccessRecord> records = List.of(customer("c1", BOB), customer("c2", EVE),
        customer("c3", MIA));
    assertThat(policy.filter(BOB, Action.READ, records)).extracting(AccessRecord::id)
        .containsExactly("c1");
    assertThat(policy.whoCan(Action.READ, customer("c1", BOB)))
        .containsExactly(CEO.id(), MIA.id(), BOB.id());
    assertThat(policy.accessPredicate(BOB, Action.READ, ObjectType.CUSTOMER))
        .isEqualTo(new AccessPredicate.OwnerIn(Set.of(BOB.id())));
    assertThat(policy.accessPredicate(CEO, Action.READ, ObjectType.CUSTOMER))
        .isEqualTo(AccessPredicate.TRUE);
    assertThat(policy.accessPredicate(BOB, Action.DELETE, ObjectType.CUSTOMER))
        .isEqualTo(AccessPredicate.FALSE);
  }

  @Test
  void inactiveUsersAreDenied() {
    User gone = User.builder().from(BOB).active(false).build();
    AccessPolicy policy = acme().build();
    AccessDecision d = policy.check(gone, Action.READ, customer("c1", BOB));
    assertThat(d.allowed()).isFalse();
    assertThat(d.basis()).isEqualTo(AccessDecision.Basis.INACTIVE_USER);
  }

  @Test
  void diffShowsWhoGainsAndLosesInAReorg() {
    AccessPolicy before = acme().build();
    User eveMoved = User.builder().from(EVE).orgUnit(SERVICE).manager(CEO.id()).build();
    AccessPolicy after = acme().organisation(org(List.of(CEO, MIA, BOB, eveMoved, SAM))).build();
    List<AccessRecord> records = List.of(customer("c2", EVE));
    List<AccessChange> changes = AccessPolicy.diff(before, after, USERS, records);
    // the record stays in sales-south: mia keeps reading it; nobody gains or loses on it
    assertThat(changes).isEmpty();
    AccessRecord serviceCase = AccessRecord.builder().id("k1").type(ObjectType.CASE)
        .owner(SAM.id()).orgUnit(SERVICE).build();
    AccessPolicy agentsEverywhere = acme().organisation(org(List.of(CEO, MIA, BOB,
        User.builder().from(eveMoved).roles(List.of(RoleId.of("agent"))).build(), SAM))).build();
    assertThat(AccessPolicy.diff(before, agentsEverywhere, USERS, List.of(serviceCase)))
        .containsExactly(new AccessChange(EVE.id(), "k1", ObjectType.CASE, Action.READ, true),
            new AccessChange(EVE.id(), "k1", ObjectType.CASE, Action.UPDATE, true));
  }

  @Test
  void buildReportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> AccessPolicy.builder()
        .role("rep").role("rep").role("x", "ghost-parent")
        .grant("nobody", ObjectType.CUSTOMER, Scope.OWN, Action.READ)
        .allocateToOrgUnit("nowhere", Module.MARKETING)
        .shareOwnedBy("s1", Group.role("rep"), Group.orgUnit("mars"), Set.of(), Action.READ)
        .shareWhen("s1", List.of(), Group.everyone(), Set.of(), Action.READ)
        .build())
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::path)
            .contains("roles[1]", "roles[2]", "organisation", "grants[0].role",
                "allocations[0].modules[0]", "sharingRules[0].sharedWith", "sharingRules[1].id",
                "sharingRules[1].when"));
  }

  @Test
  void usersNamingUnknownUnitsRolesOrManagersAreProblems() {
    User stray = User.builder().id(UserId.of("z")).name("Z").orgUnit(OrgUnitId.of("mars"))
        .manager(UserId.of("nobody")).addRoles(RoleId.of("pilot")).build();
    assertThatThrownBy(() -> acme().organisation(org(List.of(CEO, stray))).build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("organisation.users[1].orgUnit: unknown org unit 'mars'")
        .hasMessageContaining("organisation.users[1].roles: unknown role 'pilot'")
        .hasMessageContaining("organisation.users[1]");
  }

  @Test
  void presetsBuildAndBehave() {
    Organisation o = org(List.of(
        user("boss", ACME, null, "admin"), user("s1", NORTH, "boss", "sales"),
        user("a1", SERVICE, "boss", "service")));
    AccessPolicy small = PolicyPresets.smallBusiness().organisation(o).build();
    User s1 = o.users().get(1);
    User a1 = o.users().get(2);
    assertThat(small.isAllowed(s1, Action.UPDATE, customer("c", s1))).isTrue();
    assertThat(small.isAllowed(a1, Action.UPDATE, customer("c", s1))).isFalse();
    assertThat(small.isAllowed(a1, Action.READ, customer("c", s1))).isTrue();
    assertThat(small.isAllowed(s1, Action.READ, AccessRecord.builder().id("k").type(ObjectType.CASE)
        .owner(a1.id()).orgUnit(SERVICE).build())).as("sales has no grant on cases").isFalse();

    Organisation e = org(List.of(user("boss", ACME, null, "admin"),
        user("head", SALES, "boss", "manager@sales"),
        user("n1", NORTH, "head", "member@sales-north"),
        user("svc", SERVICE, "boss", "member@service")));
    AccessPolicy enterprise = PolicyPresets.enterprise(e.orgUnits(),
        Map.of(SALES, Set.of(Module.CUSTOMER_MANAGEMENT, Module.SALES_MANAGEMENT),
            SERVICE, Set.of(Module.SERVICE_MANAGEMENT))).organisation(e).build();
    User head = e.users().get(1);
    User n1 = e.users().get(2);
    User svc = e.users().get(3);
    assertThat(enterprise.isAllowed(head, Action.UPDATE, customer("c", n1))).isTrue();
    assertThat(enterprise.isAllowed(n1, Action.UPDATE, customer("c", n1))).isTrue();
    assertThat(enterprise.isAllowed(n1, Action.DELETE, customer("c", n1))).isFalse();
    assertThat(enterprise.check(svc, Action.READ, customer("c", svc)).basis())
        .isEqualTo(AccessDecision.Basis.MODULE_DISABLED);
  }
}

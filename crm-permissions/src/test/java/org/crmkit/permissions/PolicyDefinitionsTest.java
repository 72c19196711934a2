package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.permissions.AccessPolicyTest.BOB;
import static org.crmkit.permissions.AccessPolicyTest.CEO;
import static org.crmkit.permissions.AccessPolicyTest.EVE;
import static org.crmkit.permissions.AccessPolicyTest.USERS;
import static org.crmkit.permissions.AccessPolicyTest.acme;
import static org.crmkit.permissions.AccessPolicyTest.customer;
import static org.crmkit.permissions.AccessPolicyTest.org;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.permissions.PolicyDefinitions.Allocation;
import org.crmkit.permissions.PolicyDefinitions.Grant;
import org.crmkit.permissions.PolicyDefinitions.ModuleDef;
import org.crmkit.permissions.PolicyDefinitions.Role;
import org.crmkit.permissions.PolicyDefinitions.SharingRule;
import org.junit.jupiter.api.Test;

/** The definitions of a policy as one value: what a builder collects and a policy keeps. */
class PolicyDefinitionsTest {
  static final List<AccessRecord> RECORDS = List.of(customer("c1", BOB), customer("c2", EVE),
      customer("c3", CEO), AccessRecord.builder().id("k1").type(ObjectType.CASE)
          .owner(AccessPolicyTest.SAM.id()).orgUnit(AccessPolicyTest.SERVICE).build());

  static PolicyDefinitions empty() {
    return new PolicyDefinitions(false, Set.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), Set.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void aPolicyKeepsItsDefinitionsAsDeclared() {
    AccessPolicy policy = acme().standardModules().allocateToRole("admin", Module.ANALYTICS)
        .build();
    PolicyDefinitions d = policy.definitions();

    assertThat(d.standardModules()).as("a flag, not five modules").isTrue();
    assertThat(d.modules()).isEmpty();
    assertThat(d.roles()).containsExactly(
        new Role("admin", null, EnumSet.allOf(AdminPrivilege.class)),
        new Role("sales-manager", "admin", Set.of(AdminPrivilege.USER_MANAGEMENT)),
        new Role("rep", "sales-manager", Set.of()), new Role("agent", "admin", Set.of()));
    assertThat(d.grants()).hasSize(6).first().isEqualTo(new Grant("admin", ObjectType.CUSTOMER,
        Scope.ALL, EnumSet.allOf(Action.class)));
    assertThat(d.allocations())
        .containsExactly(new Allocation("admin", null, List.of(Module.ANALYTICS)));
  }

  @Test
  void aBuilderOfDefinitionsMakesTheSameDecisions() {
    AccessPolicy original = acme().standardModules()
        .allocateToOrgUnit("acme", Module.CUSTOMER_MANAGEMENT, Module.SERVICE_MANAGEMENT)
        .shareOwnedBy("north-to-south", Group.orgUnit("sales-north"), Group.role("rep"),
            Set.of(ObjectType.CUSTOMER), Action.READ)
        .build();
    PolicyDefinitions d = original.definitions();

    assertThat(AccessPolicy.builder(d).definitions()).isEqualTo(d);
    AccessPolicy again = d.compile(original.organisation());
    assertThat(again.definitions()).isEqualTo(d);
    assertThat(AccessPolicy.diff(original, again, USERS, RECORDS)).isEmpty();
    assertThat(again.isAllowed(EVE, Action.READ, customer("c1", BOB)))
        .as("the sharing rule came along").isTrue();
  }

  @Test
  void aBuilderOfDefinitionsTakesFurtherDefinitions() {
    PolicyDefinitions d = acme().build().definitions();
    AccessPolicy wider = AccessPolicy.builder(d).organisation(org(USERS))
        .grant("rep", ObjectType.CUSTOMER, Scope.ALL, Action.READ).build();

    assertThat(wider.definitions().grants()).hasSize(d.grants().size() + 1);
    assertThat(wider.isAllowed(BOB, Action.READ, customer("c2", EVE))).isTrue();
    assertThat(d.compile(org(USERS)).isAllowed(BOB, Action.READ, customer("c2", EVE))).isFalse();
  }

  @Test
  void privilegesGivenBeforeOrAfterTheRoleAreMergedIntoIt() {
    PolicyDefinitions d = AccessPolicy.builder()
        .privileges("admin", AdminPrivilege.DATA_BACKUP)
        .role("admin")
        .privileges("admin", AdminPrivilege.USER_MANAGEMENT, AdminPrivilege.DATA_BACKUP)
        .definitions();

    assertThat(d.roles()).containsExactly(new Role("admin", null,
        Set.of(AdminPrivilege.DATA_BACKUP, AdminPrivilege.USER_MANAGEMENT)));
  }

  @Test
  void privilegesOfAnUndeclaredRoleAreAProblem() {
    AccessPolicy.Builder b = AccessPolicy.builder().organisation(org(USERS))
        .role("admin").role("sales-manager").role("rep").role("agent")
        .privileges("ghost", AdminPrivilege.DATA_BACKUP);

    assertThatThrownBy(b::definitions).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining(
            "privileges[0].role: unknown role 'ghost'; known: [admin, agent, rep, sales-manager]");
    assertThatThrownBy(b::build).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining(
            "privileges[0].role: unknown role 'ghost'; known: [admin, agent, rep, sales-manager]");
  }

  @Test
  void aCriteriaRuleWithoutConditionsIsAProblemOfTheDefinitions() {
    AccessPolicy.Builder b = acme()
        .shareWhen("nothing", List.of(), Group.everyone(), Set.of(), Action.READ);

    assertThatThrownBy(b::definitions).isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::toString).containsExactly("sharingRules[0].when: a"
                + " criteria-based rule needs at least one condition (or use ownedBy)"));
    assertThatThrownBy(b::build).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("sharingRules[0].when: a criteria-based rule needs at least one"
            + " condition (or use ownedBy)");
  }

  @Test
  void aSharingRuleIsOwnerBasedOrCriteriaBasedExactly() {
    List<Condition> retail = List.of(Condition.in("industry", "retail"));
    assertThatThrownBy(() -> new SharingRule("s", null, List.of(), Group.everyone(), Set.of(),
        Set.of(Action.READ))).isInstanceOf(CrmException.class)
        .hasMessage("expected exactly one of 'ownedBy' (owner-based) and 'when' (criteria-based)");
    assertThatThrownBy(() -> new SharingRule("s", Group.everyone(), retail, Group.everyone(),
        Set.of(), Set.of(Action.READ))).isInstanceOf(CrmException.class)
        .hasMessage("expected exactly one of 'ownedBy' (owner-based) and 'when' (criteria-based)");
    assertThat(new SharingRule("s", null, retail, Group.everyone(), Set.of(),
        Set.of(Action.READ)).when()).isEqualTo(retail);
  }

  @Test
  void anAllocationNamesARoleOrAnOrgUnitExactly() {
    assertThatThrownBy(() -> new Allocation(null, null, List.of(Module.MARKETING)))
        .isInstanceOf(CrmException.class)
        .hasMessage("expected exactly one of 'role' and 'orgUnit'");
    assertThatThrownBy(() -> new Allocation("rep", "acme", List.of(Module.MARKETING)))
        .isInstanceOf(CrmException.class)
        .hasMessage("expected exactly one of 'role' and 'orgUnit'");
  }

  @Test
  void theValueIsImmutableAndItsSetsAreUnordered() {
    List<Role> roles = new ArrayList<>(List.of(new Role("admin", null, Set.of())));
    PolicyDefinitions d = new PolicyDefinitions(false, Set.of(), List.of(), roles, List.of(),
        List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), List.of());
    roles.clear();

    assertThat(d.roles()).hasSize(1);
    assertThatThrownBy(() -> d.roles().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(new Grant("rep", ObjectType.CUSTOMER, Scope.OWN,
        new java.util.LinkedHashSet<>(List.of(Action.UPDATE, Action.READ))))
        .isEqualTo(new Grant("rep", ObjectType.CUSTOMER, Scope.OWN,
            Set.of(Action.READ, Action.UPDATE)));
    assertThatThrownBy(() -> new Grant("rep", ObjectType.CUSTOMER, null, Set.of()))
        .isInstanceOf(CrmException.class).hasMessage("scope is required, but was null");
  }

  @Test
  void compilingReportsProblemsAtTheDefinitionsPaths() {
    PolicyDefinitions d = new PolicyDefinitions(true, Set.of(),
        List.of(new ModuleDef(Module.MARKETING, List.of(ObjectType.CAMPAIGN))),
        List.of(new Role("admin", null, Set.of())),
        List.of(new Grant("ghost", ObjectType.CUSTOMER, Scope.OWN, Set.of(Action.READ))),
        List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), List.of());

    assertThatThrownBy(() -> d.compile(org(List.of())))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::toString).containsExactly(
                "modules[0].id: duplicate module 'marketing'",
                "grants[0].role: unknown role 'ghost'; known: [admin]"));
    assertThat(empty().compile(org(List.of())).definitions()).isEqualTo(empty());
  }

  @Test
  void whatADocumentCannotSayIsAProblem() {
    // a policy document's arrays of modules, actions and object types have at least one element;
    // so that every policy built in code can be written, build() requires the same
    assertThatThrownBy(() -> acme().module(Module.of("empty")).allocateToRole("admin")
        .recordTeams(ObjectType.CUSTOMER).build())
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
            .extracting(Problem::toString).containsExactly(
                "modules[0].objectTypes: at least one object type is required",
                "allocations[0].modules: at least one module is required",
                "recordTeams[0].actions: at least one action is required"));
  }

  @Test
  void theModuleLimitIsReportedWhereTheModuleIsDeclared() {
    AccessPolicy.Builder sixtyFive = acme();
    AccessPolicy.Builder sixtyPlusStandard = acme().standardModules();
    for (int i = 0; i < 65; i++) {
      sixtyFive.module(Module.of("m" + i), ObjectType.CUSTOMER);
      if (i < 60) {
        sixtyPlusStandard.module(Module.of("m" + i), ObjectType.CUSTOMER);
      }
    }
    assertThatThrownBy(sixtyFive::build).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("modules[64]: at most 64 modules are supported");
    // the standard modules come after the 60 custom ones: the 65th is a standard one
    assertThatThrownBy(sixtyPlusStandard::build).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("standardModules: at most 64 modules are supported");
  }

  @Test
  void customTypesThatDefinitionsNameAreDeclared() {
    PolicyDefinitions d = AccessPolicy.builder().objectType(ObjectType.CUSTOMER).role("rep")
        .grant("rep", ObjectType.of("invoice"), Scope.OWN, Action.READ)
        .manualShare(ObjectType.LEAD, "l1", Group.user("bob"), Action.READ)
        .definitions();

    // a policy document must declare its custom types: so a written policy can be read back
    assertThat(d.objectTypes()).containsExactly(ObjectType.CUSTOMER, ObjectType.of("invoice"));
    assertThat(AccessPolicy.builder(d).definitions()).isEqualTo(d);
  }
}

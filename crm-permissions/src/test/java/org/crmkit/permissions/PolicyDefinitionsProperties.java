package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crmkit.permissions.PolicyDefinitions.Allocation;
import org.crmkit.permissions.PolicyDefinitions.Deny;
import org.crmkit.permissions.PolicyDefinitions.FieldRule;
import org.crmkit.permissions.PolicyDefinitions.Grant;
import org.crmkit.permissions.PolicyDefinitions.ManualShare;
import org.crmkit.permissions.PolicyDefinitions.ModuleDef;
import org.crmkit.permissions.PolicyDefinitions.RecordTeam;
import org.crmkit.permissions.PolicyDefinitions.Role;
import org.crmkit.permissions.PolicyDefinitions.SharingRule;
import org.junit.jupiter.api.Test;

/**
 * Definitions survive a builder: what the fluent builder methods declare is what {@link
 * AccessPolicy.Builder#definitions()} and {@link AccessPolicy#definitions()} return, and a policy
 * rebuilt from its definitions decides alike. Over random worlds (each example is a seed).
 */
class PolicyDefinitionsProperties {
  static final int WORLDS = 1_000;

  /**
   * The definitions of a random world, with what {@link World} leaves out added at random:
   * standard modules, custom object types, privileges and field rules.
   */
  static PolicyDefinitions random(long seed) {
    World w = World.random(seed);
    PolicyDefinitions d = w.policy().definitions();
    Random r = new Random(seed);
    List<Role> roles = new ArrayList<>();
    for (Role role : d.roles()) {
      Set<AdminPrivilege> privileges = EnumSet.noneOf(AdminPrivilege.class);
      for (AdminPrivilege p : AdminPrivilege.values()) {
        if (r.nextInt(3) == 0) {
          privileges.add(p);
        }
      }
      roles.add(new Role(role.id(), role.parent(), privileges));
    }
    List<FieldRule> fields = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      fields.add(new FieldRule(roles.get(r.nextInt(roles.size())).id(), ObjectType.CUSTOMER,
          "field" + r.nextInt(3), FieldAccess.values()[r.nextInt(FieldAccess.values().length)]));
    }
    Set<ObjectType> types = new LinkedHashSet<>();
    if (r.nextBoolean()) {
      types.add(ObjectType.of("invoice"));
      types.add(World.UNMENTIONED);
    }
    return new PolicyDefinitions(r.nextBoolean(), types, d.modules(), roles, d.grants(), fields,
        d.allocations(), d.hierarchyAccess(), d.recordTeams(), d.sharingRules(), d.denies(),
        d.manualShares());
  }

  /**
   * Declares {@code d} through the fluent builder methods, as a host's code does: privileges
   * split over two calls, one of them before the role's declaration.
   */
  static AccessPolicy.Builder declare(PolicyDefinitions d, Random r) {
    AccessPolicy.Builder b = AccessPolicy.builder();
    d.objectTypes().forEach(b::objectType);
    for (ModuleDef m : d.modules()) {
      b.module(m.id(), m.objectTypes().toArray(new ObjectType[0]));
    }
    if (d.standardModules()) {
      b.standardModules();
    }
    for (Role role : d.roles()) {
      List<AdminPrivilege> ps = new ArrayList<>(role.privileges());
      int split = ps.isEmpty() ? 0 : r.nextInt(ps.size() + 1);
      if (split > 0) {
        b.privileges(role.id(), ps.subList(0, split).toArray(new AdminPrivilege[0]));
      }
      b.role(role.id(), role.parent());
      if (split < ps.size()) {
        b.privileges(role.id(), ps.subList(split, ps.size()).toArray(new AdminPrivilege[0]));
      }
    }
    for (Grant g : d.grants()) {
      b.grant(g.role(), g.objectType(), g.scope(), g.actions().toArray(new Action[0]));
    }
    for (FieldRule f : d.fields()) {
      b.field(f.role(), f.objectType(), f.field(), f.access());
    }
    for (Allocation a : d.allocations()) {
      if (a.role() != null) {
        b.allocateToRole(a.role(), a.modules().toArray(new Module[0]));
      } else {
        b.allocateToOrgUnit(a.orgUnit(), a.modules().toArray(new Module[0]));
      }
    }
    b.hierarchyAccess(d.hierarchyAccess().toArray(new ObjectType[0]));
    for (RecordTeam t : d.recordTeams()) {
      b.recordTeams(t.objectType(), t.actions().toArray(new Action[0]));
    }
    for (SharingRule s : d.sharingRules()) {
      if (s.ownedBy() != null) {
        b.shareOwnedBy(s.id(), s.ownedBy(), s.sharedWith(), s.objectTypes(),
            s.actions().toArray(new Action[0]));
      } else {
        b.shareWhen(s.id(), s.when(), s.sharedWith(), s.objectTypes(),
            s.actions().toArray(new Action[0]));
      }
    }
    for (Deny x : d.denies()) {
      b.deny(x.id(), x.who(), x.objectTypes(), x.actions(), x.when());
    }
    for (ManualShare m : d.manualShares()) {
      b.manualShare(m.objectType(), m.record(), m.with(), m.actions().toArray(new Action[0]));
    }
    return b;
  }

  @Test
  void definitionsThroughABuilderAreUnchanged() {
    qt().withExamples(WORLDS).forAll(longs().all()).checkAssert(seed -> {
      PolicyDefinitions d = random(seed);
      assertThat(declare(d, new Random(seed)).definitions()).as("seed %s", seed).isEqualTo(d);
      assertThat(AccessPolicy.builder(d).definitions()).as("seed %s", seed).isEqualTo(d);
      assertThat(AccessPolicy.builder(d).definitions().hashCode()).isEqualTo(d.hashCode());
    });
  }

  @Test
  void aPolicyRebuiltFromItsDefinitionsDecidesAlike() {
    qt().withExamples(WORLDS).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      AccessPolicy original = w.policy();
      AccessPolicy rebuilt = AccessPolicy.builder(original.definitions())
          .organisation(original.organisation()).build();
      assertThat(rebuilt.definitions()).as("seed %s", seed).isEqualTo(original.definitions());
      assertThat(AccessPolicy.diff(original, rebuilt, w.subjects(), w.records))
          .as("seed %s", seed).isEmpty();
      PolicyDefinitions d = random(seed);
      assertThat(d.compile(original.organisation()).definitions()).as("seed %s", seed)
          .isEqualTo(d);
    });
  }
}

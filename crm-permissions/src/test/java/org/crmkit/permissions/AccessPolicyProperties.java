package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Set;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

/** The invariants the issue states, over random worlds (each example is a seed). */
class AccessPolicyProperties {
  static final int WORLDS = 3_000;

  @Test
  void defaultDeny() {
    qt().withExamples(WORLDS).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      w.grants.clear();
      w.sharing.clear();
      w.recordTeams.clear();
      w.manual.clear();
      AccessPolicy policy = w.policy();
      for (User u : w.subjects()) {
        for (Action a : Action.values()) {
          assertThat(policy.filter(u, a, w.records)).as("seed %s", seed).isEmpty();
          assertThat(policy.accessPredicate(u, a, ObjectType.CUSTOMER))
              .isEqualTo(AccessPredicate.FALSE);
        }
      }
    });
  }

  @Test
  void aDenyOverridesEveryGrant() {
    qt().withExamples(WORLDS).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      User victim = w.pick(w.users);
      // grant everything to everyone, then deny one user everything on records of tier a
      for (String role : w.roleParent.keySet()) {
        for (ObjectType t : World.TYPES) {
          w.grants.add(new World.Grant(role, t, Scope.ALL, Set.of(Action.values())));
        }
      }
      w.sharing.add(new World.Share("all", Group.everyone(), List.of(), Group.everyone(),
          Set.of(), Set.of(Action.values())));
      w.denies.add(new World.Deny("deny-victim", Group.user(victim.id().value()), Set.of(),
          Set.of(), List.of(Condition.in("tier", "a"))));
      AccessPolicy policy = w.policy();
      for (AccessRecord r : w.records) {
        for (Action a : Action.values()) {
          AccessDecision d = policy.check(victim, a, r);
          if ("a".equals(r.attributes().get("tier"))) {
            assertThat(d.allowed()).as("seed %s: %s", seed, d).isFalse();
            assertThat(d.basis()).isIn(AccessDecision.Basis.DENY_RULE,
                AccessDecision.Basis.INACTIVE_USER, AccessDecision.Basis.MODULE_DISABLED);
          }
        }
      }
    });
  }

  @Test
  void withoutDeniesAddingAGrantNeverRemovesAccess() {
    qt().withExamples(WORLDS).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      w.denies.clear();
      AccessPolicy before = w.policy();
      w.grants.add(w.randomGrant());
      w.sharing.add(new World.Share("extra", w.randomGroup(), List.of(), w.randomGroup(),
          Set.of(), w.actions(false)));
      AccessPolicy after = w.policy();
      List<AccessChange> changes = AccessPolicy.diff(before, after, w.users, w.records);
      assertThat(changes).as("seed %s", seed).allMatch(AccessChange::gained);
    });
  }

  @Test
  void aManagerCanDoWhateverTheirReportsCanOnTheirRecords() {
    qt().withExamples(WORLDS).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      w.denies.clear();
      w.modules.clear();
      w.allocations.clear();
      w.hierarchy.addAll(World.TYPES);
      AccessPolicy policy = w.policy();
      for (User manager : w.users) {
        for (User report : w.users) {
          if (!manager.active() || !reportsTo(w, report, manager.id())) {
            continue;
          }
          for (AccessRecord r : w.records) {
            if (!r.owner().equals(report.id()) || r.type().equals(World.UNMENTIONED)) {
              continue;
            }
            for (Action a : Action.values()) {
              if (policy.isAllowed(report, a, r)) {
                assertThat(policy.isAllowed(manager, a, r))
                    .as("seed %s: %s may %s %s but manager %s may not", seed, report.id(), a,
                        r.id(), manager.id())
                    .isTrue();
              }
            }
          }
        }
      }
    });
  }

  private static boolean reportsTo(World w, User u, UserId manager) {
    User x = u;
    while (x.manager().isPresent()) {
      if (x.manager().get().equals(manager)) {
        return true;
      }
      UserId next = x.manager().get();
      x = w.users.stream().filter(y -> y.id().equals(next)).findFirst().orElseThrow();
    }
    return false;
  }
}

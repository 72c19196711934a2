package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.core.model.User;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the compiled policy, its explanations and its access predicates agree with
 * the naive {@link ReferenceEvaluator} on random organisations, role hierarchies, users, records
 * and rules. Each example is a seed; a failure prints it (QuickTheories reports the falsifying
 * seed and its own seed).
 */
class AccessPolicyReferenceTest {
  static final int WORLDS = 2_000;

  @Test
  void checkFilterExplanationAndPredicateAgreeWithTheReference() {
    AtomicLong cases = new AtomicLong();
    AtomicLong allowed = new AtomicLong();
    java.util.Set<AccessDecision.Basis> bases = java.util.concurrent.ConcurrentHashMap.newKeySet();
    qt().withExamples(WORLDS).withShrinkCycles(50).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      AccessPolicy policy = w.policy();
      ReferenceEvaluator ref = new ReferenceEvaluator(w);
      for (User u : w.subjects()) {
        for (Action a : Action.values()) {
          List<AccessRecord> expected = new ArrayList<>();
          for (AccessRecord r : w.records) {
            boolean want = ref.allowed(u, a, r);
            AccessDecision d = policy.check(u, a, r);
            assertThat(d.allowed()).as("seed %s: %s %s %s%n%s", seed, u.id(), a, r, w)
                .isEqualTo(want);
            assertThat(d.explanationAgrees()).as("explanation of %s: %s (seed %s)", d,
                d.explain(), seed).isTrue();
            bases.add(d.basis());
            if (want) {
              expected.add(r);
              allowed.incrementAndGet();
            }
            cases.incrementAndGet();
          }
          assertThat(policy.filter(u, a, w.records)).as("seed %s", seed).isEqualTo(expected);
          for (ObjectType t : List.of(World.TYPES.get(0), World.TYPES.get(1), World.TYPES.get(2),
              World.UNMENTIONED)) {
            AccessPredicate p = policy.accessPredicate(u, a, t);
            for (AccessRecord r : w.records) {
              if (r.type().equals(t)) {
                assertThat(p.test(r)).as("seed %s: predicate %s for %s %s on %s", seed, p, u.id(),
                    a, r).isEqualTo(ref.allowed(u, a, r));
              }
            }
          }
        }
      }
    });
    assertThat(cases.get()).isGreaterThan(100_000);
    // the random worlds exercise every path, and are neither all-allow nor all-deny
    assertThat(bases).containsExactlyInAnyOrder(AccessDecision.Basis.values());
    assertThat(allowed.get()).isBetween(cases.get() / 20, cases.get() * 19 / 20);
  }
}

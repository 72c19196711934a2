package org.crmkit.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the bulk filter's precomputed plan: on random worlds, every record the
 * {@link FilterPlan} decides by owner and unit positions is decided as the naive {@link
 * ReferenceEvaluator} decides it, and {@code filter} over lists long enough to use the plan gives
 * exactly the records the reference allows, in order. The records cover every owner (and an
 * unknown one) in every org unit (and an unknown one) for every type, beside the world's own
 * records with territories, teams, members and attributes.
 */
class FilterPlanReferenceTest {

  private static List<AccessRecord> records(World w) {
    List<AccessRecord> out = new ArrayList<>(w.records);
    List<String> owners = new ArrayList<>();
    w.users.forEach(u -> owners.add(u.id().value()));
    owners.add("ghost");
    List<String> units = new ArrayList<>(w.orgParent.keySet());
    units.add("nowhere");
    List<ObjectType> types = new ArrayList<>(World.TYPES);
    types.add(World.UNMENTIONED);
    int i = 0;
    for (ObjectType t : types) {
      for (String o : owners) {
        for (String u : units) {
          out.add(AccessRecord.builder().id("plan" + i++).type(t).owner(UserId.of(o))
              .orgUnit(OrgUnitId.of(u)).build());
        }
      }
    }
    while (out.size() < AccessPolicy.PLAN_THRESHOLD) {
      out.addAll(w.records);
    }
    return out;
  }

  @Test
  void planDecisionsAndFilterAgreeWithTheReference() {
    AtomicLong planned = new AtomicLong();
    AtomicLong plannedAllowed = new AtomicLong();
    AtomicLong asked = new AtomicLong();
    qt().withExamples(500).withShrinkCycles(50).forAll(longs().all()).checkAssert(seed -> {
      World w = World.random(seed);
      AccessPolicy policy = w.policy();
      Compiled c = policy.c;
      ReferenceEvaluator ref = new ReferenceEvaluator(w);
      List<AccessRecord> records = records(w);
      for (User u : w.subjects()) {
        Subject s = c.subject(u);
        for (Action a : Action.values()) {
          byte[] verdicts = c.verdictsByType(s, a.ordinal());
          FilterPlan plan = FilterPlan.of(c, s, a.ordinal(), verdicts);
          List<AccessRecord> expected = new ArrayList<>();
          for (AccessRecord r : records) {
            boolean want = ref.allowed(u, a, r);
            if (want) {
              expected.add(r);
            }
            int t = c.typeIndexOf(r.type());
            if (verdicts[t] != Compiled.EVALUATE) {
              continue;
            }
            int d = plan.decide(r, t);
            if (d == FilterPlan.ASK) {
              asked.incrementAndGet();
            } else {
              planned.incrementAndGet();
              plannedAllowed.addAndGet(d == FilterPlan.YES ? 1 : 0);
              assertThat(d == FilterPlan.YES).as("seed %s: plan for %s %s %s%n%s", seed, u.id(),
                  a, r, w).isEqualTo(want);
            }
          }
          assertThat(policy.filter(u, a, records)).as("seed %s: filter %s %s", seed, u.id(), a)
              .containsExactlyElementsOf(expected);
        }
      }
    });
    // the plan decides a real share of the records, both ways, and leaves the rest to the check
    assertThat(planned.get()).isGreaterThan(100_000);
    assertThat(plannedAllowed.get()).isBetween(planned.get() / 20, planned.get() * 19 / 20);
    assertThat(asked.get()).isGreaterThan(10_000);
  }
}

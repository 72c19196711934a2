package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.core.lifecycle.MachineProperties.leaves;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.EnumMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: random valid machines (each from a seed QuickTheories prints on failure)
 * against the deliberately naive {@link ReferenceMachine}.
 */
class MachineReferenceTest {

  @Test
  void reachableSetEqualsNaiveGraphReachability() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      RandomMachines.Spec spec = RandomMachines.spec(seed);
      Machine m = spec.build();
      ReferenceMachine ref = spec.reference();
      for (String s : leaves(m)) {
        assertThat(m.reachableStates(s)).isEqualTo(ref.reachable(s));
      }
      // every leaf of a valid machine is reachable from the initial state
      assertThat(m.reachableStates(m.initialState())).isEqualTo(ref.reachable(ref.initialLeaf()));
    });
  }

  @Test
  void decideAgreesWithTheNaiveReference() {
    EnumMap<Decision.Outcome, Integer> seen = new EnumMap<>(Decision.Outcome.class);
    int[] withEffects = new int[1];
    qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
      RandomMachines.Spec spec = RandomMachines.spec(seed);
      Machine m = spec.build();
      ReferenceMachine ref = spec.reference();
      Random r = new Random(~seed);
      for (String state : leaves(m)) {
        for (int k = 0; k < 8; k++) {
          String event = RandomMachines.event(r);
          Context ctx = RandomMachines.context(r);
          Decision d = m.decide(state, event, ctx);
          ReferenceMachine.Answer a = ref.decide(state, event, ctx);
          assertThat(d.outcome()).as("%s on %s with %s", state, event, ctx).isEqualTo(a.outcome());
          assertThat(d.state()).isEqualTo(a.state());
          assertThat(d.effects()).isEqualTo(a.effects());
          assertThat(d.failedGuard()).isEqualTo(a.failedGuard());
          seen.merge(d.outcome(), 1, Integer::sum);
          withEffects[0] += d.effects().size() > 1 ? 1 : 0;
        }
      }
    });
    // the generator exercises every outcome and multi-effect (exit/transition/entry) decisions
    assertThat(seen.keySet()).containsExactlyInAnyOrder(Decision.Outcome.values());
    assertThat(seen.values()).allMatch(count -> count > 100);
    assertThat(withEffects[0]).isGreaterThan(100);
  }
}

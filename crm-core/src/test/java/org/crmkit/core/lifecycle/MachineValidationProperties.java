package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.Random;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary (mostly invalid) declarations: {@code build()} either succeeds with a machine whose
 * every leaf is reachable and can move on, or throws {@link InvalidDefinitionException} with at
 * least one problem, each with a path; never any other exception.
 */
class MachineValidationProperties {
  static final String[] NAMES = {"a", "b", "c", "d", "e", "f"};

  @Test
  void buildEitherSucceedsSoundlyOrReportsProblems() {
    int[] outcomes = new int[2];
    qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
      Random r = new Random(seed);
      Machine.Builder b = Machine.builder("arbitrary");
      int states = r.nextInt(5);
      int pool = Math.max(1, states);
      if (r.nextInt(8) != 0) {
        b.initial(NAMES[r.nextInt(pool)]);
      }
      for (int i = 0; i < states; i++) {
        // mostly distinct declared names; sometimes a duplicate or an undeclared parent
        String name = r.nextInt(10) == 0 ? NAMES[r.nextInt(NAMES.length)] : NAMES[i];
        String parent = r.nextInt(6) == 0 ? NAMES[r.nextInt(NAMES.length)] : null;
        boolean fin = r.nextInt(4) == 0;
        b.state(name, s -> {
          if (parent != null) {
            s.parent(parent);
          }
          if (fin) {
            s.finalState();
          }
        });
      }
      int transitions = r.nextInt(9);
      for (int j = 0; j < transitions; j++) {
        String src = NAMES[r.nextInt(r.nextInt(10) == 0 ? NAMES.length : pool)];
        String tgt = NAMES[r.nextInt(r.nextInt(10) == 0 ? NAMES.length : pool)];
        String event = "e" + r.nextInt(3);
        int priority = r.nextInt(4);
        boolean guarded = r.nextInt(5) == 0;
        boolean timed = r.nextInt(8) == 0;
        b.transition(src, event, tgt, t -> {
          t.priority(priority);
          if (guarded) {
            t.guard(r.nextBoolean() ? "bound" : "unbound");
          }
          if (timed) {
            t.after(Duration.ofHours(r.nextInt(3) - 1), "clock");
          }
        });
      }
      b.guard("bound", Guard.always());
      try {
        Machine m = b.build();
        outcomes[0]++;
        for (String leaf : MachineProperties.leaves(m)) {
          assertThat(m.reachableStates(m.initialState())).contains(leaf);
          if (!m.state(leaf).orElseThrow().isFinal()) {
            assertThat(m.permittedEvents(leaf)).isNotEmpty();
          }
        }
      } catch (InvalidDefinitionException e) {
        outcomes[1]++;
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.path()).isNotBlank());
        assertThat(e.getMessage()).contains(e.problems().get(0).message());
      }
    });
    assertThat(outcomes[0]).as("valid machines generated").isGreaterThanOrEqualTo(3);
    assertThat(outcomes[1]).as("invalid machines generated").isGreaterThan(200);
  }
}

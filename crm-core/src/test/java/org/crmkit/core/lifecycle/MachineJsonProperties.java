package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.crmkit.core.json.MachineJson;
import org.junit.jupiter.api.Test;

/** JSON round-trip of random machines (seeded; QuickTheories prints the failing seed). */
class MachineJsonProperties {

  @Test
  void jsonRoundTripIsAnIdentity() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Machine m = RandomMachines.spec(seed).build();
      String json = MachineJson.write(m);
      Machine back = MachineJson.read(json, m.guards());
      assertThat(MachineJson.write(back)).isEqualTo(json);
      assertThat(back.name()).isEqualTo(m.name());
      assertThat(back.initialState()).isEqualTo(m.initialState());
      assertThat(back.states()).isEqualTo(m.states());
      assertThat(back.transitions()).isEqualTo(m.transitions());
      Random r = new Random(seed);
      for (String state : MachineProperties.leaves(m)) {
        for (String event : RandomMachines.EVENTS) {
          Context ctx = RandomMachines.context(r);
          Decision a = m.decide(state, event, ctx);
          Decision b = back.decide(state, event, ctx);
          assertThat(b.outcome()).isEqualTo(a.outcome());
          assertThat(b.state()).isEqualTo(a.state());
          assertThat(b.effects()).isEqualTo(a.effects());
        }
      }
    });
  }
}

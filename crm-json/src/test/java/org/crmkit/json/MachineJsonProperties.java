package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.crmkit.core.lifecycle.Machine;
import org.junit.jupiter.api.Test;

/** JSON round-trip of random machines (seeded; QuickTheories prints the failing seed). */
class MachineJsonProperties {

  @Test
  void jsonRoundTripIsAnIdentity() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      Machine m = randomMachine(seed);
      String json = MachineJson.write(m);
      Machine back = MachineJson.read(json, m.guards());
      assertThat(back.name()).isEqualTo(m.name());
      assertThat(back.initialState()).isEqualTo(m.initialState());
      assertThat(back.states()).isEqualTo(m.states());
      assertThat(back.transitions()).isEqualTo(m.transitions());
      assertThat(MachineJson.write(back)).isEqualTo(json);
    });
  }

  /**
   * A random valid machine: a chain s0 → s1 → … (every state reachable and with a way out), the
   * last state final or looping back, a compound state "open" holding some states, and extra
   * transitions with guards, effects, priorities, timers and internal transitions.
   */
  static Machine randomMachine(long seed) {
    Random r = new Random(seed);
    int n = 2 + r.nextInt(5);
    boolean lastFinal = r.nextBoolean();
    Machine.Builder b = Machine.builder("m" + r.nextInt(100)).initial("s0")
        .guard("g0", ctx -> true).guard("g1", ctx -> false);
    boolean compound = n > 2 && r.nextBoolean();
    if (compound) {
      b.state("open", s -> s.attribute("kind", "group"));
    }
    for (int i = 0; i < n; i++) {
      int k = i;
      b.state("s" + i, s -> {
        if (compound && (k == 1 || k > 0 && k < n - 1 && r.nextBoolean())) {
          s.parent("open");
        }
        if (k == n - 1 && lastFinal) {
          s.finalState();
        }
        s.onEntry(names(r, "in")).onExit(names(r, "out"));
        if (r.nextInt(4) == 0) {
          s.attribute("colour", "c" + r.nextInt(3));
        }
      });
    }
    for (int i = 0; i < n - 1; i++) {
      b.transition("s" + i, "next", "s" + (i + 1), t -> t.effect(names(r, "fx")));
    }
    if (!lastFinal) {
      b.transition("s" + (n - 1), "reset", "s0");
    }
    int extra = r.nextInt(5);
    int open = lastFinal ? n - 1 : n;
    for (int j = 0; j < extra; j++) {
      String source = "s" + r.nextInt(open);
      String event = "e" + r.nextInt(3);
      int priority = j + 1;
      List<String> guards = r.nextBoolean() ? List.of("g" + r.nextInt(2)) : List.of();
      Duration after = r.nextInt(3) == 0
          ? (r.nextBoolean() ? Duration.ofDays(1 + r.nextInt(400))
              : Duration.ofSeconds(1 + r.nextInt(100_000)))
          : null;
      java.util.function.Consumer<Machine.TransitionSpec> spec = t -> {
        t.guard(guards.toArray(new String[0])).effect(names(r, "fx")).priority(priority);
        if (after != null) {
          t.after(after, "since");
        }
      };
      if (r.nextInt(4) == 0) {
        b.internal(source, event, spec);
      } else {
        b.transition(source, event, "s" + r.nextInt(n), spec);
      }
    }
    return b.build();
  }

  private static String[] names(Random r, String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      out.add(prefix + r.nextInt(3));
    }
    return out.toArray(new String[0]);
  }
}

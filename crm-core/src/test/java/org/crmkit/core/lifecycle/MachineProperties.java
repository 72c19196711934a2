package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the lifecycle engine over random valid machines (each generated from a seed that
 * QuickTheories prints on failure) and random event sequences.
 */
class MachineProperties {

  @Test
  void randomEventSequencesNeverLeaveTheDeclaredLeafStates() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      RandomMachines.Spec spec = RandomMachines.spec(seed);
      Machine m = spec.build();
      Set<String> leaves = new HashSet<>();
      for (int i = 0; i < spec.names().size(); i++) {
        boolean hasChild = false;
        for (int p : spec.parent()) {
          hasChild |= p == i;
        }
        if (!hasChild) {
          leaves.add(spec.names().get(i));
        }
      }
      Random r = new Random(seed);
      String state = m.start("x").state();
      for (int step = 0; step < 60; step++) {
        Decision d = m.decide(state, RandomMachines.event(r), RandomMachines.context(r));
        assertThat(leaves).contains(d.state());
        if (!d.accepted()) {
          assertThat(d.state()).isEqualTo(state);
          assertThat(d.effects()).isEmpty();
        }
        state = d.state();
      }
    });
  }

  @Test
  void replayOfTheRecordsOfSuccessiveDecisionsEqualsTheFoldedState() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      Machine m = RandomMachines.spec(seed).build();
      Random r = new Random(seed ^ 0x5DEECE66DL);
      SubjectState subject = m.start("c-" + seed);
      String folded = subject.state();
      List<TransitionRecord> log = new ArrayList<>();
      java.time.Instant at = RandomMachines.EPOCH;
      for (int step = 0; step < 60; step++) {
        String event = RandomMachines.event(r);
        Context ctx = RandomMachines.context(r);
        Decision d = m.decide(folded, event, ctx);
        folded = d.state();
        at = at.plus(Duration.ofHours(r.nextInt(3)));
        if (d.accepted()) {
          TransitionRecord rec = m.fire(subject, event, ctx, at, "tester");
          subject = m.apply(subject, rec);
          log.add(rec);
        }
        assertThat(subject.state()).isEqualTo(folded);
      }
      Replay replay = m.replay(log);
      assertThat(replay.valid()).as("replay %s", replay.illegalStep()).isTrue();
      assertThat(replay.state()).isEqualTo(folded);
      assertThat(replay.version()).isEqualTo(log.size());
    });
  }

  @Test
  void decidingByCodesEqualsDecidingByNames() {
    qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
      Machine m = RandomMachines.spec(seed).build();
      Random r = new Random(seed ^ 0x5DEECE66DL);
      for (String state : leaves(m)) {
        int code = m.stateCode(state);
        assertThat(m.stateName(code)).isEqualTo(state);
        for (String event : m.events()) {
          Context ctx = RandomMachines.context(r);
          Decision byName = m.decide(state, event, ctx);
          Decision byCode = m.decide(code, m.eventCode(event), ctx);
          assertThat(byCode.outcome()).isEqualTo(byName.outcome());
          assertThat(byCode.state()).isEqualTo(byName.state());
          assertThat(byCode.effects()).isEqualTo(byName.effects());
          assertThat(byCode.failedGuard()).isEqualTo(byName.failedGuard());
          assertThat(byCode.stateCode()).isEqualTo(m.stateCode(byName.state()));
        }
      }
    });
  }

  @Test
  void effectListsAreDeterministic() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      RandomMachines.Spec spec = RandomMachines.spec(seed);
      Machine first = spec.build();
      Machine second = spec.build();
      Random r = new Random(seed);
      for (String state : leaves(first)) {
        for (String event : RandomMachines.EVENTS) {
          Context ctx = RandomMachines.context(r);
          Decision a = first.decide(state, event, ctx);
          assertThat(first.decide(state, event, ctx).effects()).isEqualTo(a.effects());
          assertThat(second.decide(state, event, ctx).effects()).isEqualTo(a.effects());
          assertThat(second.decide(state, event, ctx).state()).isEqualTo(a.state());
        }
      }
    });
  }

  @Test
  void shortestPathLeadsToItsTargetAndIsNoLongerThanAnyPathFound() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      RandomMachines.Spec spec = RandomMachines.spec(seed);
      Machine m = spec.build();
      for (String from : leaves(m)) {
        Set<String> reachable = m.reachableStates(from);
        for (String to : leaves(m)) {
          var path = m.shortestPath(from, to);
          assertThat(path.isPresent()).isEqualTo(reachable.contains(to));
          if (path.isPresent()) {
            // following the path structurally (any candidate target) can end in 'to'
            Set<String> frontier = Set.of(from);
            for (String ev : path.get()) {
              Set<String> next = new HashSet<>();
              for (String s : frontier) {
                next.addAll(targets(m, s, ev));
              }
              frontier = next;
            }
            assertThat(frontier).contains(to);
          }
        }
      }
    });
  }

  static List<String> leaves(Machine m) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < m.stateNames.length; i++) {
      if (m.leaf[i]) {
        out.add(m.stateNames[i]);
      }
    }
    return out;
  }

  private static Set<String> targets(Machine m, String s, String event) {
    Set<String> out = new HashSet<>();
    int si = m.stateIndex.get(s);
    int e = m.eventIndex.get(event);
    if (e >= 0 && !m.isFinal[si]) {
      for (Machine.Candidate c : m.candidates[si * m.events + e]) {
        out.add(m.stateNames[c.targetLeaf]);
      }
    }
    return out;
  }
}

package org.crmkit.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Generates random valid machine declarations from a seed (so QuickTheories' reported seed
 * reproduces a failure). Valid by construction: parents precede children (no cycles), finals are
 * leaves, every leaf is reached by a spanning transition, every non-final leaf has a way out,
 * priorities are unique per (source, event).
 */
final class RandomMachines {
  static final String[] EVENTS = {"a", "b", "c", "d", "e"};
  static final String[] GUARDS = {"g0", "g1", "g2"};
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** A declaration both the real machine and the reference can be built from. */
  record Spec(
      List<String> names,
      int[] parent,
      boolean[] isFinal,
      int initial,
      List<List<String>> onEntry,
      List<List<String>> onExit,
      List<Transition> transitions) {

    Machine build() {
      Machine.Builder b = Machine.builder("random").initial(names.get(initial));
      for (int i = 0; i < names.size(); i++) {
        int p = parent[i];
        int idx = i;
        b.state(names.get(i), s -> {
          if (p >= 0) {
            s.parent(names.get(p));
          }
          if (isFinal[idx]) {
            s.finalState();
          }
          s.onEntry(onEntry.get(idx).toArray(new String[0]));
          s.onExit(onExit.get(idx).toArray(new String[0]));
        });
      }
      for (Transition t : transitions) {
        java.util.function.Consumer<Machine.TransitionSpec> spec = o -> {
          o.guard(t.guards().toArray(new String[0])).effect(t.effects().toArray(new String[0]))
              .priority(t.priority());
          t.timer().ifPresent(timer -> o.after(timer.after(), timer.clock()));
        };
        if (t.internal()) {
          b.internal(t.source(), t.event(), spec);
        } else {
          b.transition(t.source(), t.event(), t.target(), spec);
        }
      }
      for (String g : GUARDS) {
        b.guard(g, guard(g));
      }
      return b.build();
    }

    ReferenceMachine reference() {
      Map<String, Guard> guards = new HashMap<>();
      for (String g : GUARDS) {
        guards.put(g, guard(g));
      }
      return new ReferenceMachine(names, parent, isFinal, initial, onEntry, onExit, transitions,
          guards);
    }
  }

  /** Guard gK holds when the context flag fK is true. */
  static Guard guard(String name) {
    return Guard.flag("f" + name.substring(1));
  }

  static Spec spec(long seed) {
    Random r = new Random(seed);
    int n = 2 + r.nextInt(9);
    List<String> names = new ArrayList<>();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      names.add("s" + i);
      parent[i] = i > 0 && r.nextInt(3) == 0 ? r.nextInt(i) : -1;
    }
    parent[n - 1] = -1; // a top-level last state guarantees at least two leaves
    boolean[] hasChild = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (parent[i] >= 0) {
        hasChild[parent[i]] = true;
      }
    }
    List<Integer> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!hasChild[i]) {
        leaves.add(i);
      }
    }
    int initial = r.nextInt(n);
    int initialLeaf = initialLeaf(initial, parent, n);
    boolean[] isFinal = new boolean[n];
    for (int l : leaves) {
      isFinal[l] = l != initialLeaf && r.nextInt(4) == 0;
    }
    List<List<String>> onEntry = new ArrayList<>();
    List<List<String>> onExit = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      onEntry.add(r.nextInt(3) == 0 ? List.of("enter-" + i) : List.of());
      onExit.add(r.nextInt(3) == 0 ? List.of("exit-" + i) : List.of());
    }
    List<Transition> ts = new ArrayList<>();
    Map<String, Integer> nextPriority = new HashMap<>();
    // spanning: every leaf reached from some reached non-final leaf
    List<Integer> reached = new ArrayList<>(List.of(initialLeaf));
    for (int l : leaves) {
      if (l == initialLeaf) {
        continue;
      }
      List<Integer> from = new ArrayList<>();
      for (int x : reached) {
        if (!isFinal[x]) {
          from.add(x);
        }
      }
      int src = from.get(r.nextInt(from.size()));
      ts.add(transition(r, names, src, l, false, nextPriority, false));
      reached.add(l);
    }
    // a way out of every non-final leaf
    if (leaves.size() > 1) {
      for (int l : leaves) {
        if (isFinal[l]) {
          continue;
        }
        int tgt;
        do {
          tgt = leaves.get(r.nextInt(leaves.size()));
        } while (tgt == l);
        ts.add(transition(r, names, l, tgt, false, nextPriority, false));
      }
    } else {
      // one leaf only: it must be final... or the single state loops; make it final-free by a
      // second state
      throw new IllegalStateException("unreachable: n >= 2 gives at least two leaves");
    }
    // extra random transitions, possibly on composites, guarded, internal, timed
    int extra = r.nextInt(2 * n + 1);
    for (int k = 0; k < extra; k++) {
      int src = r.nextInt(n);
      if (isFinal[src]) {
        continue;
      }
      boolean internal = r.nextInt(5) == 0;
      int tgt = internal ? src : r.nextInt(n);
      ts.add(transition(r, names, src, tgt, internal, nextPriority, true));
    }
    return new Spec(names, parent, isFinal, initial, onEntry, onExit, ts);
  }

  private static Transition transition(
      Random r, List<String> names, int src, int tgt, boolean internal,
      Map<String, Integer> nextPriority, boolean conditions) {
    String event = EVENTS[r.nextInt(EVENTS.length)];
    String key = src + "/" + event;
    int priority = nextPriority.merge(key, 1, Integer::sum) * (r.nextBoolean() ? 1 : -1);
    List<String> guards = new ArrayList<>();
    Optional<Transition.Timer> timer = Optional.empty();
    if (conditions) {
      Set<String> gs = new HashSet<>();
      int count = r.nextInt(3);
      for (int i = 0; i < count; i++) {
        gs.add(GUARDS[r.nextInt(GUARDS.length)]);
      }
      guards.addAll(new java.util.TreeSet<>(gs));
      if (r.nextInt(6) == 0) {
        timer = Optional.of(new Transition.Timer(Duration.ofDays(1 + r.nextInt(5)), "since"));
      }
    }
    List<String> effects = r.nextBoolean() ? List.of("fx-" + r.nextInt(4)) : List.of();
    return new Transition(names.get(src), event, names.get(tgt), guards, effects, priority,
        internal, timer);
  }

  static int initialLeaf(int s, int[] parent, int n) {
    int at = s;
    while (true) {
      int child = -1;
      for (int i = 0; i < n; i++) {
        if (parent[i] == at) {
          child = i;
          break;
        }
      }
      if (child < 0) {
        return at;
      }
      at = child;
    }
  }

  /** A random context: flags f0..f2, and sometimes a clock and now. */
  static Context context(Random r) {
    Map<String, Object> facts = new HashMap<>();
    for (int i = 0; i < GUARDS.length; i++) {
      if (r.nextBoolean()) {
        facts.put("f" + i, r.nextBoolean());
      }
    }
    if (r.nextInt(3) == 0) {
      facts.put("since", EPOCH);
      return Context.of(facts, EPOCH.plus(Duration.ofDays(r.nextInt(7))));
    }
    return Context.of(facts);
  }

  static String event(Random r) {
    return r.nextInt(12) == 0 ? "unknown-event" : EVENTS[r.nextInt(EVENTS.length)];
  }

  private RandomMachines() {}
}

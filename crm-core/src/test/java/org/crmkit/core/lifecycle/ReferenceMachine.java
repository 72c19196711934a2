package org.crmkit.core.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately naive lifecycle machine: no indexes, no precomputation; every decision walks the
 * declared transition list and recomputes ancestors, targets and effects from scratch.
 */
final class ReferenceMachine {
  private final List<String> names;
  private final int[] parent;
  private final boolean[] isFinal;
  private final int initial;
  private final List<List<String>> onEntry;
  private final List<List<String>> onExit;
  private final List<Transition> transitions;
  private final Map<String, Guard> guards;

  ReferenceMachine(
      List<String> names, int[] parent, boolean[] isFinal, int initial,
      List<List<String>> onEntry, List<List<String>> onExit, List<Transition> transitions,
      Map<String, Guard> guards) {
    this.names = names;
    this.parent = parent;
    this.isFinal = isFinal;
    this.initial = initial;
    this.onEntry = onEntry;
    this.onExit = onExit;
    this.transitions = transitions;
    this.guards = guards;
  }

  /** The naive answer: outcome, resulting state, effects, failed guard. */
  record Answer(Decision.Outcome outcome, String state, List<String> effects,
      Optional<String> failedGuard) {}

  String initialLeaf() {
    return names.get(RandomMachines.initialLeaf(initial, parent, names.size()));
  }

  /** Ancestors-or-self of state i, innermost first. */
  private List<Integer> chain(int i) {
    List<Integer> out = new ArrayList<>();
    for (int at = i; at != -1; at = parent[at]) {
      out.add(at);
    }
    return out;
  }

  private int depth(int i) {
    return chain(i).size();
  }

  Answer decide(String state, String event, Context context) {
    int s = names.indexOf(state);
    if (isFinal[s]) {
      return new Answer(Decision.Outcome.FINAL_STATE, state, List.of(), Optional.empty());
    }
    List<Integer> chain = chain(s);
    List<Integer> candidates = new ArrayList<>();
    for (int j = 0; j < transitions.size(); j++) {
      Transition t = transitions.get(j);
      if (t.event().equals(event) && chain.contains(names.indexOf(t.source()))) {
        candidates.add(j);
      }
    }
    candidates.sort(Comparator
        .comparingInt((Integer j) -> -depth(names.indexOf(transitions.get(j).source())))
        .thenComparingInt(j -> -transitions.get(j).priority())
        .thenComparingInt(j -> j));
    if (candidates.isEmpty()) {
      return new Answer(Decision.Outcome.NO_TRANSITION, state, List.of(), Optional.empty());
    }
    String firstFailed = null;
    for (int j : candidates) {
      Transition t = transitions.get(j);
      String failed = null;
      if (t.timer().isPresent()) {
        Optional<Instant> now = context.now();
        Optional<Instant> since = context.instant(t.timer().get().clock());
        if (now.isEmpty() || since.isEmpty()
            || now.get().isBefore(since.get().plus(t.timer().get().after()))) {
          failed = "timer";
        }
      }
      if (failed == null) {
        for (String g : t.guards()) {
          if (!guards.get(g).test(context)) {
            failed = g;
            break;
          }
        }
      }
      if (failed == null) {
        return accept(s, t);
      }
      if (firstFailed == null) {
        firstFailed = failed;
      }
    }
    return new Answer(Decision.Outcome.GUARD_FAILED, state, List.of(), Optional.of(firstFailed));
  }

  private Answer accept(int s, Transition t) {
    if (t.internal()) {
      return new Answer(Decision.Outcome.ACCEPTED, names.get(s), t.effects(), Optional.empty());
    }
    int src = names.indexOf(t.source());
    int tgt = names.indexOf(t.target());
    int leaf = RandomMachines.initialLeaf(tgt, parent, names.size());
    // the domain: deepest state strictly containing both source and target
    List<Integer> srcUp = chain(src).subList(1, chain(src).size());
    List<Integer> tgtUp = chain(tgt).subList(1, chain(tgt).size());
    int domain = -1;
    for (int x : srcUp) {
      if (tgtUp.contains(x)) {
        domain = x;
        break;
      }
    }
    List<String> effects = new ArrayList<>();
    for (int at : chain(s)) {
      if (at == domain) {
        break;
      }
      effects.addAll(onExit.get(at));
    }
    effects.addAll(t.effects());
    List<Integer> down = new ArrayList<>();
    for (int at : chain(leaf)) {
      if (at == domain) {
        break;
      }
      down.add(0, at);
    }
    for (int at : down) {
      effects.addAll(onEntry.get(at));
    }
    return new Answer(Decision.Outcome.ACCEPTED, names.get(leaf), effects, Optional.empty());
  }

  /** Naive reachability: iterate to a fixpoint over every (leaf, transition) pair. */
  Set<String> reachable(String from) {
    Set<String> seen = new LinkedHashSet<>();
    seen.add(from);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String s : new ArrayList<>(seen)) {
        int si = names.indexOf(s);
        if (isFinal[si]) {
          continue;
        }
        for (Transition t : transitions) {
          if (chain(si).contains(names.indexOf(t.source()))) {
            String to = t.internal() ? s
                : names.get(RandomMachines.initialLeaf(names.indexOf(t.target()), parent,
                    names.size()));
            changed |= seen.add(to);
          }
        }
      }
    }
    return seen;
  }
}

package org.crmkit.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.jspecify.annotations.Nullable;

/** Validates a {@link Machine.Builder}'s declarations and compiles them into indexed tables. */
final class MachineCompiler {
  /** The longest timer a machine accepts (1000 Julian years), so that due instants stay exact. */
  static final java.time.Duration MAX_TIMER = java.time.Duration.ofDays(365_250);

  final String name;
  final List<Problem> problems = new ArrayList<>();
  List<State> stateValues = List.of();
  List<Transition> transitionValues = List.of();
  String initialName = "";
  Map<String, Guard> boundGuards = Map.of();
  String[] stateNames = new String[0];
  NameIndex stateIndex = new NameIndex(new String[0]);
  String[] eventNames = new String[0];
  NameIndex eventIndex = new NameIndex(new String[0]);
  int[] parent = new int[0];
  boolean[] leaf = new boolean[0];
  boolean[] isFinal = new boolean[0];
  int[] initialLeaf = new int[0];
  Decision[] fixed = new Decision[0];
  Machine.Candidate[][] candidates = new Machine.Candidate[0][];

  private final Machine.Builder b;

  MachineCompiler(Machine.Builder b) {
    this.b = b;
    this.name = b.name;
  }

  Machine compile() {
    int n = b.stateNames.size();
    // 1. states: duplicates, parents, cycles, nesting, finals with children
    Map<String, Integer> firstIndex = new HashMap<>();
    boolean statesOk = true;
    for (int i = 0; i < n; i++) {
      String s = b.stateNames.get(i);
      Integer prev = firstIndex.putIfAbsent(s, i);
      if (prev != null) {
        problem("states[" + i + "]", "duplicate state '%s' (first declared at states[%d])", s, prev);
        statesOk = false;
      }
    }
    if (n == 0) {
      problem("states", "a machine needs at least one state");
      statesOk = false;
    }
    List<String> known = new ArrayList<>(new TreeSet<>(b.stateNames));
    int[] par = new int[n];
    for (int i = 0; i < n; i++) {
      String p = b.stateSpecs.get(i).parent;
      if (p == null) {
        par[i] = -1;
      } else if (!firstIndex.containsKey(p)) {
        problem("states[" + i + "].parent", "unknown state '%s'; known states: %s", p, known);
        par[i] = -1;
        statesOk = false;
      } else {
        par[i] = firstIndex.get(p);
      }
    }
    // cycles: walk each chain at most n steps
    boolean[] inCycle = new boolean[n];
    for (int i = 0; i < n; i++) {
      int at = i;
      int steps = 0;
      while (at >= 0 && steps <= n) {
        at = par[at];
        steps++;
        if (at == i) {
          break;
        }
      }
      if (at == i && !inCycle[i]) {
        List<String> cycle = new ArrayList<>();
        int c = i;
        do {
          inCycle[c] = true;
          cycle.add(b.stateNames.get(c));
          c = par[c];
        } while (c != i);
        cycle.add(b.stateNames.get(i));
        problem("states[" + i + "].parent", "parent cycle: %s", String.join(" -> ", cycle));
        statesOk = false;
      }
    }
    if (statesOk) {
      for (int i = 0; i < n; i++) {
        int depth = 0;
        for (int at = par[i]; at >= 0; at = par[at]) {
          depth++;
        }
        if (depth >= Machine.MAX_NESTING) {
          problem("states[" + i + "].parent", "state '%s' is nested %d deep; at most %d levels",
              b.stateNames.get(i), depth + 1, Machine.MAX_NESTING);
          statesOk = false;
        }
      }
    }
    boolean[] hasChild = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (par[i] >= 0) {
        hasChild[par[i]] = true;
      }
    }
    for (int i = 0; i < n; i++) {
      if (b.stateSpecs.get(i).isFinal && hasChild[i]) {
        problem("states[" + i + "]", "final state '%s' cannot contain other states",
            b.stateNames.get(i));
        statesOk = false;
      }
    }
    // 2. initial
    if (b.initial == null) {
      problem("initial", "the initial state is required; known states: %s", known);
      statesOk = false;
    } else if (!firstIndex.containsKey(b.initial)) {
      problem("initial", "unknown state '%s'; known states: %s", b.initial, known);
      statesOk = false;
    }
    // 3. transitions
    List<Transition> ts = b.transitions;
    boolean[] tOk = new boolean[ts.size()];
    Map<String, Guard> bound = new LinkedHashMap<>();
    for (int j = 0; j < ts.size(); j++) {
      Transition t = ts.get(j);
      String at = "transitions[" + j + "]";
      boolean ok = true;
      Integer src = firstIndex.get(t.source());
      if (src == null) {
        problem(at + ".source", "unknown state '%s'; known states: %s", t.source(), known);
        ok = false;
      } else if (b.stateSpecs.get(src).isFinal) {
        problem(at + ".source", "final state '%s' cannot have outgoing transitions", t.source());
        ok = false;
      }
      if (!firstIndex.containsKey(t.target())) {
        problem(at + ".target", "unknown state '%s'; known states: %s", t.target(), known);
        ok = false;
      }
      for (int k = 0; k < t.guards().size(); k++) {
        String g = t.guards().get(k);
        Guard guard = b.resolveGuard(g);
        if (guard == null) {
          problem(at + ".guards[" + k + "]", "unknown guard '%s'; bound guards: %s", g,
              b.boundGuardNames());
          ok = false;
        } else {
          bound.put(g, guard);
        }
      }
      if (t.timer().isPresent()) {
        Transition.Timer timer = t.timer().get();
        if (timer.after().isNegative() || timer.after().isZero()) {
          problem(at + ".after", "a timer must be positive, but was %s", timer.after());
          ok = false;
        } else if (timer.after().compareTo(MAX_TIMER) > 0) {
          problem(at + ".after", "a timer must be at most 1000 years (%s), but was %s",
              MAX_TIMER, timer.after());
          ok = false;
        }
      }
      tOk[j] = ok;
    }
    // ambiguity: same source, event and priority
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < ts.size(); j++) {
      Transition t = ts.get(j);
      String key = t.source() + "\u0000" + t.event() + "\u0000" + t.priority();
      Integer prev = seen.putIfAbsent(key, j);
      if (prev != null) {
        problem("transitions[" + j + "]",
            "ambiguous with transitions[%d]: both leave '%s' on '%s' with priority %d; give them"
                + " different priorities", prev, t.source(), t.event(), t.priority());
      }
    }
    if (!statesOk) {
      throw new InvalidDefinitionException("lifecycle machine '" + name + "'", problems);
    }
    // 4. compile states
    stateNames = b.stateNames.toArray(new String[0]);
    stateIndex = new NameIndex(stateNames);
    parent = par;
    leaf = new boolean[n];
    isFinal = new boolean[n];
    for (int i = 0; i < n; i++) {
      leaf[i] = !hasChild[i];
      isFinal[i] = b.stateSpecs.get(i).isFinal;
    }
    int[] firstChild = new int[n];
    java.util.Arrays.fill(firstChild, -1);
    for (int i = 0; i < n; i++) {
      if (par[i] >= 0 && firstChild[par[i]] < 0) {
        firstChild[par[i]] = i;
      }
    }
    initialLeaf = new int[n];
    for (int i = 0; i < n; i++) {
      int at = i;
      while (firstChild[at] >= 0) {
        at = firstChild[at];
      }
      initialLeaf[i] = at;
    }
    List<State> sv = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Machine.StateSpec sp = b.stateSpecs.get(i);
      sv.add(new State(stateNames[i], Optional.ofNullable(sp.parent), sp.isFinal, sp.onEntry,
          sp.onExit, sp.attributes));
    }
    stateValues = Collections.unmodifiableList(sv);
    transitionValues = List.copyOf(ts);
    initialName = b.initial == null ? "" : b.initial;
    boundGuards = Collections.unmodifiableMap(bound);
    // events in order of first use
    LinkedHashMap<String, Integer> ev = new LinkedHashMap<>();
    for (Transition t : ts) {
      ev.putIfAbsent(t.event(), ev.size());
    }
    eventNames = ev.keySet().toArray(new String[0]);
    eventIndex = new NameIndex(eventNames);
    int m = eventNames.length;
    // transitions by declaring state, in priority order (stable)
    List<List<Integer>> bySource = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      bySource.add(new ArrayList<>());
    }
    for (int j = 0; j < ts.size(); j++) {
      if (tOk[j]) {
        bySource.get(requireNonNull(firstIndex.get(ts.get(j).source()))).add(j);
      }
    }
    for (List<Integer> l : bySource) {
      l.sort((x, y) -> Integer.compare(ts.get(y).priority(), ts.get(x).priority()));
    }
    fixed = new Decision[n * m];
    candidates = new Machine.Candidate[n * m][];
    Machine.Candidate[] none = new Machine.Candidate[0];
    java.util.Arrays.fill(candidates, none);
    for (int s = 0; s < n; s++) {
      if (!leaf[s]) {
        continue;
      }
      for (int e = 0; e < m; e++) {
        int slot = s * m + e;
        if (isFinal[s]) {
          fixed[slot] = new Decision(Decision.Outcome.FINAL_STATE, stateNames[s], eventNames[e],
              stateNames[s], List.of(), false, null, null,
              "'" + stateNames[s] + "' is a final state; no event is accepted", s);
          continue;
        }
        List<Machine.Candidate> cs = new ArrayList<>();
        for (int level = s; level >= 0; level = par[level]) {
          for (int j : bySource.get(level)) {
            Transition t = ts.get(j);
            if (t.event().equals(eventNames[e])) {
              cs.add(candidate(s, level, t));
            }
          }
        }
        candidates[slot] = cs.toArray(none);
        if (cs.isEmpty()) {
          fixed[slot] = new Decision(Decision.Outcome.NO_TRANSITION, stateNames[s], eventNames[e],
              stateNames[s], List.of(), false, null, null,
              "no transition on '" + eventNames[e] + "' in '" + stateNames[s] + "'", s);
        } else if (cs.get(0).unconditional()) {
          fixed[slot] = cs.get(0).accepted;
        }
      }
    }
    // 5. reachability and ways out
    if (problems.isEmpty() || onlyTransitionProblems()) {
      int start = initialLeaf[requireNonNull(firstIndex.get(initialName))];
      boolean[] reached = new boolean[n];
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      reached[start] = true;
      queue.add(start);
      while (!queue.isEmpty()) {
        int s = queue.poll();
        if (isFinal[s]) {
          continue;
        }
        for (int e = 0; e < m; e++) {
          for (Machine.Candidate c : candidates[s * m + e]) {
            if (!reached[c.targetLeaf]) {
              reached[c.targetLeaf] = true;
              queue.add(c.targetLeaf);
            }
          }
        }
      }
      for (int s = 0; s < n; s++) {
        if (leaf[s] && reached[s]) {
          for (int a = par[s]; a >= 0; a = par[a]) {
            reached[a] = true;
          }
        }
      }
      for (int s = 0; s < n; s++) {
        if (!reached[s]) {
          problem("states[" + s + "]", "state '%s' is unreachable from the initial state '%s'",
              stateNames[s], b.initial);
        }
      }
      for (int s = 0; s < n; s++) {
        if (!leaf[s] || isFinal[s]) {
          continue;
        }
        boolean out = false;
        for (int e = 0; e < m && !out; e++) {
          for (Machine.Candidate c : candidates[s * m + e]) {
            if (c.targetLeaf != s) {
              out = true;
              break;
            }
          }
        }
        if (!out) {
          problem("states[" + s + "]", "non-final state '%s' has no transition leading out of it;"
              + " mark it final or add a transition", stateNames[s]);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidDefinitionException("lifecycle machine '" + name + "'", problems);
    }
    return new Machine(this);
  }

  private boolean onlyTransitionProblems() {
    for (Problem p : problems) {
      if (!p.path().startsWith("transitions[")) {
        return false;
      }
    }
    return true;
  }

  /** The candidate for transition {@code t} declared on {@code level}, seen from leaf {@code s}. */
  private Machine.Candidate candidate(int s, int level, Transition t) {
    Guard[] gs = new Guard[t.guards().size()];
    for (int k = 0; k < gs.length; k++) {
      gs[k] = boundGuards.get(t.guards().get(k));
    }
    int tgt = stateIndex.get(t.target());
    List<String> effects = new ArrayList<>();
    int targetLeaf;
    if (t.internal()) {
      targetLeaf = s;
      effects.addAll(t.effects());
    } else {
      targetLeaf = initialLeaf[tgt];
      int lca = commonProperAncestor(level, tgt);
      for (int at = s; at >= 0 && at != lca; at = parent[at]) {
        effects.addAll(b.stateSpecs.get(at).onExit);
      }
      effects.addAll(t.effects());
      List<Integer> entered = new ArrayList<>();
      for (int at = targetLeaf; at >= 0 && at != lca; at = parent[at]) {
        entered.add(at);
      }
      Collections.reverse(entered);
      for (int at : entered) {
        effects.addAll(b.stateSpecs.get(at).onEntry);
      }
    }
    String summary = "'" + t.event() + "' in '" + stateNames[s] + "' "
        + (t.internal() ? "handled internally" : "leads to '" + stateNames[targetLeaf] + "'")
        + (level != s ? " (transition of '" + stateNames[level] + "')" : "");
    Decision accepted = new Decision(Decision.Outcome.ACCEPTED, stateNames[s], t.event(),
        stateNames[targetLeaf], effects, t.internal(), t, null, summary, targetLeaf);
    return new Machine.Candidate(t, gs, targetLeaf, accepted);
  }

  /** The deepest state that strictly encloses both {@code a} and {@code b}, or -1. */
  private int commonProperAncestor(int a, int b) {
    for (int x = parent[a]; x >= 0; x = parent[x]) {
      for (int y = parent[b]; y >= 0; y = parent[y]) {
        if (x == y) {
          return x;
        }
      }
    }
    return -1;
  }

  private void problem(String path, String format, @Nullable Object... args) {
    problems.add(Problem.of(path, format, args));
  }
}

package org.crmkit.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An immutable lifecycle state machine definition, compiled for pure decisions: {@link
 * #decide(String, String, Context)} maps (current state, event, context) to a {@link Decision}
 * without mutating or executing anything. The host keeps each subject's state (and version) in
 * its own storage; there is no machine instance per subject.
 *
 * <p><b>Semantics.</b> States may be nested (a state with a parent is inside that composite state);
 * a subject is always in a leaf state, and a transition declared on a composite state applies to
 * every non-final state inside it unless an inner state handles the event itself (inner levels are
 * tried first; within a level, higher priority first). A transition to a composite state enters its
 * initial state (its first declared child, recursively). The first candidate whose guards all hold
 * (and whose timer, for a timed transition, is due at {@link Context#now()}) is taken. Effects are
 * ordered: exit effects of the states left (innermost first), the transition's effects, entry
 * effects of the states entered (outermost first); an internal transition has only its own effects.
 *
 * <p><b>Thread-safety and cost.</b> Instances are immutable and thread-safe (guards must be pure).
 * States and events are indexed to ints at build time; {@code decide} is two allocation-free hash
 * lookups and an array read, returning a precomputed decision whenever the outcome does not depend
 * on guards or timers (so a guard-free transition allocates nothing). {@link #reachableStates} and
 * {@link #shortestPath} are O(states × events).
 *
 * <pre>{@code
 * Machine door = Machine.builder("door")
 *     .initial("closed")
 *     .state("closed").state("open").finalState("removed")
 *     .transition("closed", "open", "open", t -> t.effect("log-opening"))
 *     .transition("open", "close", "closed")
 *     .transition("closed", "remove", "removed", t -> t.guard("unlocked"))
 *     .guard("unlocked", Guard.flag("unlocked"))
 *     .build();
 * door.decide("closed", "open").effects();   // [log-opening]
 * }</pre>
 */
public final class Machine {

  /** The deepest nesting of states accepted by {@link Builder#build()}. */
  public static final int MAX_NESTING = 64;

  final String name;
  final List<State> states; // declaration order
  final List<Transition> transitions; // declaration order
  final String initial;
  final Map<String, Guard> guards; // name -> bound guard, for names used
  final String[] stateNames;
  final NameIndex stateIndex;
  final String[] eventNames;
  final NameIndex eventIndex;
  final int[] parent; // -1 for top level
  final boolean[] leaf;
  final boolean[] isFinal;
  final int[] initialLeaf; // per state: the leaf it enters
  final int initialState; // leaf index
  final int events;
  final Decision[] fixed; // [state * events + event], null when guards or timers decide
  final Candidate[][] candidates; // [state * events + event], empty if none

  Machine(MachineCompiler c) {
    this.name = c.name;
    this.states = c.stateValues;
    this.transitions = c.transitionValues;
    this.initial = c.initialName;
    this.guards = c.boundGuards;
    this.stateNames = c.stateNames;
    this.stateIndex = c.stateIndex;
    this.eventNames = c.eventNames;
    this.eventIndex = c.eventIndex;
    this.parent = c.parent;
    this.leaf = c.leaf;
    this.isFinal = c.isFinal;
    this.initialLeaf = c.initialLeaf;
    this.initialState = c.initialLeaf[c.stateIndex.get(c.initialName)];
    this.events = c.eventNames.length;
    this.fixed = c.fixed;
    this.candidates = c.candidates;
  }

  /**
   * A new builder of a machine called {@code name}.
   *
   * @throws CrmException if {@code name} is blank
   */
  public static Builder builder(String name) {
    return new Builder(Checks.nonBlank("machine name", name));
  }

  /** The machine's name. */
  public String name() {
    return name;
  }

  /** Every state in declaration order; unmodifiable. */
  public List<State> states() {
    return states;
  }

  /** The state named {@code state}, if declared. */
  public Optional<State> state(String state) {
    int s = stateIndex.get(Checks.present("state", state));
    return s < 0 ? Optional.empty() : Optional.of(states.get(s));
  }

  /** Every transition in declaration order; unmodifiable. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** Every event name, in order of first use; unmodifiable. */
  public List<String> events() {
    return List.of(eventNames);
  }

  /** The initial state as declared (it may be composite; see {@link #start}). */
  public String initialState() {
    return initial;
  }

  /** The guards bound to the names this machine uses, by name; unmodifiable. */
  public GuardRegistry guards() {
    return GuardRegistry.of(guards);
  }

  /**
   * Decides {@code event} in {@code state} with an empty context. Allocation-free when the outcome
   * does not depend on guards or timers.
   *
   * @throws CrmException if {@code state} is not a leaf state of this machine
   */
  public Decision decide(String state, String event) {
    return decide(state, event, Context.empty());
  }

  /**
   * Decides {@code event} in {@code state}: the pure core of the machine. Rejections are returned
   * as decisions, not thrown. O(candidate transitions) guard evaluations; no allocation when the
   * outcome does not depend on guards or timers.
   *
   * @param state the subject's current state; must be a leaf state of this machine
   * @param event the event; an event this machine does not know is rejected with {@link
   *     Decision.Outcome#NO_TRANSITION}
   * @param context the facts guards and timers read
   * @throws CrmException if {@code state} is unknown or composite, or an argument is null
   */
  public Decision decide(String state, String event, Context context) {
    int s = leafIndex(state);
    if (event == null) {
      throw new CrmException("event is required, but was null");
    }
    int e = eventIndex.get(event);
    if (e < 0) {
      return unknownEvent(s, event);
    }
    int slot = s * events + e;
    Decision d = fixed[slot];
    if (d != null) {
      return d;
    }
    return evaluate(s, e, candidates[slot], Checks.present("context", context));
  }

  /**
   * The code of a leaf state: a dense int in {@code [0, states().size())}, fixed by the order in
   * which states are declared. Hosts that store a subject's state as a small integer can decide
   * with {@link #decide(int, int, Context)} and store {@link Decision#stateCode()}: the decision is
   * then an array read. Codes of one definition are stable; re-check them after changing it.
   *
   * @throws CrmException if {@code state} is unknown or composite
   */
  public int stateCode(String state) {
    return leafIndex(state);
  }

  /**
   * The name of the leaf state with code {@code code}.
   *
   * @throws CrmException if {@code code} is not the code of a leaf state
   */
  public String stateName(int code) {
    return stateNames[checkStateCode(code)];
  }

  /**
   * The code of an event: a dense int in {@code [0, events().size())}, in order of first use.
   *
   * @throws CrmException if {@code event} is not an event of this machine
   */
  public int eventCode(String event) {
    int e = eventIndex.get(Checks.present("event", event));
    if (e < 0) {
      throw new CrmException("unknown event '" + event + "' in machine '" + name
          + "'; known events: " + events());
    }
    return e;
  }

  /** {@link #decide(int, int, Context)} with an empty context. */
  public Decision decide(int stateCode, int eventCode) {
    return decide(stateCode, eventCode, Context.empty());
  }

  /**
   * Decides by codes (see {@link #stateCode}, {@link #eventCode}): the same decision as {@link
   * #decide(String, String, Context)} for the named state and event, without hashing names. O(1)
   * and allocation-free when the outcome does not depend on guards or timers.
   *
   * @throws CrmException if a code is out of range or {@code stateCode} is not a leaf state's
   */
  public Decision decide(int stateCode, int eventCode, Context context) {
    int s = checkStateCode(stateCode);
    if (eventCode < 0 || eventCode >= events) {
      throw new CrmException("eventCode must be in [0, " + events + "), but was " + eventCode);
    }
    int slot = s * events + eventCode;
    Decision d = fixed[slot];
    if (d != null) {
      return d;
    }
    return evaluate(s, eventCode, candidates[slot], Checks.present("context", context));
  }

  private int checkStateCode(int code) {
    if (code < 0 || code >= leaf.length || !leaf[code]) {
      throw new CrmException("stateCode must be the code of a leaf state of machine '" + name
          + "', but was " + code);
    }
    return code;
  }

  private Decision evaluate(int s, int e, Candidate[] cs, Context context) {
    @Nullable StringBuilder why = null;
    @Nullable String firstFailed = null;
    for (Candidate c : cs) {
      String failed = c.failure(context);
      if (failed == null) {
        return c.accepted;
      }
      String guard = failed.substring(0, failed.indexOf('\u0000'));
      String reason = failed.substring(failed.indexOf('\u0000') + 1);
      if (firstFailed == null || why == null) {
        firstFailed = guard;
        why = new StringBuilder();
      } else {
        why.append("; ");
      }
      why.append("to '").append(c.transition.target()).append("' needs ")
          .append(guard).append(": ").append(reason);
    }
    return new Decision(Decision.Outcome.GUARD_FAILED, stateNames[s], eventNames[e],
        stateNames[s], List.of(), false, null, firstFailed,
        "'" + eventNames[e] + "' in '" + stateNames[s] + "': " + why, s);
  }

  private Decision unknownEvent(int s, String event) {
    if (isFinal[s]) {
      return new Decision(Decision.Outcome.FINAL_STATE, stateNames[s], event, stateNames[s],
          List.of(), false, null, null, "'" + stateNames[s] + "' is a final state", s);
    }
    return new Decision(Decision.Outcome.NO_TRANSITION, stateNames[s], event, stateNames[s],
        List.of(), false, null, null,
        "event '" + event + "' is not known to machine '" + name + "'; known events: "
            + events(), s);
  }

  /**
   * A subject's starting point: {@code subjectId} in the initial (leaf) state at version 0.
   *
   * @throws CrmException if {@code subjectId} is blank
   */
  public SubjectState start(String subjectId) {
    return new SubjectState(subjectId, stateNames[initialState], 0);
  }

  /**
   * Decides {@code event} for {@code current} and, if accepted, returns the record to append to the
   * audit log (version {@code current.version() + 1}). Nothing is mutated; store the record and
   * the new state with {@link #apply}.
   *
   * @throws TransitionRejectedException if the machine rejects the event (carries the decision)
   * @throws CrmException if the state is unknown or composite, or an argument is null or blank
   */
  public TransitionRecord fire(
      SubjectState current, String event, Context context, Instant at, String actor) {
    Checks.present("current", current);
    Decision d = decide(current.state(), event, context);
    if (!d.accepted()) {
      throw new TransitionRejectedException(current.subjectId(), d);
    }
    return new TransitionRecord(current.subjectId(), current.state(), d.state(), event, at, actor,
        current.version() + 1);
  }

  /**
   * Applies {@code record} to {@code current} with optimistic concurrency: the record must have
   * been decided on exactly the current version. Guards are not re-evaluated (the record says the
   * transition was accepted), but the step must be a legal transition of this machine.
   *
   * @return the subject's new state and version
   * @throws StaleVersionException if {@code record.version() != current.version() + 1}
   * @throws CrmException if the record is for another subject, leaves another state than the
   *     current one, or is not a transition of this machine
   */
  public SubjectState apply(SubjectState current, TransitionRecord record) {
    Checks.present("current", current);
    Checks.present("record", record);
    if (!record.subjectId().equals(current.subjectId())) {
      throw new CrmException("record is for subject '" + record.subjectId()
          + "', but was applied to subject '" + current.subjectId() + "'");
    }
    if (record.version() != current.version() + 1) {
      throw new StaleVersionException(current.subjectId(), record.version() - 1,
          current.version());
    }
    if (!record.from().equals(current.state())) {
      throw new CrmException("record leaves state '" + record.from() + "', but subject '"
          + current.subjectId() + "' is in state '" + current.state() + "'");
    }
    String illegal = illegalStep(record);
    if (illegal != null) {
      throw new CrmException("subject '" + current.subjectId() + "': " + illegal);
    }
    return new SubjectState(current.subjectId(), record.to(), record.version());
  }

  /**
   * Replays a persisted history of one subject from the initial state at version 0; see {@link
   * #replay(SubjectState, List)}.
   */
  public Replay replay(List<TransitionRecord> history) {
    Checks.present("history", history);
    String subject = history.isEmpty() ? "subject" : history.get(0).subjectId();
    return replay(start(subject), history);
  }

  /**
   * Replays a persisted history of one subject from {@code start}, validating every step: same
   * subject, consecutive versions, each record leaving the state the previous one entered, instants
   * not going backwards, and each step a transition of this machine (guards and timers are not
   * re-evaluated: their inputs are not in the log). Stops at the first illegal step. O(records).
   *
   * @return the state and version reached, and the first illegal step if any
   * @throws CrmException if {@code start}'s state is not a leaf state of this machine
   */
  public Replay replay(SubjectState start, List<TransitionRecord> history) {
    Checks.present("start", start);
    Checks.present("history", history);
    leafIndex(start.state());
    String state = start.state();
    long version = start.version();
    Instant last = null;
    for (int i = 0; i < history.size(); i++) {
      TransitionRecord r = Checks.present("history[" + i + "]", history.get(i));
      String reason = null;
      if (!r.subjectId().equals(start.subjectId())) {
        reason = "record is for subject '" + r.subjectId() + "', but the history is of '"
            + start.subjectId() + "'";
      } else if (r.version() != version + 1) {
        reason = "version " + r.version() + " does not follow version " + version;
      } else if (!r.from().equals(state)) {
        reason = "record leaves '" + r.from() + "', but the subject is in '" + state + "'";
      } else if (last != null && r.at().isBefore(last)) {
        reason = "instant " + r.at() + " is before the previous step's " + last;
      } else {
        reason = illegalStep(r);
      }
      if (reason != null) {
        return new Replay(state, version, Optional.of(new Replay.IllegalStep(i, r, reason)));
      }
      state = r.to();
      version = r.version();
      last = r.at();
    }
    return new Replay(state, version, Optional.empty());
  }

  /** Why {@code r} is not a transition of this machine, or null if it is one. */
  private @Nullable String illegalStep(TransitionRecord r) {
    int s = stateIndex.get(r.from());
    if (s < 0 || !leaf[s]) {
      return "'" + r.from() + "' is not a leaf state of machine '" + name + "'";
    }
    if (isFinal[s]) {
      return "'" + r.from() + "' is a final state";
    }
    int e = eventIndex.get(r.event());
    Candidate[] cs = e < 0 ? new Candidate[0] : candidates[s * events + e];
    if (cs.length == 0) {
      return "no transition on '" + r.event() + "' in '" + r.from() + "'";
    }
    List<String> targets = new ArrayList<>();
    for (Candidate c : cs) {
      if (c.accepted.state().equals(r.to())) {
        return null;
      }
      targets.add(c.accepted.state());
    }
    return "'" + r.event() + "' in '" + r.from() + "' leads to " + targets + ", not to '"
        + r.to() + "'";
  }

  /**
   * The events with at least one transition out of {@code state} (ignoring guards and timers), in
   * event order; empty for a final state. Unmodifiable.
   *
   * @throws CrmException if {@code state} is not a leaf state of this machine
   */
  public List<String> permittedEvents(String state) {
    int s = leafIndex(state);
    List<String> out = new ArrayList<>();
    if (!isFinal[s]) {
      for (int e = 0; e < events; e++) {
        if (candidates[s * events + e].length > 0) {
          out.add(eventNames[e]);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The events {@link #decide} would accept in {@code state} with {@code context} (guards and
   * timers evaluated), in event order. Unmodifiable.
   *
   * @throws CrmException if {@code state} is not a leaf state of this machine
   */
  public List<String> permittedEvents(String state, Context context) {
    List<String> out = new ArrayList<>();
    for (String e : permittedEvents(state)) {
      if (decide(state, e, context).accepted()) {
        out.add(e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The events of timed transitions that are due in {@code state} at {@code context.now()}: the
   * ones a scheduler should fire. In event order; unmodifiable.
   *
   * @throws CrmException if {@code state} is not a leaf state of this machine
   */
  public List<String> dueEvents(String state, Context context) {
    List<String> out = new ArrayList<>();
    for (String ev : permittedEvents(state)) {
      Decision d = decide(state, ev, context);
      if (d.accepted() && d.transition().flatMap(Transition::timer).isPresent()) {
        out.add(ev);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The leaf states reachable from {@code state} by zero or more transitions (ignoring guards and
   * timers), in breadth-first order; a composite {@code state} starts from its initial state.
   * O(states × events). Unmodifiable.
   *
   * @throws CrmException if {@code state} is unknown
   */
  public Set<String> reachableStates(String state) {
    int start = initialLeaf[knownIndex(state)];
    boolean[] seen = new boolean[stateNames.length];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    Set<String> out = new LinkedHashSet<>();
    seen[start] = true;
    queue.add(start);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.add(stateNames[s]);
      for (int t : successors(s)) {
        if (!seen[t]) {
          seen[t] = true;
          queue.add(t);
        }
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * A shortest sequence of events leading from {@code from} to {@code to} (ignoring guards and
   * timers); empty list if {@code from} is already in {@code to}; empty optional if {@code to} is
   * unreachable. A composite {@code from} starts from its initial state; a composite {@code to} is
   * reached by reaching any state inside it. Deterministic: ties are broken by event order.
   * O(states × events).
   *
   * @throws CrmException if either state is unknown
   */
  public Optional<List<String>> shortestPath(String from, String to) {
    int start = initialLeaf[knownIndex(from)];
    int goal = knownIndex(to);
    int n = stateNames.length;
    int[] prevState = new int[n];
    int[] prevEvent = new int[n];
    java.util.Arrays.fill(prevState, -2);
    prevState[start] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      if (within(s, goal)) {
        List<String> path = new ArrayList<>();
        for (int at = s; prevState[at] >= 0; at = prevState[at]) {
          path.add(eventNames[prevEvent[at]]);
        }
        Collections.reverse(path);
        return Optional.of(Collections.unmodifiableList(path));
      }
      if (isFinal[s]) {
        continue;
      }
      for (int e = 0; e < events; e++) {
        for (Candidate c : candidates[s * events + e]) {
          int t = c.targetLeaf;
          if (prevState[t] == -2) {
            prevState[t] = s;
            prevEvent[t] = e;
            queue.add(t);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether state {@code s} is {@code ancestor} or inside it. */
  boolean within(int s, int ancestor) {
    for (int at = s; at >= 0; at = parent[at]) {
      if (at == ancestor) {
        return true;
      }
    }
    return false;
  }

  int[] successors(int s) {
    if (isFinal[s]) {
      return new int[0];
    }
    int[] out = new int[8];
    int n = 0;
    for (int e = 0; e < events; e++) {
      for (Candidate c : candidates[s * events + e]) {
        if (n == out.length) {
          out = java.util.Arrays.copyOf(out, n * 2);
        }
        out[n++] = c.targetLeaf;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** This machine as a Mermaid {@code stateDiagram-v2}. */
  public String toMermaid() {
    return Diagrams.mermaid(this);
  }

  /** This machine as a Graphviz DOT digraph (composite states as clusters). */
  public String toDot() {
    return Diagrams.dot(this);
  }

  private int knownIndex(String state) {
    Checks.present("state", state);
    int s = stateIndex.get(state);
    if (s < 0) {
      throw new CrmException("unknown state '" + state + "' in machine '" + name
          + "'; known states: " + List.of(stateNames));
    }
    return s;
  }

  private int leafIndex(String state) {
    if (state == null) {
      throw new CrmException("state is required, but was null");
    }
    int s = stateIndex.get(state);
    if (s >= 0 && leaf[s]) {
      return s;
    }
    if (s < 0) {
      throw new CrmException("unknown state '" + state + "' in machine '" + name
          + "'; known states: " + List.of(stateNames));
    }
    throw new CrmException("state '" + state + "' is composite; a subject is always in one of "
        + "the states inside it (entering it enters '" + stateNames[initialLeaf[s]] + "')");
  }

  @Override
  public String toString() {
    return "Machine{" + name + ", " + states.size() + " states, " + transitions.size()
        + " transitions}";
  }

  /** One compiled transition applicable in one leaf state on one event. */
  static final class Candidate {
    final Transition transition;
    final Guard[] guards;
    final String[] guardNames;
    final Transition.@Nullable Timer timer;
    final int targetLeaf;
    final Decision accepted;

    Candidate(Transition transition, Guard[] guards, int targetLeaf, Decision accepted) {
      this.transition = transition;
      this.guards = guards;
      this.guardNames = transition.guards().toArray(new String[0]);
      this.timer = transition.timer().orElse(null);
      this.targetLeaf = targetLeaf;
      this.accepted = accepted;
    }

    boolean unconditional() {
      return guards.length == 0 && timer == null;
    }

    /** Null if the candidate applies, else "guardName\0reason". */
    @Nullable String failure(Context context) {
      if (timer != null) {
        Optional<Instant> now = context.now();
        Optional<Instant> since = context.instant(timer.clock());
        if (now.isEmpty()) {
          return "timer\u0000the context has no current instant (timer after "
              + Durations.format(timer.after())
              + " since " + timer.clock() + ")";
        }
        if (since.isEmpty()) {
          return "timer\u0000the context holds no instant '" + timer.clock() + "'";
        }
        Instant due;
        try {
          due = since.get().plus(timer.after());
        } catch (java.time.DateTimeException | ArithmeticException e) {
          return "timer\u0000due after the last representable instant (" + Durations.format(
              timer.after()) + " after " + timer.clock() + " " + since.get() + ")";
        }
        if (now.get().isBefore(due)) {
          return "timer\u0000due at " + due + " (" + Durations.format(timer.after()) + " after "
              + timer.clock()
              + " " + since.get() + "), but now is " + now.get();
        }
      }
      for (int i = 0; i < guards.length; i++) {
        if (!guards[i].test(context)) {
          return guardNames[i] + "\u0000" + guards[i].whyNot(context);
        }
      }
      return null;
    }
  }

  /**
   * Options of one state, given to {@link Builder#state(String, Consumer)}. Mutable; used only
   * while building.
   */
  public static final class StateSpec {
    @Nullable String parent;
    boolean isFinal;
    final List<String> onEntry = new ArrayList<>();
    final List<String> onExit = new ArrayList<>();
    final Map<String, String> attributes = new TreeMap<>();

    StateSpec() {}

    /** Puts this state inside the composite state {@code parent}. */
    public StateSpec parent(String parent) {
      this.parent = Checks.nonBlank("parent", parent);
      return this;
    }

    /** Makes this state final: no event is accepted in it. */
    public StateSpec finalState() {
      this.isFinal = true;
      return this;
    }

    /** Adds effects run when the state is entered. */
    public StateSpec onEntry(String... effects) {
      for (String e : effects) {
        onEntry.add(Checks.nonBlank("effect", e));
      }
      return this;
    }

    /** Adds effects run when the state is left. */
    public StateSpec onExit(String... effects) {
      for (String e : effects) {
        onExit.add(Checks.nonBlank("effect", e));
      }
      return this;
    }

    /** Sets a free attribute (for example {@code win-probability}). */
    public StateSpec attribute(String key, String value) {
      attributes.put(Checks.nonBlank("attribute key", key), Checks.present("attribute value", value));
      return this;
    }
  }

  /**
   * Options of one transition, given to {@link Builder#transition(String, String, String,
   * Consumer)}. Mutable; used only while building.
   */
  public static final class TransitionSpec {
    final List<String> guards = new ArrayList<>();
    final List<String> effects = new ArrayList<>();
    int priority;
    Transition.@Nullable Timer timer;

    TransitionSpec() {}

    /** Adds guards (by name; bind them with {@link Builder#guard}) that must all hold. */
    public TransitionSpec guard(String... names) {
      for (String g : names) {
        guards.add(Checks.nonBlank("guard name", g));
      }
      return this;
    }

    /** Adds effects (names) the host runs when the transition is taken. */
    public TransitionSpec effect(String... names) {
      for (String e : names) {
        effects.add(Checks.nonBlank("effect", e));
      }
      return this;
    }

    /** Sets the priority among transitions of the same source and event (higher first). */
    public TransitionSpec priority(int priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Makes this a timed transition: due once {@code after} has elapsed since the instant the
     * context holds under {@code clock}, compared to {@link Context#now()}.
     */
    public TransitionSpec after(Duration after, String clock) {
      this.timer = new Transition.Timer(Checks.present("after", after), Checks.nonBlank("clock", clock));
      return this;
    }
  }

  /**
   * A mutable builder of a {@link Machine}; not thread-safe. Declarations are collected and
   * validated together by {@link #build()}. Every method throws {@link CrmException} at once for
   * a null or blank name (and the spec methods for a blank guard or effect name); everything
   * else is reported by {@link #build()}.
   */
  public static final class Builder {
    final String name;
    final List<String> stateNames = new ArrayList<>();
    final List<StateSpec> stateSpecs = new ArrayList<>();
    final List<Transition> transitions = new ArrayList<>();
    final Map<String, Guard> guards = new LinkedHashMap<>();
    final List<GuardRegistry> registries = new ArrayList<>();
    @Nullable String initial;

    Builder(String name) {
      this.name = name;
    }

    /** Sets the initial state (a composite initial state enters its first child). */
    public Builder initial(String state) {
      this.initial = Checks.nonBlank("initial state", state);
      return this;
    }

    /** Declares a top-level state. */
    public Builder state(String name) {
      return state(name, s -> {});
    }

    /** Declares a state inside the composite state {@code parent}. */
    public Builder state(String name, String parent) {
      Checks.nonBlank("parent", parent);
      return state(name, s -> s.parent(parent));
    }

    /** Declares a state with options (parent, final, entry/exit effects, attributes). */
    public Builder state(String name, Consumer<StateSpec> options) {
      StateSpec spec = new StateSpec();
      Checks.present("options", options).accept(spec);
      stateNames.add(Checks.nonBlank("state name", name));
      stateSpecs.add(spec);
      return this;
    }

    /** Declares a top-level final state. */
    public Builder finalState(String name) {
      return state(name, StateSpec::finalState);
    }

    /** Declares a final state inside {@code parent}. */
    public Builder finalState(String name, String parent) {
      Checks.nonBlank("parent", parent);
      return state(name, s -> s.parent(parent).finalState());
    }

    /** Declares a guard-free transition without effects. */
    public Builder transition(String source, String event, String target) {
      return transition(source, event, target, t -> {});
    }

    /** Declares a transition with options (guards, effects, priority, timer). */
    public Builder transition(
        String source, String event, String target, Consumer<TransitionSpec> options) {
      return add(source, event, Checks.nonBlank("target", target), false, options);
    }

    /**
     * Declares an internal transition: on {@code event} in {@code source}, stay without leaving
     * (only the transition's own effects run).
     */
    public Builder internal(String source, String event, Consumer<TransitionSpec> options) {
      return add(source, event, source, true, options);
    }

    private Builder add(
        String source, String event, String target, boolean internal,
        Consumer<TransitionSpec> options) {
      Checks.nonBlank("source", source);
      Checks.nonBlank("event", event);
      TransitionSpec spec = new TransitionSpec();
      Checks.present("options", options).accept(spec);
      transitions.add(new Transition(source, event, target, spec.guards, spec.effects,
          spec.priority, internal, Optional.ofNullable(spec.timer)));
      return this;
    }

    /** Removes every transition declared so far from {@code source} on {@code event}. */
    public Builder removeTransitions(String source, String event) {
      transitions.removeIf(t -> t.source().equals(source) && t.event().equals(event));
      return this;
    }

    /** Binds the guard name {@code name} to code, replacing an earlier binding. */
    public Builder guard(String name, Guard guard) {
      guards.put(Checks.nonBlank("guard name", name), Checks.present("guard", guard));
      return this;
    }

    /**
     * Adds a registry that {@link #build()} consults for every guard name not bound with {@link
     * #guard(String, Guard)}; registries are consulted in the order they were added, so the first
     * that binds a name wins. The registry is resolved at {@code build()}, so it binds the guards
     * of transitions declared before and after this call alike.
     *
     * @throws CrmException if {@code registry} is null
     */
    public Builder guards(GuardRegistry registry) {
      registries.add(Checks.present("registry", registry));
      return this;
    }

    /** The guard bound to {@code name}: an explicit binding first, then the registries in order. */
    @Nullable Guard resolveGuard(String name) {
      @Nullable Guard explicit = guards.get(name);
      if (explicit != null) {
        return explicit;
      }
      for (GuardRegistry registry : registries) {
        Optional<Guard> found = registry.find(name);
        if (found.isPresent()) {
          return found.get();
        }
      }
      return null;
    }

    /** Every name bound explicitly or by a registry (for error messages), sorted. */
    SortedSet<String> boundGuardNames() {
      SortedSet<String> names = new TreeSet<>(guards.keySet());
      registries.forEach(r -> names.addAll(r.names()));
      return names;
    }

    /**
     * Validates every declaration and compiles the machine.
     *
     * @throws InvalidDefinitionException listing every problem: duplicate or unknown states,
     *     parent cycles, a missing initial state, final states with children or outgoing
     *     transitions, unbound guards, non-positive timers, ambiguous transitions (same source and
     *     event with equal priority), unreachable states, and non-final states with no way out.
     *     Paths are {@code states[i]}, {@code transitions[j]} (declaration order) and {@code
     *     initial}.
     */
    public Machine build() {
      return new MachineCompiler(this).compile();
    }
  }
}

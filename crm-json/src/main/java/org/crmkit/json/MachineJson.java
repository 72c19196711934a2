package org.crmkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.Transition;
import org.crmkit.json.Shape.Field;

/**
 * Reads and writes lifecycle machine definitions as versioned JSON documents ({@value #FORMAT}).
 * Guards are referenced by name and bound to code through a {@link GuardRegistry}; effects are
 * names the host interprets.
 *
 * <pre>{@code
 * {"format": "crmkit.lifecycle/1", "name": "door", "initial": "closed",
 *  "states": [{"name": "closed"}, {"name": "open"}, {"name": "removed", "final": true},
 *             {"name": "ajar", "parent": "open", "onEntry": ["log"], "onExit": [],
 *              "attributes": {"k": "v"}}],
 *  "transitions": [{"source": "closed", "event": "open", "target": "open",
 *                   "guards": ["unlocked"], "effects": ["log"], "priority": 0},
 *                  {"source": "open", "event": "tick", "internal": true},
 *                  {"source": "open", "event": "timeout", "target": "closed",
 *                   "after": "PT10M", "clock": "openedAt"}]}
 * }</pre>
 *
 * <p>Stateless and thread-safe. {@link #write} omits defaults (no parent, not final, empty lists,
 * priority 0, not internal), so writing a machine read from a written document gives the same
 * text.
 */
public final class MachineJson {
  /** The format identifier of lifecycle documents. */
  public static final String FORMAT = "crmkit.lifecycle/1";

  static final Shape ROOT = Documents.shape("lifecycle document");
  static final Field NAME = ROOT.required("name");
  static final Field INITIAL = ROOT.required("initial");
  static final Field STATES = ROOT.required("states");
  static final Field TRANSITIONS = ROOT.required("transitions");
  static final Shape STATE = new Shape("state");
  static final Field STATE_NAME = STATE.required("name");
  static final Field PARENT = STATE.optional("parent");
  static final Field FINAL = STATE.optional("final");
  static final Field ON_ENTRY = STATE.optional("onEntry");
  static final Field ON_EXIT = STATE.optional("onExit");
  static final Field ATTRIBUTES = STATE.optional("attributes");
  static final Shape TRANSITION = new Shape("transition");
  static final Field SOURCE = TRANSITION.required("source");
  static final Field EVENT = TRANSITION.required("event");
  static final Field TARGET = TRANSITION.optional("target");
  static final Field GUARDS = TRANSITION.optional("guards");
  static final Field EFFECTS = TRANSITION.optional("effects");
  static final Field PRIORITY = TRANSITION.optional("priority");
  static final Field INTERNAL = TRANSITION.optional("internal");
  static final Field AFTER = TRANSITION.optional("after");
  static final Field CLOCK = TRANSITION.optional("clock");
  private static final String WHAT = "lifecycle document";

  private MachineJson() {}

  /** The document of {@code machine}, pretty-printed with a fixed field order. */
  public static String write(Machine machine) {
    Out root = Out.document(FORMAT).put(NAME, machine.name()).put(INITIAL, machine.initialState());
    root.array(STATES).array(TRANSITIONS);
    for (State s : machine.states()) {
      Out o = root.element(STATES).put(STATE_NAME, s.name()).put(PARENT, s.parent().orElse(null))
          .flag(FINAL, s.isFinal()).strings(ON_ENTRY, s.onEntry()).strings(ON_EXIT, s.onExit());
      if (!s.attributes().isEmpty()) {
        Out a = o.object(ATTRIBUTES);
        s.attributes().forEach((k, v) -> a.put(new Field(k, false), v));
      }
    }
    for (Transition t : machine.transitions()) {
      Out o = root.element(TRANSITIONS).put(SOURCE, t.source()).put(EVENT, t.event())
          .flag(INTERNAL, t.internal()).put(TARGET, t.internal() ? null : t.target())
          .strings(GUARDS, t.guards()).strings(EFFECTS, t.effects());
      if (t.priority() != 0) {
        o.number(PRIORITY, t.priority());
      }
      t.timer().ifPresent(timer ->
          o.put(AFTER, isoDuration(timer.after())).put(CLOCK, timer.clock()));
    }
    return root.text();
  }

  /** ISO-8601 text of a duration, in whole days ("P180D") when it is a whole number of days. */
  static String isoDuration(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
  }

  /**
   * Reads a machine document, binding its guard names through {@code guards}, and builds the
   * machine.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: syntax errors,
   *     a wrong or missing {@code format}, unknown fields, wrong types, unknown guard names, bad
   *     durations, and every validation problem of {@link Machine.Builder#build()} (paths such as
   *     {@code $.transitions[3].target})
   */
  public static Machine read(String json, GuardRegistry guards) {
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    String name = root.text(NAME);
    String initial = root.text(INITIAL);
    Machine.Builder b = Machine.builder(name == null ? "unnamed" : name);
    if (initial != null) {
      b.initial(initial);
    }
    root.objects(STATES, STATE).forEach(s -> state(b, s));
    root.objects(TRANSITIONS, TRANSITION).forEach(t -> transition(b, guards, t));
    root.problems.throwIfAny();
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      throw e.prefixed(WHAT, Documents.ROOT);
    }
  }

  /**
   * Reads a machine document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, GuardRegistry)}
   */
  public static Machine read(InputStream in, GuardRegistry guards) throws IOException {
    return read(JsonText.read(in), guards);
  }

  /**
   * Reads a machine document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, GuardRegistry)}
   */
  public static Machine read(Reader in, GuardRegistry guards) throws IOException {
    return read(JsonText.read(in), guards);
  }

  /**
   * Reads a machine document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, GuardRegistry)}
   */
  public static Machine read(Path file, GuardRegistry guards) throws IOException {
    return read(JsonText.read(file), guards);
  }

  private static void state(Machine.Builder b, In s) {
    String name = s.text(STATE_NAME);
    String parent = s.text(PARENT);
    boolean isFinal = s.bool(FINAL, false);
    List<String> onEntry = s.strings(ON_ENTRY, false);
    List<String> onExit = s.strings(ON_EXIT, false);
    Map<String, String> attributes = s.stringMap(ATTRIBUTES);
    if (name != null) {
      b.state(name, spec -> {
        if (parent != null) {
          spec.parent(parent);
        }
        if (isFinal) {
          spec.finalState();
        }
        spec.onEntry(onEntry.toArray(new String[0])).onExit(onExit.toArray(new String[0]));
        attributes.forEach(spec::attribute);
      });
    }
  }

  private static void transition(Machine.Builder b, GuardRegistry registry, In t) {
    String source = t.text(SOURCE);
    String event = t.text(EVENT);
    boolean internal = t.bool(INTERNAL, false);
    String target = null;
    if (internal && t.has(TARGET)) {
      t.problems.add(t.at(TARGET), "an internal transition has no target (it stays in '%s')",
          source);
    } else if (!internal) {
      target = t.text(TARGET);
      if (!t.has(TARGET)) {
        t.problems.add(t.at(TARGET), "required string is missing");
      }
    }
    List<String> guards = t.strings(GUARDS, false);
    for (int k = 0; k < guards.size(); k++) {
      String g = guards.get(k);
      if (registry.find(g).isPresent()) {
        b.guard(g, registry.find(g).get());
      } else {
        t.problems.add(t.at(GUARDS).index(k), "unknown guard '%s'; the registry binds: %s", g,
            new TreeSet<>(registry.names()));
      }
    }
    List<String> effects = t.strings(EFFECTS, false);
    Integer priority = t.has(PRIORITY) ? t.integer(PRIORITY, Integer.MIN_VALUE) : null;
    Duration after = t.duration(AFTER);
    String clock = t.text(CLOCK);
    if (t.has(AFTER) && !t.has(CLOCK)) {
      t.problems.add(t.at(CLOCK), "a timed transition needs the clock its delay counts from");
    } else if (t.has(CLOCK) && !t.has(AFTER)) {
      t.problems.add(t.at(AFTER), "a clock is given without a delay (\"after\")");
    }
    if (source == null || event == null || (!internal && target == null)) {
      return;
    }
    java.util.function.Consumer<Machine.TransitionSpec> spec = s -> {
      s.guard(guards.toArray(new String[0])).effect(effects.toArray(new String[0]))
          .priority(priority == null ? 0 : priority);
      if (after != null && clock != null) {
        s.after(after, clock);
      }
    };
    if (internal) {
      b.internal(source, event, spec);
    } else {
      b.transition(source, event, Objects.requireNonNull(target), spec);
    }
  }
}

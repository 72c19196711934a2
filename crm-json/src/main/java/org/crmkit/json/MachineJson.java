package org.crmkit.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.Transition;
import org.jspecify.annotations.Nullable;

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

  static final Shape ROOT = Shape.document("lifecycle document", "name", "initial", "states",
      "transitions");
  static final Shape STATE = new Shape("state", "name", "parent?", "final?", "onEntry?", "onExit?",
      "attributes?");
  static final Shape TRANSITION = new Shape("transition", "source", "event", "target?", "guards?",
      "effects?", "priority?", "internal?", "after?", "clock?");

  private MachineJson() {}

  /**
   * The document from and to any source, binding guard names through {@code guards} ({@link
   * #read(String, GuardRegistry)} lists the problems reported).
   */
  public static JsonDocument<Machine> document(GuardRegistry guards) {
    Objects.requireNonNull(guards, "guards");
    return new JsonDocument<>(FORMAT, ROOT, root -> read(root, guards), MachineJson::tree);
  }

  /** The document of {@code machine}, pretty-printed with a fixed field order. */
  public static String write(Machine machine) {
    return tree(machine).text();
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
    return document(guards).read(json);
  }

  private static Out tree(Machine machine) {
    Out root = Out.document(FORMAT).put("name", machine.name())
        .put("initial", machine.initialState());
    root.array("states").array("transitions");
    for (State s : machine.states()) {
      Out o = root.element("states").put("name", s.name()).put("parent", s.parent().orElse(null))
          .flag("final", s.isFinal()).strings("onEntry", s.onEntry()).strings("onExit", s.onExit());
      if (!s.attributes().isEmpty()) {
        Out a = o.object("attributes");
        s.attributes().forEach((k, v) -> a.put(k, v));
      }
    }
    for (Transition t : machine.transitions()) {
      Out o = root.element("transitions").put("source", t.source()).put("event", t.event())
          .flag("internal", t.internal()).put("target", t.internal() ? null : t.target())
          .strings("guards", t.guards()).strings("effects", t.effects());
      if (t.priority() != 0) {
        o.put("priority", t.priority());
      }
      t.timer().ifPresent(timer ->
          o.put("after", isoDuration(timer.after())).put("clock", timer.clock()));
    }
    return root;
  }

  /** ISO-8601 text of a duration, in whole days ("P180D") when it is a whole number of days. */
  static String isoDuration(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
  }

  private static @Nullable Machine read(In root, GuardRegistry guards) {
    String name = root.text("name");
    String initial = root.text("initial");
    Machine.Builder b = Machine.builder(name == null ? "unnamed" : name);
    if (initial != null) {
      b.initial(initial);
    }
    root.objects("states", STATE).forEach(s -> state(b, s));
    root.objects("transitions", TRANSITION).forEach(t -> transition(b, guards, t));
    return root.build(b::build);
  }

  private static void state(Machine.Builder b, In s) {
    String name = s.text("name");
    String parent = s.text("parent");
    boolean isFinal = s.bool("final", false);
    List<String> onEntry = s.strings("onEntry", false);
    List<String> onExit = s.strings("onExit", false);
    Map<String, String> attributes = s.stringMap("attributes");
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
    String source = t.text("source");
    String event = t.text("event");
    boolean internal = t.bool("internal", false);
    String target = null;
    if (internal && t.has("target")) {
      t.problems.add(t.at("target"), "an internal transition has no target (it stays in '%s')",
          source);
    } else if (!internal) {
      target = t.text("target");
      if (!t.has("target")) {
        t.problems.add(t.at("target"), "required string is missing");
      }
    }
    List<String> guards = t.strings("guards", false);
    for (int k = 0; k < guards.size(); k++) {
      String g = guards.get(k);
      ProblemPath at = t.at("guards").index(k);
      registry.find(g).ifPresentOrElse(guard -> b.guard(g, guard), () -> t.problems.add(at,
          "unknown guard '%s'; the registry binds: %s", g, new TreeSet<>(registry.names())));
    }
    List<String> effects = t.strings("effects", false);
    Integer priority = t.integer("priority", Integer.MIN_VALUE);
    Duration after = t.duration("after");
    String clock = t.text("clock");
    if (t.has("after") && !t.has("clock")) {
      t.problems.add(t.at("clock"), "a timed transition needs the clock its delay counts from");
    } else if (t.has("clock") && !t.has("after")) {
      t.problems.add(t.at("after"), "a clock is given without a delay (\"after\")");
    }
    if (source == null || event == null || (!internal && target == null)) {
      return;
    }
    Consumer<Machine.TransitionSpec> spec = s -> {
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

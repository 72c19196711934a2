package org.crmkit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.Transition;

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

  private static final Set<String> ROOT = Set.of("format", "name", "initial", "states", "transitions");
  private static final Set<String> STATE =
      Set.of("name", "parent", "final", "onEntry", "onExit", "attributes");
  private static final Set<String> TRANSITION = Set.of("source", "event", "target", "guards",
      "effects", "priority", "internal", "after", "clock");

  private MachineJson() {}

  /** The document of {@code machine}, pretty-printed with a fixed field order. */
  public static String write(Machine machine) {
    Checks.present("machine", machine);
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("name", machine.name());
    root.put("initial", machine.initialState());
    ArrayNode states = root.putArray("states");
    for (State s : machine.states()) {
      ObjectNode o = states.addObject();
      o.put("name", s.name());
      s.parent().ifPresent(p -> o.put("parent", p));
      if (s.isFinal()) {
        o.put("final", true);
      }
      strings(o, "onEntry", s.onEntry());
      strings(o, "onExit", s.onExit());
      if (!s.attributes().isEmpty()) {
        ObjectNode a = o.putObject("attributes");
        s.attributes().forEach(a::put);
      }
    }
    ArrayNode transitions = root.putArray("transitions");
    for (Transition t : machine.transitions()) {
      ObjectNode o = transitions.addObject();
      o.put("source", t.source());
      o.put("event", t.event());
      if (t.internal()) {
        o.put("internal", true);
      } else {
        o.put("target", t.target());
      }
      strings(o, "guards", t.guards());
      strings(o, "effects", t.effects());
      if (t.priority() != 0) {
        o.put("priority", t.priority());
      }
      t.timer().ifPresent(timer -> {
        o.put("after", isoDuration(timer.after()));
        o.put("clock", timer.clock());
      });
    }
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write machine '" + machine.name() + "' as JSON", e);
    }
  }

  /** ISO-8601 text of a duration, in whole days ("P180D") when it is a whole number of days. */
  static String isoDuration(Duration d) {
    return d.toSeconds() % 86_400 == 0 && d.getNano() == 0 ? "P" + d.toDays() + "D" : d.toString();
  }

  private static void strings(ObjectNode o, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(field);
      values.forEach(a::add);
    }
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
    Checks.present("json", json);
    Checks.present("guards", guards);
    String what = "lifecycle document";
    JsonNode root = JsonReading.parse(json, what);
    JsonReading r = new JsonReading();
    if (!r.checkFormat(root, FORMAT)) {
      r.throwIfAny(what);
    }
    r.unknownFields(root, "$", ROOT);
    String name = r.text(root, "name", "$");
    String initial = r.text(root, "initial", "$");
    Machine.Builder b = Machine.builder(name == null ? "unnamed" : name);
    if (initial != null) {
      b.initial(initial);
    }
    List<JsonNode> states = r.array(root, "states", "$", true);
    for (int i = 0; i < states.size(); i++) {
      readState(r, b, states.get(i), "$.states[" + i + "]");
    }
    List<JsonNode> transitions = r.array(root, "transitions", "$", true);
    for (int j = 0; j < transitions.size(); j++) {
      readTransition(r, b, guards, transitions.get(j), "$.transitions[" + j + "]");
    }
    r.throwIfAny(what);
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      List<Problem> withPaths = new ArrayList<>();
      for (Problem p : e.problems()) {
        withPaths.add(new Problem("$." + p.path(), p.message()));
      }
      throw new InvalidDefinitionException(what, withPaths);
    }
  }

  private static void readState(JsonReading r, Machine.Builder b, JsonNode node, String path) {
    if (!r.requireObject(node, path)) {
      return;
    }
    r.unknownFields(node, path, STATE);
    String name = r.text(node, "name", path);
    String parent = r.optionalText(node, "parent", path).orElse(null);
    boolean isFinal = r.bool(node, "final", path, false);
    List<String> onEntry = names(r, node, "onEntry", path);
    List<String> onExit = names(r, node, "onExit", path);
    List<String[]> attributes = new ArrayList<>();
    JsonNode attrs = node.get("attributes");
    if (attrs != null && !attrs.isNull()) {
      if (!attrs.isObject()) {
        r.problem(path + ".attributes", "expected an object of strings, but found %s",
            JsonReading.describe(attrs));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> a = it.next();
          if (!a.getValue().isTextual() || a.getKey().isBlank()) {
            r.problem(path + ".attributes." + a.getKey(), "expected a string, but found %s",
                JsonReading.describe(a.getValue()));
          } else {
            attributes.add(new String[] {a.getKey(), a.getValue().asText()});
          }
        }
      }
    }
    if (name != null) {
      b.state(name, s -> {
        if (parent != null) {
          s.parent(parent);
        }
        if (isFinal) {
          s.finalState();
        }
        s.onEntry(onEntry.toArray(new String[0]));
        s.onExit(onExit.toArray(new String[0]));
        for (String[] a : attributes) {
          s.attribute(a[0], a[1]);
        }
      });
    }
  }

  private static void readTransition(
      JsonReading r, Machine.Builder b, GuardRegistry registry, JsonNode node, String path) {
    if (!r.requireObject(node, path)) {
      return;
    }
    r.unknownFields(node, path, TRANSITION);
    String source = r.text(node, "source", path);
    String event = r.text(node, "event", path);
    boolean internal = r.bool(node, "internal", path, false);
    String target = null;
    if (internal) {
      if (node.has("target")) {
        r.problem(path + ".target", "an internal transition has no target (it stays in '%s')",
            source);
      }
    } else {
      target = r.text(node, "target", path);
    }
    List<String> guards = names(r, node, "guards", path);
    for (int k = 0; k < guards.size(); k++) {
      String g = guards.get(k);
      if (registry.find(g).isPresent()) {
        b.guard(g, registry.find(g).get());
      } else {
        r.problem(path + ".guards[" + k + "]", "unknown guard '%s'; the registry binds: %s", g,
            new java.util.TreeSet<>(registry.names()));
      }
    }
    List<String> effects = names(r, node, "effects", path);
    int priority = 0;
    if (node.has("priority")) {
      Integer p = r.integer(node, "priority", path);
      priority = p == null ? 0 : p;
    }
    Duration after = null;
    String clock = r.optionalText(node, "clock", path).orElse(null);
    String afterText = r.optionalText(node, "after", path).orElse(null);
    if (afterText != null) {
      try {
        after = Duration.parse(afterText);
      } catch (DateTimeParseException e) {
        r.problem(path + ".after", "expected an ISO-8601 duration such as \"P180D\" or \"PT12H\","
            + " but found \"%s\"", afterText);
      }
      if (clock == null) {
        r.problem(path + ".clock", "a timed transition needs the clock its delay counts from");
      }
    } else if (clock != null) {
      r.problem(path + ".after", "a clock is given without a delay (\"after\")");
    }
    if (source == null || event == null || (!internal && target == null)) {
      return;
    }
    int prio = priority;
    Duration delay = after;
    java.util.function.Consumer<Machine.TransitionSpec> spec = t -> {
      t.guard(guards.toArray(new String[0])).effect(effects.toArray(new String[0])).priority(prio);
      if (delay != null && clock != null) {
        t.after(delay, clock);
      }
    };
    if (internal) {
      b.internal(source, event, spec);
    } else if (target != null) {
      b.transition(source, event, target, spec);
    }
  }

  private static List<String> names(JsonReading r, JsonNode node, String field, String path) {
    return r.strings(node, field, path, false);
  }
}

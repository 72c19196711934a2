package org.crmkit.examples.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.json.MachineJson;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.GuardRegistry;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.State;
import org.crmkit.core.lifecycle.Transition;
import org.jspecify.annotations.Nullable;

/**
 * The machine viewer's model: the loaded machine and the built-in ones as graphs, firing an event
 * from a state with a context, and replaying an event log step by step. Immutable; thread-safe.
 */
final class MachinePage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOADED = "loaded";

  private final Workspace ws;
  private final Map<String, Machine> machines = new LinkedHashMap<>();

  MachinePage(Workspace ws) {
    this.ws = ws;
    machines.put(ws.machine.name(), ws.machine);
    for (String name : Workspace.BUILT_IN.keySet()) {
      machines.putIfAbsent(name, Workspace.builtIn(name));
    }
  }

  Map<String, Object> machines() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loaded", ws.machine.name());
    m.put("source", ws.machineSource);
    m.put("names", new ArrayList<>(machines.keySet()));
    return m;
  }

  Map<String, Object> describe(@Nullable String name) {
    Machine machine = machine(name);
    Map<String, Object> g = ReportCharts.machineGraph(machine);
    g.put("guardsAssumed", machine == ws.machine && ws.machineGuardsAssumed);
    g.put("log", defaultLog(machine));
    return g;
  }

  /** Fires {@code event} from {@code state} with the context given as a JSON object. */
  Map<String, Object> fire(JsonNode body) {
    Machine machine = machine(body.hasNonNull("machine") ? body.get("machine").asText() : null);
    String state = Api.text(body, "state");
    String event = Api.text(body, "event");
    if (machine.state(state).isEmpty()) {
      throw new Api.BadRequest("unknown state '" + state + "' of machine '" + machine.name() + "'");
    }
    Context context = context(body.hasNonNull("context") ? body.get("context").asText() : "");
    Decision d;
    try {
      d = machine.decide(state, event, context);
    } catch (CrmException e) {
      throw new Api.BadRequest(e.getMessage());
    }
    Map<String, Object> m = decision(d);
    m.put("permittedEvents", machine.permittedEvents(d.state()));
    return m;
  }

  /**
   * Replays an event log (CSV {@code subject_id,event,at}, as {@code crmkit lifecycle replay}
   * reads it) with every guard assumed satisfied; each subject's steps, up to its first illegal
   * one.
   */
  Map<String, Object> replay(JsonNode body) {
    Machine machine = machine(body.hasNonNull("machine") ? body.get("machine").asText() : null);
    Machine replaying = MachineJson.read(MachineJson.write(machine), GuardRegistry.assumeSatisfied());
    String log = Api.text(body, "log");
    Set<String> clocks = new TreeSet<>();
    for (Transition t : machine.transitions()) {
      t.timer().ifPresent(x -> clocks.add(x.clock()));
    }
    String start = machine.start("subject").state();
    Map<String, List<Map<String, Object>>> bySubject = new LinkedHashMap<>();
    Map<String, String> stateOf = new HashMap<>();
    Map<String, Instant> previousOf = new HashMap<>();
    Map<String, Boolean> stopped = new HashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = log.strip().split("\\R");
    int first = lines.length > 0 && lines[0].strip().equalsIgnoreCase("subject_id,event,at") ? 1 : 0;
    for (int i = first; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 3 || f[0].isBlank() || f[1].isBlank()) {
        problems.add("line " + (i + 1) + ": expected subject_id,event,at, but found '" + line + "'");
        continue;
      }
      Instant at = at(f[2].strip());
      if (at == null) {
        problems.add("line " + (i + 1) + ": at '" + f[2].strip() + "' is not an ISO-8601 instant,"
            + " offset date-time or date");
        continue;
      }
      String subject = f[0].strip();
      if (stopped.getOrDefault(subject, false)) {
        continue;
      }
      String from = stateOf.getOrDefault(subject, start);
      Instant previous = previousOf.getOrDefault(subject, at);
      Map<String, Object> step;
      String toState;
      try {
        Decision d = replaying.decide(from, f[1].strip(), replayContext(clocks, previous, at));
        step = decision(d);
        toState = d.state();
      } catch (CrmException e) {
        step = new LinkedHashMap<>();
        step.put("accepted", false);
        step.put("outcome", "unknown event");
        step.put("from", from);
        step.put("event", f[1].strip());
        step.put("to", from);
        step.put("effects", List.of());
        step.put("reason", e.getMessage());
        toState = from;
      }
      step.put("line", i + 1);
      step.put("at", at.toString());
      if (at.isBefore(previous)) {
        step.put("accepted", false);
        step.put("reason", "at " + at + " is before the subject's previous event at " + previous);
      }
      bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(step);
      if (Boolean.TRUE.equals(step.get("accepted"))) {
        stateOf.put(subject, toState);
        previousOf.put(subject, at);
      } else {
        stopped.put(subject, true);
      }
    }
    List<Map<String, Object>> subjects = new ArrayList<>();
    bySubject.forEach((s, steps) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("subject", s);
      x.put("start", start);
      x.put("steps", steps);
      x.put("valid", !stopped.getOrDefault(s, false));
      subjects.add(x);
    });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("subjects", subjects);
    m.put("problems", problems);
    return m;
  }

  private static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accepted", d.accepted());
    m.put("outcome", d.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    m.put("from", d.from());
    m.put("event", d.event());
    m.put("to", d.state());
    m.put("effects", d.effects());
    m.put("internal", d.internal());
    m.put("failedGuard", d.failedGuard().orElse(null));
    m.put("reason", d.reason());
    m.put("explanation", d.explain());
    return m;
  }

  private Machine machine(@Nullable String name) {
    if (name == null || name.isBlank() || LOADED.equals(name)) {
      return ws.machine;
    }
    Machine m = machines.get(name);
    if (m == null) {
      throw new Api.BadRequest("unknown machine '" + name + "'; known: " + machines.keySet());
    }
    return m;
  }

  /**
   * A context from a JSON object: numbers, booleans and strings as they are, except that a
   * string holding an ISO-8601 instant or date becomes an {@link Instant} (a clock); the key
   * {@code now} sets the context's current instant.
   */
  static Context context(String json) {
    if (json.isBlank()) {
      return Context.empty();
    }
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (IOException e) {
      throw new Api.BadRequest("context: not valid JSON: " + e.getMessage());
    }
    if (n == null || !n.isObject()) {
      throw new Api.BadRequest("context: expected a JSON object such as {\"paidOrders\": 1}");
    }
    Map<String, Object> facts = new HashMap<>();
    Instant now = null;
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) n::fields) {
      JsonNode v = e.getValue();
      Object value;
      if (v.isIntegralNumber()) {
        value = v.asLong();
      } else if (v.isNumber()) {
        value = v.asDouble();
      } else if (v.isBoolean()) {
        value = v.asBoolean();
      } else if (v.isTextual()) {
        Instant i = at(v.asText());
        value = i != null ? i : v.asText();
      } else {
        throw new Api.BadRequest("context." + e.getKey()
            + ": expected a number, boolean or string, but found " + v);
      }
      if ("now".equals(e.getKey())) {
        if (!(value instanceof Instant)) {
          throw new Api.BadRequest("context.now: expected an ISO-8601 instant or date, but found " + v);
        }
        now = (Instant) value;
      } else {
        facts.put(e.getKey(), value);
      }
    }
    return now == null ? Context.of(facts) : Context.of(facts, now);
  }

  /** A sample log: one subject along the longest of the shortest paths to any state. */
  private static String defaultLog(Machine machine) {
    List<String> path = List.of();
    String start = machine.start("subject").state();
    for (State s : machine.states()) {
      Optional<List<String>> p = machine.shortestPath(start, s.name());
      if (p.isPresent() && p.get().size() > path.size()) {
        path = p.get();
      }
    }
    StringBuilder b = new StringBuilder("subject_id,event,at\n");
    LocalDate day = LocalDate.of(2026, 3, 2);
    for (String event : path) {
      b.append("demo-1,").append(event).append(',').append(day).append('\n');
      day = day.plusDays(7);
    }
    return b.toString();
  }

  private static @Nullable Instant at(String text) {
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      // try the other forms
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      // try a plain date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Context replayContext(Set<String> clocks, Instant clock, Instant now) {
    return new Context() {
      @Override
      public Optional<Object> get(String key) {
        return clocks.contains(key) ? Optional.of(clock) : Optional.empty();
      }

      @Override
      public Optional<Instant> now() {
        return Optional.of(now);
      }
    };
  }
}

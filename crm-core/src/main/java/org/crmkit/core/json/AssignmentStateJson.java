package org.crmkit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.core.model.UserId;

/**
 * Reads and writes the persisted distribution state ({@code "format":
 * "crmkit.assignment-state/1"}), for hosts that keep it in a file or a JSON column. Stateless and
 * thread-safe. Keys are written sorted, so equal states give equal text.
 *
 * <pre>{@code
 * {"format": "crmkit.assignment-state/1",
 *  "cursors": {"emea": 1},
 *  "currentWeights": {"apac": {"bob": -2, "carol": 1}},
 *  "openItems": {"bob": 3},
 *  "capacityUsed": {"bob": {"period": "2026-11-23", "count": 2}}}
 * }</pre>
 */
public final class AssignmentStateJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.assignment-state/1";

  private static final List<String> ROOT =
      List.of("format", "cursors", "currentWeights", "openItems", "capacityUsed");

  private AssignmentStateJson() {}

  /**
   * Reads a state document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path (syntax, format,
   *     unknown fields, wrong types, negative counts)
   */
  public static AssignmentState read(String json) {
    JsonNode root = JsonReading.parse(json, "assignment state document");
    JsonReading r = new JsonReading();
    AssignmentState.Builder b = AssignmentState.builder();
    if (r.checkFormat(root, FORMAT)) {
      r.unknownFields(root, "$", ROOT);
      for (var e : fields(r, root, "cursors")) {
        Integer v = r.integer(root.get("cursors"), e.getKey(), "$.cursors");
        if (v != null) {
          b.putCursors(e.getKey(), v);
        }
      }
      for (var e : fields(r, root, "currentWeights")) {
        String path = "$.currentWeights." + e.getKey();
        if (!r.requireObject(e.getValue(), path)) {
          continue;
        }
        Map<UserId, Long> weights = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.getValue().fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> w = it.next();
          if (!w.getValue().isIntegralNumber() || !w.getValue().canConvertToLong()) {
            r.problem(path + "." + w.getKey(), "expected an integer, but found %s",
                JsonReading.describe(w.getValue()));
          } else {
            weights.put(UserId.of(w.getKey()), w.getValue().asLong());
          }
        }
        b.putCurrentWeights(e.getKey(), Map.copyOf(weights));
      }
      for (var e : fields(r, root, "openItems")) {
        Integer v = r.integer(root.get("openItems"), e.getKey(), "$.openItems");
        if (v != null && v < 0) {
          r.problem("$.openItems." + e.getKey(), "expected an integer >= 0, but found %d", v);
        } else if (v != null) {
          b.putOpenItems(UserId.of(e.getKey()), v);
        }
      }
      for (var e : fields(r, root, "capacityUsed")) {
        String path = "$.capacityUsed." + e.getKey();
        if (!r.requireObject(e.getValue(), path)) {
          continue;
        }
        r.unknownFields(e.getValue(), path, List.of("period", "count"));
        String period = r.text(e.getValue(), "period", path);
        Integer count = r.integer(e.getValue(), "count", path);
        if (count != null && count < 0) {
          r.problem(path + ".count", "expected an integer >= 0, but found %d", count);
        } else if (period != null && count != null) {
          b.putCapacityUsed(UserId.of(e.getKey()),
              new AssignmentState.CapacityUse(period, count));
        }
      }
    }
    r.throwIfAny("assignment state document");
    return b.build();
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonReading r, JsonNode root,
      String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isObject()) {
      r.problem("$." + field, "expected an object, but found %s", JsonReading.describe(n));
      return List.of();
    }
    List<Map.Entry<String, JsonNode>> out = new java.util.ArrayList<>();
    n.fields().forEachRemaining(out::add);
    return out;
  }

  /**
   * Writes a state document that {@link #read} turns back into an equal state.
   *
   * @throws CrmException if serialisation fails (it does not for valid states)
   */
  public static String write(AssignmentState state) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    ObjectNode cursors = root.putObject("cursors");
    new TreeMap<>(state.cursors()).forEach(cursors::put);
    ObjectNode weights = root.putObject("currentWeights");
    new TreeMap<>(state.currentWeights()).forEach((entry, m) -> {
      ObjectNode o = weights.putObject(entry);
      new TreeMap<>(m).forEach((u, w) -> o.put(u.value(), w));
    });
    ObjectNode open = root.putObject("openItems");
    new TreeMap<>(state.openItems()).forEach((u, n) -> open.put(u.value(), n));
    ObjectNode cap = root.putObject("capacityUsed");
    new TreeMap<>(state.capacityUsed()).forEach((u, c) ->
        cap.putObject(u.value()).put("period", c.period()).put("count", c.count()));
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write assignment state: " + e.getMessage(), e);
    }
  }
}

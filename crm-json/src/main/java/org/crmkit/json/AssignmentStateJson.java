package org.crmkit.json;

import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

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

  static final Shape ROOT = Shape.document("assignment state document", "cursors?",
      "currentWeights?", "openItems?", "capacityUsed?");
  static final Shape USE = new Shape("capacity use", "period", "count");

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path (syntax, format, unknown fields, wrong types, negative
   * counts); writing gives a document that reads back into an equal state.
   */
  public static final JsonDocument<AssignmentState> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, AssignmentStateJson::read, AssignmentStateJson::tree);

  private AssignmentStateJson() {}

  private static AssignmentState read(In root) {
    AssignmentState.Builder b = AssignmentState.builder();
    root.map("cursors").integers(0, Integer.MAX_VALUE)
        .forEach((k, v) -> b.putCursors(k, v.intValue()));
    In weights = root.map("currentWeights");
    weights.node.properties().forEach(e -> b.putCurrentWeights(e.getKey(),
        byUser(weights.map(e.getKey()), Long.MIN_VALUE, Long.MAX_VALUE)));
    byUser(root.map("openItems"), 0, Integer.MAX_VALUE)
        .forEach((u, v) -> b.putOpenItems(u, v.intValue()));
    In capacity = root.map("capacityUsed");
    capacity.objects(USE).forEach((u, c) -> {
      String period = c.text("period");
      Integer count = c.integer("count", 0);
      UserId id = user(capacity, u);
      if (id != null && period != null && count != null) {
        b.putCapacityUsed(id, new AssignmentState.CapacityUse(period, count));
      }
    });
    root.problems.throwIfAny();
    return b.build();
  }

  /** The entries of {@code map} as integers in {@code [min, max]} by user id. */
  private static Map<UserId, Long> byUser(In map, long min, long max) {
    Map<UserId, Long> out = new TreeMap<>();
    map.integers(min, max).forEach((u, v) -> {
      UserId id = user(map, u);
      if (id != null) {
        out.put(id, v);
      }
    });
    return out;
  }

  private static @Nullable UserId user(In map, String key) {
    return map.problems.attempt(map.path.field(key), () -> UserId.of(key));
  }

  private static void tree(Out root, AssignmentState state) {
    Out cursors = root.object("cursors");
    new TreeMap<>(state.cursors()).forEach((k, v) -> cursors.put(k, v));
    Out weights = root.object("currentWeights");
    new TreeMap<>(state.currentWeights()).forEach((entry, m) -> {
      Out o = weights.object(entry);
      new TreeMap<>(m).forEach((u, w) -> o.put(u.value(), w));
    });
    Out open = root.object("openItems");
    new TreeMap<>(state.openItems()).forEach((u, n) -> open.put(u.value(), n));
    Out cap = root.object("capacityUsed");
    new TreeMap<>(state.capacityUsed()).forEach((u, c) ->
        cap.object(u.value()).put("period", c.period()).put("count", c.count()));
  }
}

package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.model.UserId;
import org.crmkit.json.Shape.Field;
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

  static final Shape ROOT = Documents.shape("assignment state document");
  static final Field CURSORS = ROOT.optional("cursors");
  static final Field WEIGHTS = ROOT.optional("currentWeights");
  static final Field OPEN = ROOT.optional("openItems");
  static final Field CAPACITY = ROOT.optional("capacityUsed");
  static final Shape USE = new Shape("capacity use");
  static final Field PERIOD = USE.required("period");
  static final Field COUNT = USE.required("count");
  static final String WHAT = "assignment state document";

  private AssignmentStateJson() {}

  /**
   * Reads a state document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path (syntax, format,
   *     unknown fields, wrong types, negative counts)
   */
  public static AssignmentState read(String json) {
    return read(Documents.open(json, WHAT, FORMAT, ROOT));
  }

  static AssignmentState read(In root) {
    AssignmentState.Builder b = AssignmentState.builder();
    In cursors = root.map(CURSORS);
    if (cursors != null) {
      cursors.integers(0, Integer.MAX_VALUE).forEach((k, v) -> b.putCursors(k, v.intValue()));
    }
    In weights = root.map(WEIGHTS);
    if (weights != null) {
      for (Map.Entry<String, JsonNode> e : weights.node.properties()) {
        In inner = weights.map(new Field(e.getKey(), true));
        if (inner != null) {
          Map<UserId, Long> w = new TreeMap<>();
          inner.integers(Long.MIN_VALUE, Long.MAX_VALUE).forEach((u, v) -> {
            UserId id = user(inner, u);
            if (id != null) {
              w.put(id, v);
            }
          });
          b.putCurrentWeights(e.getKey(), w);
        }
      }
    }
    In open = root.map(OPEN);
    if (open != null) {
      open.integers(0, Integer.MAX_VALUE).forEach((u, v) -> {
        UserId id = user(open, u);
        if (id != null) {
          b.putOpenItems(id, v.intValue());
        }
      });
    }
    In capacity = root.map(CAPACITY);
    if (capacity != null) {
      capacity.objects(USE).forEach((u, c) -> {
        String period = c.text(PERIOD);
        Integer count = c.integer(COUNT, 0);
        UserId id = user(capacity, u);
        if (id != null && period != null && count != null) {
          b.putCapacityUsed(id, new AssignmentState.CapacityUse(period, count));
        }
      });
    }
    root.problems.throwIfAny();
    return b.build();
  }

  private static @Nullable UserId user(In map, String key) {
    return map.problems.attempt(map.path.field(key), () -> UserId.of(key));
  }

  /**
   * Reads a state document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static AssignmentState read(InputStream in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a state document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static AssignmentState read(Reader in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a state document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static AssignmentState read(Path file) throws IOException {
    return read(JsonText.read(file));
  }

  /** Writes a state document that {@link #read} turns back into an equal state. */
  public static String write(AssignmentState state) {
    return tree(state).text();
  }

  static Out tree(AssignmentState state) {
    Out root = Out.document(FORMAT);
    Out cursors = root.object(CURSORS);
    new TreeMap<>(state.cursors()).forEach((k, v) -> cursors.number(new Field(k, true), v));
    Out weights = root.object(WEIGHTS);
    new TreeMap<>(state.currentWeights()).forEach((entry, m) -> {
      Out o = weights.object(new Field(entry, true));
      new TreeMap<>(m).forEach((u, w) -> o.number(new Field(u.value(), true), w));
    });
    Out open = root.object(OPEN);
    new TreeMap<>(state.openItems()).forEach((u, n) -> open.number(new Field(u.value(), true), n));
    Out cap = root.object(CAPACITY);
    new TreeMap<>(state.capacityUsed()).forEach((u, c) ->
        cap.object(new Field(u.value(), true)).put(PERIOD, c.period()).number(COUNT, c.count()));
    return root;
  }
}

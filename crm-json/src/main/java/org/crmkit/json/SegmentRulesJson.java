package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.json.Shape.Field;
import org.crmkit.segmentation.rules.ScoreRange;
import org.crmkit.segmentation.rules.SegmentRule;
import org.crmkit.segmentation.rules.SegmentRules;

/**
 * Reads and writes {@link SegmentRules} as {@code "format": "crmkit.segment-rules/1"} documents.
 * Rules are listed in priority order; a missing range means all scores; {@code strict} (default
 * false) rejects rule sets that do not partition the score lattice:
 *
 * <pre>{@code
 * {"format": "crmkit.segment-rules/1", "tiles": 5, "strict": true,
 *  "rules": [{"segment": "Active", "r": [3, 5]},
 *            {"segment": "Lapsed", "r": [1, 2], "attributes": {"needs": ["support"]}}]}
 * }</pre>
 *
 * Stateless, thread-safe.
 */
public final class SegmentRulesJson {
  /** The format this class reads and writes. */
  public static final String FORMAT = "crmkit.segment-rules/1";

  static final Shape ROOT = Documents.shape("segment rules document");
  static final Field TILES = ROOT.optional("tiles");
  static final Field STRICT = ROOT.optional("strict");
  static final Field RULES = ROOT.required("rules");
  static final Shape RULE = new Shape("rule");
  static final Field SEGMENT = RULE.required("segment");
  static final Field R = RULE.optional("r");
  static final Field F = RULE.optional("f");
  static final Field M = RULE.optional("m");
  static final Field ATTRIBUTES = RULE.optional("attributes");
  private static final String WHAT = "segment rules document";

  private SegmentRulesJson() {}

  /** The rule set as a JSON document (pretty-printed); {@code strict} is written as given. */
  public static String write(SegmentRules rules, boolean strict) {
    Out root = Out.document(FORMAT).number(TILES, rules.tiles()).bool(STRICT, strict).array(RULES);
    for (SegmentRule r : rules.rules()) {
      Out o = root.element(RULES).put(SEGMENT, r.segment());
      range(o, R, r.r());
      range(o, F, r.f());
      range(o, M, r.m());
      if (!r.attributes().isEmpty()) {
        Out a = o.object(ATTRIBUTES);
        new TreeMap<>(r.attributes()).forEach((k, v) ->
            a.strings(new Field(k, false), new TreeSet<>(v)));
      }
    }
    return root.text();
  }

  private static void range(Out o, Field f, ScoreRange range) {
    o.node.putArray(f.name()).add(range.min()).add(range.max());
  }

  /**
   * Reads, validates and analyses a rule set.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path, then (once the
   *     document is well-formed) every rule problem, or in strict mode every analysis finding
   */
  public static SegmentRules read(String json) {
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    Integer tiles = root.has(TILES) ? root.integer(TILES, 2) : null;
    int t = tiles == null ? 5 : tiles;
    SegmentRules.Builder b = SegmentRules.builder().tiles(t).strict(root.bool(STRICT, false));
    for (In o : root.objects(RULES, RULE)) {
      String segment = o.text(SEGMENT);
      ScoreRange r = range(o, R, t);
      ScoreRange f = range(o, F, t);
      ScoreRange m = range(o, M, t);
      SegmentRules.RuleBuilder rb = b.rule(segment == null ? "?" : segment)
          .r(r.min(), r.max()).f(f.min(), f.max()).m(m.min(), m.max());
      In attributes = o.map(ATTRIBUTES);
      if (attributes != null) {
        for (Map.Entry<String, JsonNode> e : attributes.node.properties()) {
          List<String> values = attributes.strings(new Field(e.getKey(), true), true);
          rb.attribute(e.getKey(), values.toArray(new String[0]));
        }
      }
      rb.add();
    }
    root.problems.throwIfAny();
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      throw e.prefixed(WHAT, Documents.ROOT);
    }
  }

  private static ScoreRange range(In o, Field field, int tiles) {
    List<Map.Entry<org.crmkit.core.ProblemPath, JsonNode>> v = o.elements(field, false);
    JsonNode node = o.get(field);
    if (node == null || !node.isArray()) {
      return ScoreRange.of(1, tiles);
    }
    if (v.size() != 2 || !isInt(v.get(0).getValue()) || !isInt(v.get(1).getValue())) {
      o.problems.add(o.at(field), "expected [min, max] with integers, but found %s",
          node.toString());
      return ScoreRange.of(1, tiles);
    }
    return ScoreRange.of(v.get(0).getValue().asInt(), v.get(1).getValue().asInt());
  }

  private static boolean isInt(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToInt();
  }

  /**
   * Reads a rule set from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static SegmentRules read(InputStream in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a rule set from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static SegmentRules read(Reader in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a rule set from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static SegmentRules read(Path file) throws IOException {
    return read(JsonText.read(file));
  }
}

package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.segmentation.rules.ScoreRange;
import org.crmkit.segmentation.rules.SegmentRule;
import org.crmkit.segmentation.rules.SegmentRules;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@link SegmentRules} as {@code "format": "crmkit.segment-rules/1"} documents.
 * Rules are listed in priority order; a missing range means all scores; {@code strict} (default
 * false) rejects rule sets that do not partition the score lattice, apart from the overlaps a rule
 * declares deliberate with {@code overrides} (the segments it wins over):
 *
 * <pre>{@code
 * {"format": "crmkit.segment-rules/1", "tiles": 5, "strict": true,
 *  "rules": [{"segment": "Key", "attributes": {"needs": ["custom"]}, "overrides": ["Active", "Lapsed"]},
 *            {"segment": "Active", "r": [3, 5]},
 *            {"segment": "Lapsed", "r": [1, 2]}]}
 * }</pre>
 *
 * Stateless, thread-safe.
 */
public final class SegmentRulesJson {
  /** The format this class reads and writes. */
  public static final String FORMAT = "crmkit.segment-rules/1";

  static final Shape ROOT = Shape.document("segment rules document", "tiles?", "strict?", "rules");
  static final Shape RULE = new Shape("rule", "segment", "r?", "f?", "m?", "attributes?",
      "overrides?");

  private SegmentRulesJson() {}

  /**
   * The document from and to any source; {@code strict} is the value written (reading takes the
   * document's). {@link #read(String)} lists the problems reported.
   */
  public static JsonDocument<SegmentRules> document(boolean strict) {
    return new JsonDocument<>(FORMAT, ROOT, SegmentRulesJson::read,
        rules -> tree(rules, strict));
  }

  /** The rule set as a JSON document (pretty-printed); {@code strict} is written as given. */
  public static String write(SegmentRules rules, boolean strict) {
    return document(strict).write(rules);
  }

  /**
   * Reads, validates and analyses a rule set.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path, then (once the
   *     document is well-formed) every rule problem, or in strict mode every analysis finding
   */
  public static SegmentRules read(String json) {
    return document(false).read(json);
  }

  private static Out tree(SegmentRules rules, boolean strict) {
    Out root = Out.document(FORMAT).put("tiles", rules.tiles()).put("strict", strict)
        .array("rules");
    for (SegmentRule r : rules.rules()) {
      Out o = root.element("rules").put("segment", r.segment());
      range(o, "r", r.r());
      range(o, "f", r.f());
      range(o, "m", r.m());
      if (!r.attributes().isEmpty()) {
        Out a = o.object("attributes");
        new TreeMap<>(r.attributes()).forEach((k, v) ->
            a.strings(k, new TreeSet<>(v)));
      }
      o.strings("overrides", new TreeSet<>(r.overrides()));
    }
    return root;
  }

  private static void range(Out o, String f, ScoreRange range) {
    o.node.putArray(f).add(range.min()).add(range.max());
  }

  private static @Nullable SegmentRules read(In root) {
    Integer tiles = root.integer("tiles", 2);
    int t = tiles == null ? 5 : tiles;
    SegmentRules.Builder b = SegmentRules.builder().tiles(t).strict(root.bool("strict", false));
    for (In o : root.objects("rules", RULE)) {
      String segment = o.text("segment");
      ScoreRange r = range(o, "r", t);
      ScoreRange f = range(o, "f", t);
      ScoreRange m = range(o, "m", t);
      SegmentRules.RuleBuilder rb = b.rule(segment == null ? "?" : segment)
          .r(r.min(), r.max()).f(f.min(), f.max()).m(m.min(), m.max());
      In attributes = o.map("attributes");
      attributes.node.fieldNames().forEachRemaining(k ->
          rb.attribute(k, attributes.strings(k, true).toArray(new String[0])));
      if (o.has("overrides")) {
        rb.overrides(o.strings("overrides", true).toArray(new String[0]));
      }
      rb.add();
    }
    return root.build(b::build);
  }

  private static ScoreRange range(In o, String field, int tiles) {
    JsonNode node = o.get(field);
    List<JsonNode> v = o.elements(field, false).stream().map(Map.Entry::getValue).toList();
    if (v.size() == 2 && isInt(v.get(0)) && isInt(v.get(1))) {
      return ScoreRange.of(v.get(0).asInt(), v.get(1).asInt());
    } else if (node != null && node.isArray()) {
      o.problems.add(o.at(field), "expected [min, max] with integers, but found %s", node);
    }
    return ScoreRange.of(1, tiles);
  }

  private static boolean isInt(JsonNode n) {
    return n.isIntegralNumber() && n.canConvertToInt();
  }
}

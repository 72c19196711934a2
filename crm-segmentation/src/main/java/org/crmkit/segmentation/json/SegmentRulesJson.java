package org.crmkit.segmentation.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.JsonReading;
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

  private SegmentRulesJson() {}

  /** The rule set as a JSON document (pretty-printed); {@code strict} is written as given. */
  public static String write(SegmentRules rules, boolean strict) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("tiles", rules.tiles());
    root.put("strict", strict);
    ArrayNode array = root.putArray("rules");
    for (SegmentRule r : rules.rules()) {
      ObjectNode o = array.addObject();
      o.put("segment", r.segment());
      o.putArray("r").add(r.r().min()).add(r.r().max());
      o.putArray("f").add(r.f().min()).add(r.f().max());
      o.putArray("m").add(r.m().min()).add(r.m().max());
      if (!r.attributes().isEmpty()) {
        ObjectNode a = o.putObject("attributes");
        new TreeMap<>(r.attributes()).forEach((k, v) -> {
          ArrayNode values = a.putArray(k);
          new TreeSet<>(v).forEach(values::add);
        });
      }
    }
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new CrmException("cannot write the segment rules as JSON", e);
    }
  }

  /**
   * Reads, validates and analyses a rule set.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path, then (once the
   *     document is well-formed) every rule problem, or in strict mode every analysis finding
   */
  public static SegmentRules read(String json) {
    JsonNode root = JsonReading.parse(json, "segment rules document");
    JsonReading in = new JsonReading();
    if (!in.checkFormat(root, FORMAT)) {
      in.throwIfAny("segment rules document");
    }
    in.unknownFields(root, "$", List.of("format", "tiles", "strict", "rules"));
    int tiles = 5;
    if (root.has("tiles")) {
      Integer t = in.integer(root, "tiles", "$");
      tiles = t == null ? 5 : t;
    }
    boolean strict = in.bool(root, "strict", "$", false);
    SegmentRules.Builder b = SegmentRules.builder().tiles(tiles).strict(strict);
    List<JsonNode> items = in.array(root, "rules", "$", true);
    for (int i = 0; i < items.size(); i++) {
      String path = "$.rules[" + i + "]";
      JsonNode o = items.get(i);
      if (!in.requireObject(o, path)) {
        continue;
      }
      in.unknownFields(o, path, List.of("segment", "r", "f", "m", "attributes"));
      String segment = in.text(o, "segment", path);
      SegmentRules.RuleBuilder rb = b.rule(segment == null ? "?" : segment);
      ScoreRange r = range(in, o, "r", path, tiles);
      ScoreRange f = range(in, o, "f", path, tiles);
      ScoreRange m = range(in, o, "m", path, tiles);
      rb.r(r.min(), r.max()).f(f.min(), f.max()).m(m.min(), m.max());
      JsonNode attrs = o.get("attributes");
      if (attrs != null && !attrs.isNull()) {
        if (!in.requireObject(attrs, path + ".attributes")) {
          continue;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String apath = path + ".attributes." + e.getKey();
          List<String> values = new ArrayList<>();
          if (!e.getValue().isArray() || e.getValue().isEmpty()) {
            in.problem(apath, "expected a non-empty array of strings, but found %s",
                JsonReading.describe(e.getValue()));
            continue;
          }
          for (JsonNode v : e.getValue()) {
            if (!v.isTextual()) {
              in.problem(apath, "expected strings, but found %s", JsonReading.describe(v));
            } else {
              values.add(v.asText());
            }
          }
          rb.attribute(e.getKey(), values.toArray(new String[0]));
        }
      }
      rb.add();
    }
    in.throwIfAny("segment rules document");
    return b.build();
  }

  private static ScoreRange range(JsonReading in, JsonNode o, String field, String path, int tiles) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return ScoreRange.of(1, tiles);
    }
    if (!v.isArray() || v.size() != 2 || !v.get(0).canConvertToInt() || !v.get(1).canConvertToInt()
        || !v.get(0).isIntegralNumber() || !v.get(1).isIntegralNumber()) {
      in.problem(path + "." + field, "expected [min, max] with integers, but found %s",
          JsonReading.describe(v));
      return ScoreRange.of(1, tiles);
    }
    return ScoreRange.of(v.get(0).asInt(), v.get(1).asInt());
  }
}

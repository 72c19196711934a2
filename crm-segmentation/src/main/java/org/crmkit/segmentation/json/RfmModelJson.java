package org.crmkit.segmentation.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.core.model.CustomerId;
import org.crmkit.segmentation.rfm.CutPoint;
import org.crmkit.segmentation.rfm.FrequencyMeasure;
import org.crmkit.segmentation.rfm.MonetaryMeasure;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes {@link RfmModel}s as {@code "format": "crmkit.rfm-model/1"} documents:
 *
 * <pre>{@code
 * {"format": "crmkit.rfm-model/1", "asOf": "1998-07-01", "tiles": 5, "ties": "TIES_SHARE",
 *  "frequencyMeasure": "TRANSACTIONS", "monetaryMeasure": "TOTAL",
 *  "recencyCuts": [{"score": 2, "value": 400}, ...], "frequencyCuts": [...],
 *  "monetaryCuts": [{"score": 2, "value": 19.5, "tieBreak": "00042"}, ...]}
 * }</pre>
 *
 * Numbers are written exactly, so a model read back scores identically. Stateless, thread-safe.
 */
public final class RfmModelJson {
  /** The format this class reads and writes. */
  public static final String FORMAT = "crmkit.rfm-model/1";

  private static final List<String> FIELDS = List.of("format", "asOf", "tiles", "ties",
      "frequencyMeasure", "monetaryMeasure", "recencyCuts", "frequencyCuts", "monetaryCuts");

  private RfmModelJson() {}

  /** The model as a JSON document (pretty-printed). */
  public static String write(RfmModel model) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("asOf", model.asOf().toString());
    root.put("tiles", model.tiles());
    root.put("ties", model.ties().name());
    root.put("frequencyMeasure", model.frequencyMeasure().name());
    root.put("monetaryMeasure", model.monetaryMeasure().name());
    cuts(root.putArray("recencyCuts"), model.recencyCuts());
    cuts(root.putArray("frequencyCuts"), model.frequencyCuts());
    cuts(root.putArray("monetaryCuts"), model.monetaryCuts());
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new CrmException("cannot write the RFM model as JSON", e);
    }
  }

  private static void cuts(ArrayNode array, List<CutPoint> cuts) {
    for (CutPoint c : cuts) {
      ObjectNode o = array.addObject();
      o.put("score", c.score());
      o.put("value", c.value());
      if (c.tieBreak() != null) {
        o.put("tieBreak", c.tieBreak().value());
      }
    }
  }

  /**
   * Reads a model.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path (syntax, format,
   *     missing or unknown fields, wrong types, inconsistent cut points)
   */
  public static RfmModel read(String json) {
    JsonNode root = JsonReading.parse(json, "RFM model document");
    JsonReading in = new JsonReading();
    if (!in.checkFormat(root, FORMAT)) {
      in.throwIfAny("RFM model document");
    }
    in.unknownFields(root, "$", FIELDS);
    String asOfText = in.text(root, "asOf", "$");
    LocalDate asOf = null;
    if (asOfText != null) {
      try {
        asOf = LocalDate.parse(asOfText);
      } catch (DateTimeParseException e) {
        in.problem("$.asOf", "expected an ISO date (yyyy-MM-dd), but found \"%s\"", asOfText);
      }
    }
    Integer tiles = in.integer(root, "tiles", "$");
    TiePolicy ties = enumValue(in, root, "ties", TiePolicy.class);
    FrequencyMeasure fm = enumValue(in, root, "frequencyMeasure", FrequencyMeasure.class);
    MonetaryMeasure mm = enumValue(in, root, "monetaryMeasure", MonetaryMeasure.class);
    List<CutPoint> r = readCuts(in, root, "recencyCuts");
    List<CutPoint> f = readCuts(in, root, "frequencyCuts");
    List<CutPoint> m = readCuts(in, root, "monetaryCuts");
    in.throwIfAny("RFM model document");
    // without a problem, every required field was read
    return RfmModel.builder().asOf(Checks.known(asOf, "asOf")).tiles(Checks.known(tiles, "tiles"))
        .ties(Checks.known(ties, "ties")).frequencyMeasure(Checks.known(fm, "frequencyMeasure"))
        .monetaryMeasure(Checks.known(mm, "monetaryMeasure")).recencyCuts(r).frequencyCuts(f).monetaryCuts(m).build();
  }

  private static <E extends Enum<E>> @Nullable E enumValue(JsonReading in, JsonNode root, String field,
      Class<E> type) {
    String text = in.text(root, field, "$");
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      for (E v : type.getEnumConstants()) {
        known.add(v.name());
      }
      in.problem("$." + field, "unknown value \"%s\"; expected one of %s", text, known);
      return null;
    }
  }

  private static List<CutPoint> readCuts(JsonReading in, JsonNode root, String field) {
    List<CutPoint> out = new ArrayList<>();
    List<JsonNode> items = in.array(root, field, "$", true);
    for (int i = 0; i < items.size(); i++) {
      String path = "$." + field + "[" + i + "]";
      JsonNode o = items.get(i);
      if (!in.requireObject(o, path)) {
        continue;
      }
      in.unknownFields(o, path, List.of("score", "value", "tieBreak"));
      Integer score = in.integer(o, "score", path);
      Double value = in.number(o, "value", path);
      String tie = in.optionalText(o, "tieBreak", path).orElse(null);
      if (score != null && score < 2) {
        in.problem(path + ".score", "expected an integer >= 2, but found %s", score);
        continue;
      }
      if (score != null && value != null) {
        out.add(new CutPoint(score, value, tie == null ? null : CustomerId.of(tie)));
      }
    }
    return out;
  }
}

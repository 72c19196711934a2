package org.crmkit.json;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidDefinitionException;
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

  static final Shape ROOT = Shape.document("RFM model document", "asOf", "tiles", "ties",
      "frequencyMeasure", "monetaryMeasure", "recencyCuts", "frequencyCuts", "monetaryCuts");
  static final Shape CUT = new Shape("cut point", "score", "value", "tieBreak?");

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path (syntax, format, missing or unknown fields, wrong types,
   * inconsistent cut points).
   */
  public static final JsonDocument<RfmModel> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, RfmModelJson::read, RfmModelJson::tree);

  private RfmModelJson() {}

  private static void tree(Out root, RfmModel model) {
    root.put("asOf", model.asOf()).put("tiles", model.tiles())
        .put("ties", model.ties()).put("frequencyMeasure", model.frequencyMeasure())
        .put("monetaryMeasure", model.monetaryMeasure());
    cuts(root, "recencyCuts", model.recencyCuts());
    cuts(root, "frequencyCuts", model.frequencyCuts());
    cuts(root, "monetaryCuts", model.monetaryCuts());
  }

  private static void cuts(Out root, String f, List<CutPoint> cuts) {
    root.array(f);
    cuts.forEach(c -> root.element(f).put("score", c.score()).put("value", c.value())
        .put("tieBreak", c.tieBreak()));
  }

  private static @Nullable RfmModel read(In root) {
    LocalDate asOf = root.date("asOf");
    Integer tiles = root.integer("tiles", 2);
    TiePolicy ties = root.enumValue("ties", TiePolicy.class);
    FrequencyMeasure fm = root.enumValue("frequencyMeasure", FrequencyMeasure.class);
    MonetaryMeasure mm = root.enumValue("monetaryMeasure", MonetaryMeasure.class);
    List<CutPoint> r = cuts(root, "recencyCuts");
    List<CutPoint> f = cuts(root, "frequencyCuts");
    List<CutPoint> m = cuts(root, "monetaryCuts");
    return root.build(() -> RfmModel.builder()
        .asOf(Objects.requireNonNull(asOf)).tiles(Objects.requireNonNull(tiles))
        .ties(Objects.requireNonNull(ties)).frequencyMeasure(Objects.requireNonNull(fm))
        .monetaryMeasure(Objects.requireNonNull(mm)).recencyCuts(r).frequencyCuts(f)
        .monetaryCuts(m).build());
  }

  private static List<CutPoint> cuts(In root, String f) {
    return root.list(f, CUT, c -> {
      Integer score = c.integer("score", 2);
      Double value = c.number("value");
      CustomerId tie = c.parsed("tieBreak", "a customer id", CustomerId::of);
      return score == null || value == null ? null : new CutPoint(score, value, tie);
    });
  }
}

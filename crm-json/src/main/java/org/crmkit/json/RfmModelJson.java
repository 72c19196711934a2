package org.crmkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.model.CustomerId;
import org.crmkit.json.Shape.Field;
import org.crmkit.segmentation.rfm.CutPoint;
import org.crmkit.segmentation.rfm.FrequencyMeasure;
import org.crmkit.segmentation.rfm.MonetaryMeasure;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.TiePolicy;

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

  static final Shape ROOT = Documents.shape("RFM model document");
  static final Field AS_OF = ROOT.required("asOf");
  static final Field TILES = ROOT.required("tiles");
  static final Field TIES = ROOT.required("ties");
  static final Field FREQUENCY_MEASURE = ROOT.required("frequencyMeasure");
  static final Field MONETARY_MEASURE = ROOT.required("monetaryMeasure");
  static final Field RECENCY_CUTS = ROOT.required("recencyCuts");
  static final Field FREQUENCY_CUTS = ROOT.required("frequencyCuts");
  static final Field MONETARY_CUTS = ROOT.required("monetaryCuts");
  static final Shape CUT = new Shape("cut point");
  static final Field SCORE = CUT.required("score");
  static final Field VALUE = CUT.required("value");
  static final Field TIE_BREAK = CUT.optional("tieBreak");
  static final String WHAT = "RFM model document";

  private RfmModelJson() {}

  /** The model as a JSON document (pretty-printed). */
  public static String write(RfmModel model) {
    return tree(model).text();
  }

  static Out tree(RfmModel model) {
    Out root = Out.document(FORMAT).put(AS_OF, model.asOf()).number(TILES, model.tiles())
        .put(TIES, model.ties()).put(FREQUENCY_MEASURE, model.frequencyMeasure())
        .put(MONETARY_MEASURE, model.monetaryMeasure());
    cuts(root, RECENCY_CUTS, model.recencyCuts());
    cuts(root, FREQUENCY_CUTS, model.frequencyCuts());
    cuts(root, MONETARY_CUTS, model.monetaryCuts());
    return root;
  }

  private static void cuts(Out root, Field f, List<CutPoint> cuts) {
    root.array(f);
    cuts.forEach(c -> root.element(f).number(SCORE, c.score()).number(VALUE, c.value())
        .put(TIE_BREAK, c.tieBreak()));
  }

  /**
   * Reads a model.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path (syntax, format,
   *     missing or unknown fields, wrong types, inconsistent cut points)
   */
  public static RfmModel read(String json) {
    return read(Documents.open(json, WHAT, FORMAT, ROOT));
  }

  static RfmModel read(In root) {
    LocalDate asOf = root.date(AS_OF);
    Integer tiles = root.integer(TILES, 2);
    TiePolicy ties = root.enumValue(TIES, TiePolicy.class);
    FrequencyMeasure fm = root.enumValue(FREQUENCY_MEASURE, FrequencyMeasure.class);
    MonetaryMeasure mm = root.enumValue(MONETARY_MEASURE, MonetaryMeasure.class);
    List<CutPoint> r = cuts(root, RECENCY_CUTS);
    List<CutPoint> f = cuts(root, FREQUENCY_CUTS);
    List<CutPoint> m = cuts(root, MONETARY_CUTS);
    root.problems.throwIfAny();
    RfmModel model = root.problems.attempt(Documents.ROOT, () -> RfmModel.builder()
        .asOf(Objects.requireNonNull(asOf)).tiles(Objects.requireNonNull(tiles))
        .ties(Objects.requireNonNull(ties)).frequencyMeasure(Objects.requireNonNull(fm))
        .monetaryMeasure(Objects.requireNonNull(mm)).recencyCuts(r).frequencyCuts(f)
        .monetaryCuts(m).build());
    root.problems.throwIfAny();
    return Objects.requireNonNull(model);
  }

  private static List<CutPoint> cuts(In root, Field f) {
    List<CutPoint> out = new ArrayList<>();
    for (In c : root.objects(f, CUT)) {
      Integer score = c.integer(SCORE, 2);
      Double value = c.number(VALUE);
      CustomerId tie = c.parsed(TIE_BREAK, "a customer id", CustomerId::of);
      if (score != null && value != null) {
        out.add(new CutPoint(score, value, tie));
      }
    }
    return out;
  }

  /**
   * Reads a model from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static RfmModel read(InputStream in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a model from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static RfmModel read(Reader in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a model from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static RfmModel read(Path file) throws IOException {
    return read(JsonText.read(file));
  }
}

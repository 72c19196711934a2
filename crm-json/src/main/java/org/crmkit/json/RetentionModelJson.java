package org.crmkit.json;

import java.util.List;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.json.ClvModelJson.Section;
import org.crmkit.segmentation.clv.RetentionFit;
import org.crmkit.segmentation.clv.ShiftedBetaGeometric;

/**
 * The versioned JSON document of a fitted shifted-beta-geometric retention model,
 * {@code "format": "crmkit.retention-model/1"}:
 *
 * <pre>{@code
 * {"format": "crmkit.retention-model/1",
 *  "sbg": {"alpha": 0.668, "beta": 3.806, "log_likelihood": -1611.2,
 *          "standard_errors": {"alpha": 0.104, "beta": 0.786}, "iterations": 40,
 *          "evaluations": 70, "converged": true, "customers": 1000}}
 * }</pre>
 *
 * <p>{@code alpha}, {@code beta} and {@code log_likelihood} are required, the rest optional.
 * Stateless and thread-safe.
 */
public final class RetentionModelJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.retention-model/1";

  static final Shape ROOT = Shape.document("retention model document");
  static final Section SBG = new Section(ROOT, "sbg", "customers", "alpha", "beta");

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path (syntax, format, unknown or missing fields, wrong types,
   * non-positive parameters).
   */
  public static final JsonDocument<RetentionFit> DOCUMENT = new JsonDocument<>(FORMAT, ROOT,
      root -> SBG.read(root, (p, report, s) ->
          new RetentionFit(new ShiftedBetaGeometric(p[0], p[1]), report, List.of())),
      (root, fit) ->
          SBG.write(root, new double[] {fit.model().alpha(), fit.model().beta()}, fit.report()));

  private RetentionModelJson() {}

}

package org.crmkit.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.json.ClvModelJson.Section;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;

/**
 * The versioned JSON document of a purchase model fitted on a customer summary alone (no dates,
 * no spend model), {@code "format": "crmkit.purchase-model/1"}: one object named by the model's
 * kind ({@code bg_nbd}, {@code pareto_nbd}, {@code mbg_nbd} or {@code bg_bb}) with the parameters
 * named as in its paper and the fit fields of {@link ClvModelJson}:
 *
 * <pre>{@code
 * {"format": "crmkit.purchase-model/1",
 *  "bg_bb": {"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783,
 *            "log_likelihood": -33225.6, "customers": 11104}}
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class PurchaseModelJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.purchase-model/1";

  static final Shape ROOT = Shape.document("purchase model document");
  static final List<Section> SECTIONS = Section.purchases(ROOT, PurchaseModelKind.values());

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path, as {@link ClvModelJson#DOCUMENT} does for its purchase model.
   */
  public static final JsonDocument<PurchaseFit> DOCUMENT = new JsonDocument<>(FORMAT, ROOT,
      root -> ClvModelJson.readPurchases(root, SECTIONS),
      (root, fit) -> ClvModelJson.writePurchases(root, SECTIONS, fit));

  private PurchaseModelJson() {}

  /**
   * Reads the purchase model of either document: a {@value #FORMAT} document, or the purchase
   * part of a {@value ClvModelJson#FORMAT} document.
   *
   * @throws InvalidDefinitionException as {@link #DOCUMENT} or {@link ClvModelJson#DOCUMENT}
   */
  public static PurchaseFit readAny(String json) {
    JsonNode node = JsonText.parse(Objects.requireNonNull(json, "json"), ROOT.name());
    JsonNode format = node.get("format");
    if (format != null && ClvModelJson.FORMAT.equals(format.asText())) {
      return ClvModelJson.DOCUMENT.read(node).purchases();
    }
    return DOCUMENT.read(node);
  }
}

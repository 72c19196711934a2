package org.crmkit.segmentation.clv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.JsonReading;

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

  private static final List<String> NAMES = List.of("alpha", "beta");
  private static final List<String> FIELDS = List.of("alpha", "beta", "log_likelihood", "standard_errors",
      "iterations", "evaluations", "converged", "customers");

  private RetentionModelJson() {}

  /** Writes the fit as a pretty-printed document. */
  public static String write(RetentionFit fit) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    ObjectNode node = root.putObject("sbg");
    fit.model().parametersByName().forEach(node::put);
    FitReport r = fit.report();
    node.put("log_likelihood", r.logLikelihood());
    ObjectNode se = node.putObject("standard_errors");
    r.standardErrors().forEach(se::put);
    node.put("iterations", r.iterations());
    node.put("evaluations", r.evaluations());
    node.put("converged", r.converged());
    node.put("customers", r.observations());
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write the retention model as JSON", e);
    }
  }

  /**
   * Reads a document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path
   */
  public static RetentionFit read(String json) {
    String what = "retention model document";
    JsonNode root = JsonReading.parse(json, what);
    JsonReading in = new JsonReading();
    if (!in.checkFormat(root, FORMAT)) {
      in.throwIfAny(what);
    }
    in.unknownFields(root, "$", List.of("format", "sbg"));
    JsonNode node = root.get("sbg");
    RetentionFit fit = null;
    if (node == null) {
      in.problem("$.sbg", "required object is missing");
    } else if (in.requireObject(node, "$.sbg")) {
      in.unknownFields(node, "$.sbg", FIELDS);
      Double alpha = ClvModelJson.positive(in, node, "alpha", "$.sbg");
      Double beta = ClvModelJson.positive(in, node, "beta", "$.sbg");
      FitReport report = ClvModelJson.readReport(in, node, "$.sbg", "customers", NAMES);
      if (alpha != null && beta != null && report != null) {
        fit = new RetentionFit(new ShiftedBetaGeometric(alpha, beta), report, List.of());
      }
    }
    in.throwIfAny(what);
    if (fit == null) {
      throw new IllegalStateException("no problem reported, but no model read");
    }
    return fit;
  }
}

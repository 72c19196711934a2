package org.crmkit.segmentation.clv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.internal.JsonReading;
import org.jspecify.annotations.Nullable;

/**
 * The versioned JSON document of a fitted {@link ClvModel}, {@code "format":
 * "crmkit.clv-model/1"}:
 *
 * <pre>{@code
 * {"format": "crmkit.clv-model/1", "calibration_end": "1997-09-30", "unit": "week",
 *  "bg_nbd": {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426, "log_likelihood": -9582.4,
 *             "standard_errors": {"r": 0.013, ...}, "iterations": 90, "evaluations": 120,
 *             "converged": true, "customers": 2357},
 *  "gamma_gamma": {"p": 6.25, "q": 3.74, "gamma": 15.44, "log_likelihood": -4055.9,
 *                  "standard_errors": {...}, "iterations": 60, "evaluations": 80,
 *                  "converged": true, "repeat_buyers": 946, "excluded_non_positive_spend": 0}}
 * }</pre>
 *
 * <p>The parameters, both log-likelihoods, {@code calibration_end} and {@code unit} are required;
 * the fit diagnostics are optional (so a model with published parameters can be written by hand).
 * Stateless and thread-safe.
 */
public final class ClvModelJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.clv-model/1";

  private static final List<String> TOP = List.of("format", "calibration_end", "unit", "bg_nbd", "gamma_gamma");
  private static final List<String> BG = List.of("r", "alpha", "a", "b", "log_likelihood",
      "standard_errors", "iterations", "evaluations", "converged", "customers");
  private static final List<String> GG = List.of("p", "q", "gamma", "log_likelihood",
      "standard_errors", "iterations", "evaluations", "converged", "repeat_buyers",
      "excluded_non_positive_spend");

  private ClvModelJson() {}

  /** Writes the model as a pretty-printed document. */
  public static String write(ClvModel model) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("calibration_end", model.calibrationEnd().toString());
    root.put("unit", model.unit().label());
    ObjectNode bg = root.putObject("bg_nbd");
    BgNbdParameters m = model.bgNbd().parameters();
    bg.put("r", m.r());
    bg.put("alpha", m.alpha());
    bg.put("a", m.a());
    bg.put("b", m.b());
    report(bg, model.bgNbd().report(), "customers");
    ObjectNode gg = root.putObject("gamma_gamma");
    GammaGammaParameters g = model.gammaGamma().parameters();
    gg.put("p", g.p());
    gg.put("q", g.q());
    gg.put("gamma", g.gamma());
    report(gg, model.gammaGamma().report(), "repeat_buyers");
    gg.put("excluded_non_positive_spend", model.gammaGamma().excludedNonPositiveSpend());
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write the lifetime-value model as JSON", e);
    }
  }

  private static void report(ObjectNode node, FitReport r, String observations) {
    node.put("log_likelihood", r.logLikelihood());
    ObjectNode se = node.putObject("standard_errors");
    r.standardErrors().forEach(se::put);
    node.put("iterations", r.iterations());
    node.put("evaluations", r.evaluations());
    node.put("converged", r.converged());
    node.put(observations, r.observations());
  }

  /**
   * Reads a document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: syntax, wrong
   *     format, unknown or missing fields, wrong types, non-positive parameters, a bad date or unit
   */
  public static ClvModel read(String json) {
    String what = "lifetime-value model document";
    JsonNode root = JsonReading.parse(json, what);
    JsonReading in = new JsonReading();
    if (!in.checkFormat(root, FORMAT)) {
      in.throwIfAny(what);
    }
    in.unknownFields(root, "$", TOP);
    LocalDate end = null;
    String endText = in.text(root, "calibration_end", "$");
    if (endText != null) {
      try {
        end = LocalDate.parse(endText);
      } catch (DateTimeParseException e) {
        in.problem("$.calibration_end", "expected an ISO date (yyyy-MM-dd), but found \"%s\"", endText);
      }
    }
    PeriodUnit unit = null;
    String unitText = in.text(root, "unit", "$");
    if (unitText != null) {
      try {
        unit = PeriodUnit.parse(unitText);
      } catch (CrmException e) {
        in.problem("$.unit", "expected \"day\" or \"week\", but found \"%s\"", unitText);
      }
    }
    BgNbdFit bg = readBgNbd(in, root);
    GammaGammaFit gg = readGammaGamma(in, root);
    in.throwIfAny(what);
    // without a problem, every part was read
    return new ClvModel(Checks.known(end, "calibration_end"), Checks.known(unit, "unit"),
        Checks.known(bg, "bg_nbd"), Checks.known(gg, "gamma_gamma"));
  }

  private static @Nullable BgNbdFit readBgNbd(JsonReading in, JsonNode root) {
    JsonNode node = root.get("bg_nbd");
    if (node == null) {
      in.problem("$.bg_nbd", "required object is missing");
      return null;
    }
    if (!in.requireObject(node, "$.bg_nbd")) {
      return null;
    }
    String path = "$.bg_nbd";
    in.unknownFields(node, path, BG);
    Double r = positive(in, node, "r", path);
    Double alpha = positive(in, node, "alpha", path);
    Double a = positive(in, node, "a", path);
    Double b = positive(in, node, "b", path);
    FitReport report = readReport(in, node, path, "customers", List.of("r", "alpha", "a", "b"));
    if (r == null || alpha == null || a == null || b == null || report == null) {
      return null;
    }
    return new BgNbdFit(new BgNbdParameters(r, alpha, a, b), report);
  }

  private static @Nullable GammaGammaFit readGammaGamma(JsonReading in, JsonNode root) {
    JsonNode node = root.get("gamma_gamma");
    if (node == null) {
      in.problem("$.gamma_gamma", "required object is missing");
      return null;
    }
    if (!in.requireObject(node, "$.gamma_gamma")) {
      return null;
    }
    String path = "$.gamma_gamma";
    in.unknownFields(node, path, GG);
    Double p = positive(in, node, "p", path);
    Double q = positive(in, node, "q", path);
    Double gamma = positive(in, node, "gamma", path);
    FitReport report = readReport(in, node, path, "repeat_buyers", List.of("p", "q", "gamma"));
    int excluded = count(in, node, "excluded_non_positive_spend", path);
    if (p == null || q == null || gamma == null || report == null) {
      return null;
    }
    return new GammaGammaFit(new GammaGammaParameters(p, q, gamma), report, excluded);
  }

  private static @Nullable FitReport readReport(JsonReading in, JsonNode node, String path,
      String observations, List<String> names) {
    Double ll = in.number(node, "log_likelihood", path);
    Map<String, Double> se = new LinkedHashMap<>();
    JsonNode errors = node.get("standard_errors");
    if (errors != null && !errors.isNull() && in.requireObject(errors, path + ".standard_errors")) {
      in.unknownFields(errors, path + ".standard_errors", names);
      for (String name : names) {
        if (errors.has(name)) {
          Double v = positive(in, errors, name, path + ".standard_errors");
          if (v != null) {
            se.put(name, v);
          }
        }
      }
    }
    int iterations = count(in, node, "iterations", path);
    int evaluations = count(in, node, "evaluations", path);
    boolean converged = in.bool(node, "converged", path, false);
    int n = count(in, node, observations, path);
    return ll == null ? null : new FitReport(ll, se, iterations, evaluations, converged, n);
  }

  private static int count(JsonReading in, JsonNode node, String field, String path) {
    if (!node.has(field) || node.get(field).isNull()) {
      return 0;
    }
    Integer v = in.integer(node, field, path);
    if (v != null && v < 0) {
      in.problem(path + "." + field, "expected an integer >= 0, but found %s", v);
      return 0;
    }
    return v == null ? 0 : v;
  }

  private static @Nullable Double positive(JsonReading in, JsonNode node, String field, String path) {
    Double v = in.number(node, field, path);
    if (v != null && !(v > 0)) {
      in.problem(path + "." + field, "expected a number > 0, but found %s", v);
      return null;
    }
    return v;
  }
}

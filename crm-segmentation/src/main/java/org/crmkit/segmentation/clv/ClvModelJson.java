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
 * <p>The purchase model is one object named by its kind ({@link PurchaseModelKind#documentKey()}):
 * {@code "bg_nbd"} as above, or {@code "pareto_nbd"} ({@code r, alpha, s, beta}) or
 * {@code "mbg_nbd"} ({@code r, alpha, a, b}), each with the same fit fields. The parameters, both
 * log-likelihoods, {@code calibration_end} and {@code unit} are required; the fit diagnostics are
 * optional (so a model with published parameters can be written by hand).
 *
 * <p>A purchase model fitted on a summary alone (no dates, no spend) has its own document,
 * {@code "format": "crmkit.purchase-model/1"}, with only the model's object (any of the four
 * kinds, {@code "bg_bb"} with {@code alpha, beta, gamma, delta}):
 *
 * <pre>{@code
 * {"format": "crmkit.purchase-model/1",
 *  "bg_bb": {"alpha": 1.204, "beta": 0.750, "gamma": 0.657, "delta": 2.783,
 *            "log_likelihood": -33225.6, "customers": 11104}}
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class ClvModelJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.clv-model/1";
  /** The value of the {@code format} field of a purchase model fitted on a summary. */
  public static final String PURCHASE_FORMAT = "crmkit.purchase-model/1";

  private static final List<String> TOP = List.of("format", "calibration_end", "unit", "bg_nbd",
      "pareto_nbd", "mbg_nbd", "gamma_gamma");
  private static final List<String> REPORT = List.of("log_likelihood",
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
    writePurchases(root, model.purchases());
    ObjectNode gg = root.putObject("gamma_gamma");
    GammaGammaParameters g = model.gammaGamma().parameters();
    gg.put("p", g.p());
    gg.put("q", g.q());
    gg.put("gamma", g.gamma());
    report(gg, model.gammaGamma().report(), "repeat_buyers");
    gg.put("excluded_non_positive_spend", model.gammaGamma().excludedNonPositiveSpend());
    return pretty(root);
  }

  /** Writes a purchase model fitted on a summary as a {@value #PURCHASE_FORMAT} document. */
  public static String write(PurchaseFit fit) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", PURCHASE_FORMAT);
    writePurchases(root, fit);
    return pretty(root);
  }

  private static String pretty(ObjectNode root) {
    try {
      return JsonReading.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new CrmException("could not write the lifetime-value model as JSON", e);
    }
  }

  private static void writePurchases(ObjectNode root, PurchaseFit fit) {
    ObjectNode node = root.putObject(fit.model().kind().documentKey());
    fit.model().parameters().forEach(node::put);
    report(node, fit.report(), "customers");
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
    PurchaseFit purchases = readPurchases(in, root, false);
    GammaGammaFit gg = readGammaGamma(in, root);
    in.throwIfAny(what);
    // without a problem, every part was read
    return new ClvModel(Checks.known(end, "calibration_end"), Checks.known(unit, "unit"),
        Checks.known(purchases, "purchase model"), Checks.known(gg, "gamma_gamma"));
  }

  /**
   * Reads the purchase model of a document: a {@value #PURCHASE_FORMAT} document, or the purchase
   * part of a {@value #FORMAT} document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path
   */
  public static PurchaseFit readPurchaseFit(String json) {
    String what = "purchase model document";
    JsonNode root = JsonReading.parse(json, what);
    JsonNode format = root.get("format");
    if (format != null && FORMAT.equals(format.asText())) {
      return read(json).purchases();
    }
    JsonReading in = new JsonReading();
    if (!in.checkFormat(root, PURCHASE_FORMAT)) {
      in.throwIfAny(what);
    }
    List<String> top = new java.util.ArrayList<>(List.of("format"));
    for (PurchaseModelKind k : PurchaseModelKind.values()) {
      top.add(k.documentKey());
    }
    in.unknownFields(root, "$", top);
    PurchaseFit fit = readPurchases(in, root, true);
    in.throwIfAny(what);
    if (fit == null) {
      throw new IllegalStateException("no problem reported, but no purchase model read");
    }
    return fit;
  }

  /** The one purchase-model object of the document (BG/BB only when {@code discrete} is allowed). */
  private static @Nullable PurchaseFit readPurchases(JsonReading in, JsonNode root, boolean discrete) {
    List<PurchaseModelKind> present = new java.util.ArrayList<>();
    for (PurchaseModelKind k : PurchaseModelKind.values()) {
      if (root.has(k.documentKey()) && (discrete || !k.discrete())) {
        present.add(k);
      }
    }
    if (present.size() != 1) {
      List<String> keys = java.util.Arrays.stream(PurchaseModelKind.values())
          .filter(k -> discrete || !k.discrete()).map(PurchaseModelKind::documentKey).toList();
      if (present.isEmpty()) {
        in.problem("$.bg_nbd", "required object is missing (or another purchase model, one of %s)", keys);
      } else {
        in.problem("$", "expected exactly one purchase model object of %s, but found %s", keys,
            present.stream().map(PurchaseModelKind::documentKey).toList());
      }
      return null;
    }
    PurchaseModelKind kind = present.get(0);
    String path = "$." + kind.documentKey();
    JsonNode node = root.get(kind.documentKey());
    if (!in.requireObject(node, path)) {
      return null;
    }
    List<String> fields = new java.util.ArrayList<>(kind.parameterNames());
    fields.addAll(REPORT);
    in.unknownFields(node, path, fields);
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : kind.parameterNames()) {
      Double v = positive(in, node, name, path);
      if (v != null) {
        values.put(name, v);
      }
    }
    FitReport report = readReport(in, node, path, "customers", kind.parameterNames());
    if (values.size() != kind.parameterNames().size() || report == null) {
      return null;
    }
    return PurchaseFit.of(kind.create(values), report);
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

  /** The value of the {@code format} field of a retention model document. */
  public static final String RETENTION_FORMAT = "crmkit.retention-model/1";

  private static final List<String> SBG_NAMES = List.of("alpha", "beta");
  private static final List<String> SBG_FIELDS = List.of("alpha", "beta", "log_likelihood", "standard_errors",
      "iterations", "evaluations", "converged", "customers");

  /**
   * Writes a fitted shifted-beta-geometric retention model as a {@value #RETENTION_FORMAT}
   * document:
   *
   * <pre>{@code
   * {"format": "crmkit.retention-model/1",
   *  "sbg": {"alpha": 0.668, "beta": 3.806, "log_likelihood": -1611.2,
   *          "standard_errors": {"alpha": 0.104, "beta": 0.786}, "iterations": 40,
   *          "evaluations": 70, "converged": true, "customers": 1000}}
   * }</pre>
   *
   * <p>{@code alpha}, {@code beta} and {@code log_likelihood} are required, the rest optional.
   */
  public static String write(RetentionFit fit) {
    ObjectNode root = JsonReading.mapper().createObjectNode();
    root.put("format", RETENTION_FORMAT);
    ObjectNode node = root.putObject("sbg");
    fit.model().parametersByName().forEach(node::put);
    report(node, fit.report(), "customers");
    return pretty(root);
  }

  /**
   * Reads a {@value #RETENTION_FORMAT} document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path
   */
  public static RetentionFit readRetention(String json) {
    String what = "retention model document";
    JsonNode root = JsonReading.parse(json, what);
    JsonReading in = new JsonReading();
    if (!in.checkFormat(root, RETENTION_FORMAT)) {
      in.throwIfAny(what);
    }
    in.unknownFields(root, "$", List.of("format", "sbg"));
    JsonNode node = root.get("sbg");
    RetentionFit fit = null;
    if (node == null) {
      in.problem("$.sbg", "required object is missing");
    } else if (in.requireObject(node, "$.sbg")) {
      in.unknownFields(node, "$.sbg", SBG_FIELDS);
      Double alpha = positive(in, node, "alpha", "$.sbg");
      Double beta = positive(in, node, "beta", "$.sbg");
      FitReport report = readReport(in, node, "$.sbg", "customers", SBG_NAMES);
      if (alpha != null && beta != null && report != null) {
        fit = new RetentionFit(new ShiftedBetaGeometric(alpha, beta), report, List.of());
      }
    }
    in.throwIfAny(what);
    if (fit == null) {
      throw new IllegalStateException("no problem reported, but no retention model read");
    }
    return fit;
  }
}

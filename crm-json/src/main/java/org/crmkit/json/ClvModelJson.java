package org.crmkit.json;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.FitReport;
import org.crmkit.segmentation.clv.GammaGammaFit;
import org.crmkit.segmentation.clv.GammaGammaParameters;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.clv.PurchaseFit;
import org.crmkit.segmentation.clv.PurchaseModelKind;
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
 * <p>The purchase model is one object named by its kind: {@code "bg_nbd"} as above, or {@code
 * "pareto_nbd"} ({@code r, alpha, s, beta}) or {@code "mbg_nbd"} ({@code r, alpha, a, b}), with the
 * same fit fields (names from {@link PurchaseModelKind}). The parameters, both log-likelihoods,
 * {@code calibration_end} and {@code unit} are required; the fit diagnostics are optional (so a
 * model with published parameters can be written by hand). A purchase model fitted on a summary
 * alone has its own document, {@link PurchaseModelJson}. Stateless and thread-safe.
 *
 * <p><b>Adding a model kind.</b> Each fitted sub-model is one {@code Section}: its field name, its
 * parameter names (finite numbers &gt; 0, in order) and the name of its observation count; a
 * purchase model's section is declared from its {@link PurchaseModelKind}. Declaring a {@code
 * Section} adds its field to {@code ROOT}; read it with {@code Section.read} (which gives the
 * parameters in declaration order and the {@link FitReport}) and write it with {@code
 * Section.write}; then add the section to the JSON Schema {@code clv-model-1.schema.json}. The
 * schema test checks that both agree.
 */
public final class ClvModelJson {
  /** The value of the {@code format} field. */
  public static final String FORMAT = "crmkit.clv-model/1";

  static final Shape ROOT = Shape.document("lifetime-value model document", "calibration_end",
      "unit");
  /** The purchase-model sections of this document, in declaration order (exactly one present). */
  static final List<Section> PURCHASES = Section.purchases(ROOT, PurchaseModelKind.BG_NBD,
      PurchaseModelKind.PARETO_NBD, PurchaseModelKind.MBG_NBD);
  static final Section GAMMA_GAMMA = new Section(ROOT, "gamma_gamma", "repeat_buyers", "p", "q",
      "gamma").with("excluded_non_positive_spend");

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path: syntax, wrong format, unknown or missing fields, wrong types,
   * non-positive parameters, a bad date or unit.
   */
  public static final JsonDocument<ClvModel> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, ClvModelJson::read, ClvModelJson::tree);

  private ClvModelJson() {}

  /** Writes a purchase fit as its kind's section of {@code root}, one of {@code sections}. */
  static void writePurchases(Out root, List<Section> sections, PurchaseFit fit) {
    Map<String, Double> p = fit.model().parameters();
    Section section = sections.stream()
        .filter(s -> s.field.equals(fit.model().kind().documentKey())).findFirst().orElseThrow();
    section.write(root, section.parameters.stream()
        .mapToDouble(n -> Objects.requireNonNull(p.get(n))).toArray(), fit.report());
  }

  /**
   * Reads the one purchase-model section present among {@code sections}; a problem (at the first
   * section's path) if none is, or if several are.
   */
  static @Nullable PurchaseFit readPurchases(In root, List<Section> sections) {
    List<Section> present = sections.stream().filter(s -> root.has(s.field)).toList();
    List<String> keys = sections.stream().map(s -> s.field).toList();
    if (present.isEmpty()) {
      root.problems.add(root.at(sections.get(0).field),
          "required object is missing (or another purchase model, one of %s)", keys);
      return null;
    }
    if (present.size() > 1) {
      root.problems.add(root.path, "expected exactly one purchase model object of %s, but found %s",
          keys, present.stream().map(s -> s.field).toList());
      return null;
    }
    Section section = present.get(0);
    PurchaseModelKind kind = PurchaseModelKind.parse(section.field.replace('_', '-'));
    return section.read(root, (values, report, s) -> {
      Map<String, Double> named = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        named.put(section.parameters.get(i), values[i]);
      }
      return PurchaseFit.of(kind.create(named), report);
    });
  }

  /**
   * One fitted sub-model's object: its parameters, the fit report ({@code log_likelihood}
   * required; {@code standard_errors}, {@code iterations}, {@code evaluations}, {@code
   * converged} and the observation count optional) and any extra counts.
   */
  static final class Section {
    final String field;
    final Shape shape;
    final List<String> parameters;
    final String observations;
    final Shape errorShape;

    /** Declares the field {@code field} of {@code root} ({@code ?} if optional) as a section. */
    Section(Shape root, String field, String observations, String... parameters) {
      root.add(field);
      this.field = field.replace("?", "");
      this.shape = new Shape(this.field, parameters).add("log_likelihood", "standard_errors?",
          "iterations?", "evaluations?", "converged?", observations + "?");
      this.parameters = List.of(parameters);
      this.observations = observations;
      this.errorShape = new Shape(this.field + " standard errors",
          this.parameters.stream().map(n -> n + "?").toArray(String[]::new));
    }

    /** One optional section per purchase-model kind, named and parametrised by the kind. */
    static List<Section> purchases(Shape root, PurchaseModelKind... kinds) {
      return Stream.of(kinds).map(k -> new Section(root, k.documentKey() + "?", "customers",
          k.parameterNames().toArray(new String[0]))).toList();
    }

    /** Declares an extra optional count (an integer &gt;= 0) of this section. */
    Section with(String count) {
      shape.add(count + "?");
      return this;
    }

    /** Reads the section and gives its parameters and report to {@code build}; null if invalid. */
    <T> @Nullable T read(In root, Builder<T> build) {
      In s = root.object(field, shape);
      if (s == null) {
        return null;
      }
      int before = s.problems.count();
      double[] values = new double[parameters.size()];
      for (int i = 0; i < values.length; i++) {
        Double v = s.positive(parameters.get(i));
        values[i] = v == null ? Double.NaN : v;
      }
      Double ll = s.number("log_likelihood");
      Map<String, Double> se = new LinkedHashMap<>();
      In e = s.object("standard_errors", errorShape);
      for (String p : parameters) {
        Double v = e == null ? null : e.positive(p);
        if (v != null) {
          se.put(p, v);
        }
      }
      int iters = count(s, "iterations");
      int evals = count(s, "evaluations");
      boolean conv = s.bool("converged", false);
      int n = count(s, observations);
      if (s.problems.count() > before || ll == null) {
        return null;
      }
      FitReport report = new FitReport(ll, se, iters, evals, conv, n);
      return s.problems.attempt(s.path, () -> build.build(values, report, s));
    }

    /** Writes the section's parameters (in declaration order) and report; returns the object. */
    Out write(Out root, double[] values, FitReport r) {
      Out o = root.object(field);
      for (int i = 0; i < values.length; i++) {
        o.put(parameters.get(i), values[i]);
      }
      o.put("log_likelihood", r.logLikelihood());
      Out se = o.object("standard_errors");
      r.standardErrors().forEach(se::put);
      return o.put("iterations", r.iterations()).put("evaluations", r.evaluations())
          .put("converged", r.converged()).put(observations, r.observations());
    }

    /** Builds a fit from the parameters (in declaration order), the report and the object. */
    @FunctionalInterface
    interface Builder<T> {
      T build(double[] parameters, FitReport report, In section);
    }
  }

  private static int count(In s, String f) {
    Integer v = s.integer(f, 0);
    return v == null ? 0 : v;
  }

  private static void tree(Out root, ClvModel model) {
    root.put("calibration_end", model.calibrationEnd())
        .put("unit", model.unit().label());
    writePurchases(root, PURCHASES, model.purchases());
    GammaGammaParameters g = model.gammaGamma().parameters();
    GAMMA_GAMMA.write(root, new double[] {g.p(), g.q(), g.gamma()}, model.gammaGamma().report())
        .put("excluded_non_positive_spend",
            model.gammaGamma().excludedNonPositiveSpend());
  }

  static @Nullable ClvModel read(In root) {
    LocalDate end = root.date("calibration_end");
    PeriodUnit unit = root.parsed("unit", "\"day\" or \"week\"", PeriodUnit::parse);
    PurchaseFit bg = readPurchases(root, PURCHASES);
    GammaGammaFit gg = GAMMA_GAMMA.read(root, (p, report, s) ->
        new GammaGammaFit(new GammaGammaParameters(p[0], p[1], p[2]), report,
            count(s, "excluded_non_positive_spend")));
    return root.build(() -> new ClvModel(Objects.requireNonNull(end),
        Objects.requireNonNull(unit), Objects.requireNonNull(bg), Objects.requireNonNull(gg)));
  }
}

package org.crmkit.segmentation.clv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.CrmException;

/**
 * The purchase models crmkit fits, each with its command-line name, its document key and its
 * parameter names as in its paper: the one place that declares them. Every constant fits by
 * maximum likelihood (Hipparchus BOBYQA over log-parameters bounded to {@code [−25, 25]}, standard
 * errors from the numerical Hessian) and reports warnings for fits at a bound or not identified.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * PurchaseFit fit = PurchaseModelKind.parse("pareto-nbd").fit(WeightedSummaries.of(data.customers()));
 * }</pre>
 */
public enum PurchaseModelKind {
  /** BG/NBD (Fader, Hardie &amp; Lee 2005): {@code r, alpha, a, b}. */
  BG_NBD("bg-nbd", List.of("r", "alpha", "a", "b"),
      p -> new BgNbdParameters(p[0], p[1], p[2], p[3])),
  /** Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987): {@code r, alpha, s, beta}. */
  PARETO_NBD("pareto-nbd", List.of("r", "alpha", "s", "beta"),
      p -> new ParetoNbdParameters(p[0], p[1], p[2], p[3])),
  /** MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007): {@code r, alpha, a, b}. */
  MBG_NBD("mbg-nbd", List.of("r", "alpha", "a", "b"),
      p -> new MbgNbdParameters(p[0], p[1], p[2], p[3])),
  /** BG/BB for discrete opportunities (Fader, Hardie &amp; Shang 2010): {@code alpha, beta, gamma, delta}. */
  BG_BB("bg-bb", List.of("alpha", "beta", "gamma", "delta"),
      p -> new BgBbParameters(p[0], p[1], p[2], p[3]));

  private final String label;
  private final List<String> parameterNames;
  private final Function<double[], PurchaseModel> factory;

  PurchaseModelKind(String label, List<String> parameterNames, Function<double[], PurchaseModel> factory) {
    this.label = label;
    this.parameterNames = parameterNames;
    this.factory = factory;
  }

  /** The command-line name: {@code bg-nbd}, {@code pareto-nbd}, {@code mbg-nbd} or {@code bg-bb}. */
  public String label() {
    return label;
  }

  /** The key of the model's object in a model document: the label with {@code _}, e.g. {@code pareto_nbd}. */
  public String documentKey() {
    return label.replace('-', '_');
  }

  /** The parameter names as in the paper, in its order; unmodifiable. */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /** Whether the model counts discrete transaction opportunities (BG/BB) rather than continuous time. */
  public boolean discrete() {
    return this == BG_BB;
  }

  /**
   * A model from its parameters by name.
   *
   * @throws CrmException if a parameter is missing, unknown, or not a finite number &gt; 0
   */
  public PurchaseModel create(Map<String, Double> parameters) {
    if (!parameters.keySet().equals(new java.util.HashSet<>(parameterNames))) {
      throw new CrmException(label + " needs the parameters " + parameterNames + ", but got " + parameters.keySet());
    }
    return factory.apply(parameterNames.stream().mapToDouble(parameters::get).toArray());
  }

  /**
   * The kind with this label.
   *
   * @throws CrmException naming the known labels if there is none
   */
  public static PurchaseModelKind parse(String label) {
    for (PurchaseModelKind k : values()) {
      if (k.label.equals(label == null ? null : label.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new CrmException("unknown purchase model '" + label + "'; known: "
        + Arrays.stream(values()).map(PurchaseModelKind::label).toList());
  }

  /**
   * Fits the model by maximum likelihood. BG/BB reads each summary as {@code (x, t_x, n)} in
   * whole opportunities.
   *
   * @throws DegenerateDataException if the weights add up to fewer than 10 customers, nobody
   *     repeats, or the likelihood cannot be evaluated at the estimate
   * @throws CrmException if {@code data} is null, or (BG/BB) a summary's times are not whole
   */
  public PurchaseFit fit(WeightedSummaries data) {
    if (data == null) {
      throw new CrmException("data is required, but was null");
    }
    if (this == BG_NBD) {
      BgNbdFit f = BgNbd.fit(data);
      return PurchaseFit.of(f.parameters(), f.report());
    }
    return PurchaseFitting.fit(this, data);
  }

  PurchaseModel create(double[] values) {
    return factory.apply(values);
  }
}

package org.crmkit.segmentation.clv;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.CrmException;

/**
 * Customer summaries with a weight each: the number of customers who share that summary, so that
 * customers with the same purchase pattern are fitted once (lifetimes' convention; also what a
 * distributed engine hands over after grouping). Immutable and thread-safe.
 *
 * <p>A fit depends only on the distinct summaries and their total weights, not on the order or
 * grouping of the rows: every fit merges equal summaries and sums its likelihood in one canonical
 * order (by {@code x}, {@code t_x}, {@code T}; Gamma-Gamma by {@code x}, {@code m̄}). So a fit on
 * per-customer summaries and a fit on the same customers grouped into weighted tuples are the
 * same computation and give the same parameters, bit for bit, when the weights are whole numbers
 * (below 2<sup>53</sup>, so that their sums are exact).
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * WeightedSummaries donors = WeightedSummaries.builder()
 *     .add(CustomerSummary.of("p1", 0, 0, 6, 0), 3464)
 *     .add(CustomerSummary.of("p2", 1, 1, 6, 0), 1091)
 *     .build();
 * }</pre>
 */
public final class WeightedSummaries {
  private final List<CustomerSummary> customers;
  private final double[] weights;
  private final double totalWeight;

  private WeightedSummaries(List<CustomerSummary> customers, double[] weights) {
    this.customers = List.copyOf(customers);
    this.weights = weights;
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    this.totalWeight = sum;
  }

  /**
   * Every summary with weight 1.
   *
   * @throws CrmException if {@code customers} is null
   */
  public static WeightedSummaries of(List<CustomerSummary> customers) {
    if (customers == null) {
      throw new CrmException("customers is required, but was null");
    }
    double[] w = new double[customers.size()];
    java.util.Arrays.fill(w, 1);
    return new WeightedSummaries(customers, w);
  }

  /** A builder of weighted summaries. */
  public static Builder builder() {
    return new Builder();
  }

  /** The summaries, in the order added; unmodifiable. */
  public List<CustomerSummary> customers() {
    return customers;
  }

  /** The weight of the {@code i}-th summary. */
  public double weight(int i) {
    return weights[i];
  }

  /** The number of summaries (rows). */
  public int size() {
    return customers.size();
  }

  /** The sum of the weights: the number of customers represented. */
  public double totalWeight() {
    return totalWeight;
  }

  /** Collects summaries and weights; not thread-safe. */
  public static final class Builder {
    private final List<CustomerSummary> customers = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a summary shared by {@code weight} customers.
     *
     * @throws CrmException if {@code summary} is null or {@code weight} is not a finite number &gt; 0
     */
    public Builder add(CustomerSummary summary, double weight) {
      if (summary == null) {
        throw new CrmException("summary is required, but was null");
      }
      if (!(weight > 0) || !Double.isFinite(weight)) {
        throw new CrmException("the weight of " + summary.customer() + " must be a finite number > 0, but was " + weight);
      }
      customers.add(summary);
      weights.add(weight);
      return this;
    }

    /** The weighted summaries (possibly empty). */
    public WeightedSummaries build() {
      return new WeightedSummaries(customers, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }
}

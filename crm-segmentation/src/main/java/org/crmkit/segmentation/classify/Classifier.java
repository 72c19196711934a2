package org.crmkit.segmentation.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.TerritoryId;

/**
 * Classifies customers along several dimensions at once — customer type (from the lifecycle
 * stage), industry, territory at a level of the territory hierarchy, size band, needs, or any
 * custom function — into a {@link ClassKey}, and summarises a population in a {@link CrossTab}.
 * Immutable and thread-safe; classifying is O(dimensions × hierarchy depth).
 *
 * <pre>{@code
 * Classifier classifier = Classifier.builder()
 *     .customerType(Map.of("lead", CustomerType.POTENTIAL, "active", CustomerType.EXISTING))
 *     .industry()
 *     .territoryLevel(territories, "country")
 *     .build();
 * CrossTab tab = classifier.crossTab(customers, revenueByCustomer);
 * }</pre>
 */
public final class Classifier {
  /** The value of a dimension a customer has no value for. */
  public static final String NONE = "(none)";

  private final List<String> names;
  private final List<Function<Customer, String>> functions;

  private Classifier(List<String> names, List<Function<Customer, String>> functions) {
    this.names = List.copyOf(names);
    this.functions = List.copyOf(functions);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The dimension names in order. */
  public List<String> dimensions() {
    return names;
  }

  /**
   * The class of {@code customer}.
   *
   * @throws CrmException if a dimension cannot classify it (an unmapped lifecycle stage, a
   *     territory missing from the hierarchy)
   */
  public ClassKey classify(Customer customer) {
    Checks.present("customer", customer);
    List<String> values = new ArrayList<>(functions.size());
    for (Function<Customer, String> f : functions) {
      values.add(f.apply(customer));
    }
    return new ClassKey(names, values);
  }

  /**
   * Counts customers and sums their revenue per class. Customers missing from {@code revenue}
   * count with revenue 0. O(customers × dimensions).
   *
   * @throws CrmException as {@link #classify(Customer)}, or if a revenue is not finite
   */
  public CrossTab crossTab(Collection<Customer> customers, Map<CustomerId, Double> revenue) {
    Map<ClassKey, long[]> counts = new TreeMap<>();
    Map<ClassKey, double[]> sums = new TreeMap<>();
    for (Customer c : customers) {
      ClassKey key = classify(c);
      Double r = revenue.get(c.id());
      double v = r == null ? 0 : r;
      if (!Double.isFinite(v)) {
        throw new CrmException("revenue of '" + c.id() + "' must be finite, but was " + v);
      }
      counts.computeIfAbsent(key, k -> new long[1])[0]++;
      sums.computeIfAbsent(key, k -> new double[1])[0] += v;
    }
    List<CrossTab.Row> rows = new ArrayList<>();
    counts.forEach((k, n) -> rows.add(new CrossTab.Row(k, n[0], Checks.entry(sums, k)[0])));
    return new CrossTab(names, rows);
  }

  /** Collects dimensions; validates at {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Function<Customer, String>> dimensions = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Adds dimension "type": the {@link CustomerType} mapped from the customer's lifecycle stage.
     * A customer without a stage gets {@link Classifier#NONE}; a stage missing from the mapping
     * is an error when classifying.
     */
    public Builder customerType(Map<String, CustomerType> stageToType) {
      Map<String, CustomerType> mapping = Map.copyOf(stageToType);
      if (mapping.isEmpty()) {
        problems.add(Problem.of("type", "the stage-to-type mapping must not be empty"));
      }
      return dimension("type", c -> {
        Optional<String> stage = c.lifecycleStage();
        if (stage.isEmpty()) {
          return NONE;
        }
        CustomerType t = mapping.get(stage.get());
        if (t == null) {
          throw new CrmException("customer '" + c.id() + "' has lifecycle stage '" + stage.get()
              + "', which the customer-type mapping does not know; known: "
              + new TreeMap<>(mapping).keySet());
        }
        return t.name();
      });
    }

    /** Adds dimension "industry". */
    public Builder industry() {
      return dimension("industry", c -> c.industry().orElse(NONE));
    }

    /** Adds dimension "size": the size band. */
    public Builder sizeBand() {
      return dimension("size", c -> c.sizeBand().map(Enum::name).orElse(NONE));
    }

    /** Adds dimension {@code name}: the customer attribute of that name (e.g. "needs"). */
    public Builder attribute(String name) {
      return dimension(name, c -> c.attributes().getOrDefault(name, NONE));
    }

    /**
     * Adds dimension {@code level}: the customer's territory, or its ancestor, whose level in
     * {@code territories} is {@code level} (e.g. the country of a city).
     */
    public Builder territoryLevel(Hierarchy<TerritoryId> territories, String level) {
      Checks.present("territories", territories);
      boolean known = false;
      for (TerritoryId t : territories.nodes()) {
        if (territories.level(t).map(level::equals).orElse(false)) {
          known = true;
          break;
        }
      }
      if (!known) {
        problems.add(Problem.of(level, "no territory of the hierarchy has level '%s'", level));
      }
      return dimension(level, c -> {
        if (c.territory().isEmpty()) {
          return NONE;
        }
        TerritoryId t = c.territory().get();
        if (!territories.contains(t)) {
          throw new CrmException("customer '" + c.id() + "' has territory '" + t
              + "', which is not in the territory hierarchy");
        }
        if (territories.level(t).map(level::equals).orElse(false)) {
          return t.value();
        }
        for (TerritoryId a : territories.ancestors(t)) {
          if (territories.level(a).map(level::equals).orElse(false)) {
            return a.value();
          }
        }
        return NONE;
      });
    }

    /** Adds a custom dimension; the function must not return null or blank. */
    public Builder dimension(String name, Function<Customer, String> function) {
      if (name == null || name.isBlank()) {
        problems.add(Problem.of("dimensions", "dimension names must be non-blank"));
        return this;
      }
      if (dimensions.containsKey(name)) {
        problems.add(Problem.of(name, "dimension '%s' is defined twice", name));
        return this;
      }
      dimensions.put(name, c -> {
        String v = function.apply(c);
        if (v == null || v.isBlank()) {
          throw new CrmException("dimension '" + name + "' gave no value for customer '" + c.id()
              + "'");
        }
        return v;
      });
      return this;
    }

    /**
     * The classifier.
     *
     * @throws InvalidDefinitionException listing every problem (no dimension, duplicates, unknown
     *     level, empty mapping)
     */
    public Classifier build() {
      List<Problem> all = new ArrayList<>(problems);
      if (dimensions.isEmpty() && all.isEmpty()) {
        all.add(Problem.of("dimensions", "at least one dimension is required"));
      }
      if (!all.isEmpty()) {
        throw new InvalidDefinitionException("classifier", all);
      }
      return new Classifier(new ArrayList<>(dimensions.keySet()),
          new ArrayList<>(dimensions.values()));
    }
  }
}

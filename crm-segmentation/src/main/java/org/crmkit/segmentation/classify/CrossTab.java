package org.crmkit.segmentation.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.internal.Checks;

/**
 * Customer counts and revenue per class (a cross-tab of the classifier's dimensions). Immutable and
 * thread-safe.
 */
public final class CrossTab {

  /**
   * One row: a class with its number of customers and their revenue.
   *
   * @param key the class
   * @param count the number of customers
   * @param revenue the sum of their revenue
   */
  public record Row(ClassKey key, long count, double revenue) {}

  private final List<String> dimensions;
  private final List<Row> rows;

  CrossTab(List<String> dimensions, List<Row> rows) {
    this.dimensions = List.copyOf(dimensions);
    this.rows = List.copyOf(rows);
  }

  /** The dimension names. */
  public List<String> dimensions() {
    return dimensions;
  }

  /** The non-empty classes, sorted by key; unmodifiable. */
  public List<Row> rows() {
    return rows;
  }

  /** The total number of customers. */
  public long totalCount() {
    return rows.stream().mapToLong(Row::count).sum();
  }

  /** The total revenue. */
  public double totalRevenue() {
    return rows.stream().mapToDouble(Row::revenue).sum();
  }

  /**
   * The margin of one dimension: count and revenue per value of {@code dimension}, sorted by value.
   *
   * @throws org.crmkit.core.CrmException if the dimension is unknown
   */
  public List<Row> margin(String dimension) {
    int i = dimensions.indexOf(dimension);
    if (i < 0) {
      throw new org.crmkit.core.CrmException("unknown dimension '" + dimension + "'; known: "
          + dimensions);
    }
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, double[]> revenue = new TreeMap<>();
    for (Row r : rows) {
      String v = r.key().values().get(i);
      counts.computeIfAbsent(v, k -> new long[1])[0] += r.count();
      revenue.computeIfAbsent(v, k -> new double[1])[0] += r.revenue();
    }
    List<Row> out = new ArrayList<>();
    counts.forEach((v, c) -> out.add(new Row(new ClassKey(List.of(dimension), List.of(v)), c[0],
        Checks.entry(revenue, v)[0])));
    return List.copyOf(out);
  }
}

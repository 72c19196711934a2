package org.crmkit.segmentation.classify;

import java.util.List;

/**
 * The class of a customer: one value per dimension of a {@link Classifier}, in the classifier's
 * dimension order. Immutable; ordered by its text form.
 *
 * @param dimensions the dimension names
 * @param values the values, one per dimension ({@link Classifier#NONE} if the customer has none)
 */
public record ClassKey(List<String> dimensions, List<String> values) implements Comparable<ClassKey> {

  /** Copies the lists. */
  public ClassKey {
    dimensions = List.copyOf(dimensions);
    values = List.copyOf(values);
  }

  /** The value of dimension {@code name}, or throws if the key has no such dimension. */
  public String get(String name) {
    int i = dimensions.indexOf(name);
    if (i < 0) {
      throw new org.crmkit.core.CrmException("unknown dimension '" + name + "'; known: " + dimensions);
    }
    return values.get(i);
  }

  @Override
  public int compareTo(ClassKey o) {
    return toString().compareTo(o.toString());
  }

  /** For example {@code "type=LOYAL|industry=retail"}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dimensions.size(); i++) {
      sb.append(i == 0 ? "" : "|").append(dimensions.get(i)).append('=').append(values.get(i));
    }
    return sb.toString();
  }
}

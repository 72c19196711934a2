package org.crmkit.segmentation.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rule: customers whose scores lie in the three ranges and whose attributes all match belong
 * to {@code segment}, unless an earlier rule matched. Immutable; create through {@link
 * SegmentRules.Builder#rule(String)}.
 *
 * @param segment the segment name
 * @param r the recency score range
 * @param f the frequency score range
 * @param m the monetary score range
 * @param attributes required attribute values: for each key, the customer's value must be one of
 *     the set; empty for a rule on scores only (see {@link CustomerAttributes} for the keys a
 *     {@code Customer} provides)
 * @param overrides the segments this rule deliberately wins over where their later rules cover
 *     the same cells (an intent: the analysis does not report those cells as order-dependent)
 */
public record SegmentRule(String segment, ScoreRange r, ScoreRange f, ScoreRange m,
    Map<String, Set<String>> attributes, Set<String> overrides) {

  /** Copies the attribute map and the overrides so the rule stays immutable. */
  public SegmentRule {
    attributes = Map.copyOf(attributes);
    overrides = Set.copyOf(overrides);
  }

  /** A rule without declared overrides. */
  public SegmentRule(
      String segment, ScoreRange r, ScoreRange f, ScoreRange m, Map<String, Set<String>> attributes) {
    this(segment, r, f, m, attributes, Set.of());
  }

  /** Whether the rule depends on attributes (and so may not match every customer of a cell). */
  public boolean conditional() {
    return !attributes.isEmpty();
  }

  /** Whether the rule's ranges contain the cell {@code (r, f, m)}. */
  public boolean covers(int r, int f, int m) {
    return this.r.contains(r) && this.f.contains(f) && this.m.contains(m);
  }

  /** Whether the rule matches the scores and the attributes. */
  public boolean matches(int r, int f, int m, Map<String, String> customerAttributes) {
    if (!covers(r, f, m)) {
      return false;
    }
    for (Map.Entry<String, Set<String>> e : attributes.entrySet()) {
      String v = customerAttributes.get(e.getKey());
      if (v == null || !e.getValue().contains(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return segment + " [r " + r + ", f " + f + ", m " + m
        + (attributes.isEmpty() ? "" : ", " + new TreeMap<>(attributes))
        + (overrides.isEmpty() ? "" : ", overrides " + new TreeSet<>(overrides)) + "]";
  }
}

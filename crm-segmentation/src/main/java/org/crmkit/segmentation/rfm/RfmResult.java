package org.crmkit.segmentation.rfm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.model.CustomerId;

/**
 * The RFM scores of a population, one per customer sorted by customer id, and the frozen {@link
 * RfmModel} that produced them. Immutable and thread-safe.
 */
public final class RfmResult {
  private final List<RfmScore> scores;
  private final RfmModel model;
  private final Map<CustomerId, RfmScore> byId;

  RfmResult(List<RfmScore> scores, RfmModel model) {
    this.scores = List.copyOf(scores);
    this.model = model;
    this.byId = new HashMap<>(scores.size() * 2);
    for (RfmScore s : scores) {
      byId.put(s.customer(), s);
    }
  }

  /** The scores, sorted by customer id; unmodifiable. */
  public List<RfmScore> scores() {
    return scores;
  }

  /** The frozen model that scores new customers the same way. */
  public RfmModel model() {
    return model;
  }

  /** The score of {@code customer}, if it was scored. O(1). */
  public Optional<RfmScore> get(CustomerId customer) {
    return Optional.ofNullable(byId.get(customer));
  }

  /** The number of scored customers. */
  public int size() {
    return scores.size();
  }
}

package org.crmkit.segmentation.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.CustomerAggregate;
import org.crmkit.segmentation.rfm.RfmAggregator;
import org.crmkit.segmentation.rfm.RfmModel;
import org.jspecify.annotations.Nullable;

/**
 * Keeps per-customer aggregates up to date as transactions arrive (O(1) each) and re-scores the
 * population with a frozen {@link RfmModel} and a rule set, reporting every {@link
 * SegmentChange}. Mutable and not thread-safe.
 *
 * <pre>{@code
 * SegmentTracker tracker = new SegmentTracker(model, BuiltinSegments.standard10());
 * tracker.addAll(history);
 * tracker.rescore(model.asOf());                        // initial segments
 * tracker.add(newTransaction);
 * List<SegmentChange> moves = tracker.rescore(LocalDate.parse("1998-10-01"));
 * }</pre>
 */
public final class SegmentTracker {
  private final RfmModel model;
  private final SegmentRules rules;
  private final RfmAggregator aggregator = new RfmAggregator();
  private final Map<CustomerId, String> segments = new HashMap<>();
  private @Nullable LocalDate lastAsOf;

  /**
   * A tracker with no customers yet.
   *
   * @throws CrmException if the model's tiles differ from the rules' tiles
   */
  public SegmentTracker(RfmModel model, SegmentRules rules) {
    this.model = Checks.present("model", model);
    this.rules = Checks.present("rules", rules);
    if (model.tiles() != rules.tiles()) {
      throw new CrmException("the model scores 1.." + model.tiles() + " but the rules are for 1.."
          + rules.tiles());
    }
  }

  /** Adds a transaction to its customer's aggregate; expected O(1). */
  public SegmentTracker add(Transaction transaction) {
    aggregator.add(transaction);
    return this;
  }

  /** Adds every transaction. */
  public SegmentTracker addAll(Iterable<Transaction> transactions) {
    aggregator.addAll(transactions);
    return this;
  }

  /**
   * Re-scores every customer at {@code asOf} with the frozen model and returns the customers whose
   * segment changed since the previous re-scoring (all customers, on the first call), sorted by
   * customer id. O(customers × tiles).
   *
   * @throws CrmException if a customer has a transaction after {@code asOf}, or {@code asOf} is
   *     before the previous re-scoring's
   */
  public List<SegmentChange> rescore(LocalDate asOf) {
    Checks.present("asOf", asOf);
    if (lastAsOf != null && asOf.isBefore(lastAsOf)) {
      throw new CrmException("asOf must not go back in time: it was " + lastAsOf + ", now " + asOf);
    }
    List<SegmentChange> changes = new ArrayList<>();
    Map<CustomerId, String> next = new HashMap<>();
    for (CustomerAggregate a : aggregator.aggregates()) {
      String to = rules.segmentOf(model.score(a, asOf)).orElse(null);
      String from = segments.get(a.customer());
      if (to != null) {
        next.put(a.customer(), to);
      }
      if (!Objects.equals(from, to) || (lastAsOf == null && to == null)) {
        changes.add(new SegmentChange(a.customer(), from, to, asOf));
      }
    }
    segments.clear();
    segments.putAll(next);
    lastAsOf = asOf;
    return List.copyOf(changes);
  }

  /** The current segment of every customer placed by the last re-scoring; a copy. */
  public Map<CustomerId, String> segments() {
    return Map.copyOf(segments);
  }
}

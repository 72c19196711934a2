package org.crmkit.examples.studio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.Transaction;
import org.crmkit.segmentation.rfm.RfmResult;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rules.BuiltinSegments;
import org.crmkit.segmentation.rules.SegmentRules;
import org.crmkit.segmentation.tiers.ValueTier;
import org.crmkit.segmentation.tiers.ValueTiers;

/**
 * The segments-and-value page's model: RFM scores of every customer as of the day after the last
 * transaction, the 11-segment map, revenue tiers with their Pareto curve, and the lifetime-value
 * diagnostics; customer lists by segment or tier. Computed once; immutable; thread-safe.
 */
final class SegmentsPage {
  /** The columns of a customer list (the CSV export's header). */
  static final List<String> CUSTOMER_HEADER = List.of("customer_id", "name", "segment", "tier",
      "recency_days", "frequency", "monetary", "r", "f", "m");
  /** Points of the Pareto curve. */
  static final int PARETO_POINTS = 100;

  private final Workspace ws;
  private final LocalDate asOf;
  private final List<RfmScore> scores;
  private final Map<CustomerId, String> segmentOf = new HashMap<>();
  private final Map<CustomerId, ValueTier> tierOf;
  private final Map<String, Object> overview;

  SegmentsPage(Workspace ws) {
    this.ws = ws;
    this.asOf = ws.transactions.stream().map(Transaction::date).max(LocalDate::compareTo)
        .orElseThrow().plusDays(1);
    RfmResult rfm = RfmScorer.defaults().score(ws.transactions, asOf);
    this.scores = rfm.scores();
    SegmentRules rules = BuiltinSegments.repaired11();
    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<String, Double> revenue = new LinkedHashMap<>();
    rules.segments().forEach(s -> {
      sizes.put(s, 0);
      revenue.put(s, 0.0);
    });
    int[][] rf = new int[5][5];
    Map<CustomerId, Double> value = new HashMap<>();
    for (RfmScore s : scores) {
      String seg = rules.segmentOf(s).orElse("(none)");
      segmentOf.put(s.customer(), seg);
      sizes.merge(seg, 1, Integer::sum);
      revenue.merge(seg, s.monetary(), Double::sum);
      if (s.r() <= 5 && s.f() <= 5) {
        rf[s.r() - 1][s.f() - 1]++;
      }
      value.put(s.customer(), s.monetary());
    }
    this.tierOf = ValueTiers.byCumulativeShare(value, 0.80, 0.95);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", ws.transactionsSource);
    m.put("asOf", asOf.toString());
    m.put("customers", scores.size());
    m.put("segments", new ArrayList<>(sizes.keySet()));
    m.put("segmentSizes", new ArrayList<>(sizes.values()));
    m.put("segmentRevenue", revenue.values().stream().map(v -> Math.round(v * 100) / 100.0).toList());
    List<Object[]> cells = new ArrayList<>();
    for (int r = 0; r < 5; r++) {
      for (int f = 0; f < 5; f++) {
        cells.add(new Object[] {f, r, rf[r][f]});
      }
    }
    m.put("rf", Map.of("recency", List.of("1", "2", "3", "4", "5"),
        "frequency", List.of("1", "2", "3", "4", "5"), "cells", cells));
    m.put("pareto", pareto(value));
    m.put("tiers", tiers(value));
    m.put("clv", ClvDiagnostics.of(ws.transactions));
    this.overview = m;
  }

  Map<String, Object> overview() {
    return overview;
  }

  List<List<String>> customersOfSegment(String segment) {
    if (!segmentOf.containsValue(segment)) {
      throw new Api.BadRequest("no customer is in segment '" + segment + "'");
    }
    return rows(s -> segment.equals(segmentOf.get(s.customer())));
  }

  List<List<String>> customersOfTier(String tier) {
    ValueTier t;
    try {
      t = ValueTier.valueOf(tier.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Api.BadRequest("unknown tier '" + tier + "'; known: HIGH, MEDIUM, LOW");
    }
    return rows(s -> t == tierOf.get(s.customer()));
  }

  private List<List<String>> rows(java.util.function.Predicate<RfmScore> keep) {
    List<RfmScore> chosen = new ArrayList<>();
    for (RfmScore s : scores) {
      if (keep.test(s)) {
        chosen.add(s);
      }
    }
    chosen.sort(Comparator.comparingDouble(RfmScore::monetary).reversed()
        .thenComparing(s -> s.customer().value()));
    List<List<String>> out = new ArrayList<>();
    for (RfmScore s : chosen) {
      ValueTier tier = tierOf.get(s.customer());
      out.add(List.of(s.customer().value(), ws.customerName(s.customer()),
          segmentOf.getOrDefault(s.customer(), "(none)"), tier == null ? "" : tier.name(),
          Integer.toString(s.recencyDays()), Integer.toString(s.frequency()),
          String.format(Locale.ROOT, "%.2f", s.monetary()),
          Integer.toString(s.r()), Integer.toString(s.f()), Integer.toString(s.m())));
    }
    return out;
  }

  /** Cumulative share of revenue against the share of customers, best customers first. */
  private static Map<String, Object> pareto(Map<CustomerId, Double> value) {
    double[] v = value.values().stream().mapToDouble(d -> Math.max(0, d)).sorted().toArray();
    double total = 0;
    for (double d : v) {
      total += d;
    }
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 0});
    double running = 0;
    int next = 1;
    for (int i = 0; i < v.length; i++) {
      running += v[v.length - 1 - i];
      double customerShare = (i + 1) / (double) v.length;
      if (customerShare * PARETO_POINTS >= next || i == v.length - 1) {
        points.add(new double[] {round(100 * customerShare), round(100 * running / total)});
        next++;
      }
    }
    return Map.of("points", points);
  }

  private Map<String, Object> tiers(Map<CustomerId, Double> value) {
    Map<ValueTier, Integer> counts = ValueTiers.counts(tierOf);
    Map<ValueTier, Double> sums = new HashMap<>();
    double total = 0;
    for (Map.Entry<CustomerId, ValueTier> e : tierOf.entrySet()) {
      double v = Math.max(0, value.get(e.getKey()));
      sums.merge(e.getValue(), v, Double::sum);
      total += v;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ValueTier t : ValueTier.values()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("tier", t.name());
      r.put("customers", counts.get(t));
      r.put("value", round(sums.getOrDefault(t, 0.0)));
      r.put("share", round(100 * sums.getOrDefault(t, 0.0) / total));
      rows.add(r);
    }
    return Map.of("rows", rows, "highShare", 80, "mediumShare", 95);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

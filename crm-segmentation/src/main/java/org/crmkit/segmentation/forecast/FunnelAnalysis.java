package org.crmkit.segmentation.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.jspecify.annotations.Nullable;

/**
 * Funnel statistics from the {@link TransitionRecord}s of any lifecycle machine, as of an instant:
 * per stage the subjects that entered, advanced, were won and lost, conversion and win rates and
 * time-in-stage quantiles, plus cohort conversion curves. Immutable and thread-safe.
 *
 * <p>A subject's records are ordered by time (then version); its first record's {@code from} is
 * its first stage, whose entry time the log does not hold (that stay counts as entered but is not
 * timed). Records after the analysis instant are ignored, so the analysis can be made "as of" a
 * past date (back-testing). O(r log r) for r records.
 *
 * <p>Example (from {@code ClvExamplesTest} in crm-examples):
 *
 * <pre>{@code
 * FunnelAnalysis funnel = FunnelAnalysis.of(records, FunnelOutcomes.fromMachine(SalesFunnel.machine()), asOf);
 * StageStatistics proposal = funnel.stage("proposal").orElseThrow();
 * double days = proposal.medianDays();
 * }</pre>
 */
public final class FunnelAnalysis {
  /** One stay of a subject in a stage. */
  record Stay(String subject, String stage, @Nullable Instant entered, @Nullable Instant left, @Nullable String next) {}

  /** A subject's outcome as of the analysis: won or lost at an instant, or open. */
  record Outcome(boolean won, boolean lost, @Nullable Instant at) {}

  private final Instant asOf;
  private final FunnelOutcomes outcomes;
  private final List<Stay> stays;
  private final Map<String, Outcome> outcomeOf;
  private final Map<String, Instant> firstSeen;
  private final List<StageStatistics> stages;

  private FunnelAnalysis(Instant asOf, FunnelOutcomes outcomes, List<Stay> stays, Map<String, Outcome> outcomeOf,
      Map<String, Instant> firstSeen, List<StageStatistics> stages) {
    this.asOf = asOf;
    this.outcomes = outcomes;
    this.stays = stays;
    this.outcomeOf = outcomeOf;
    this.firstSeen = firstSeen;
    this.stages = stages;
  }

  /**
   * Analyses the records at or before {@code asOf}.
   *
   * @throws CrmException if an argument is null, or a subject's records do not chain (a record's
   *     {@code from} is not the previous record's {@code to})
   */
  public static FunnelAnalysis of(List<TransitionRecord> records, FunnelOutcomes outcomes, Instant asOf) {
    if (records == null || outcomes == null || asOf == null) {
      throw new CrmException("records, outcomes and asOf are required, but one was null");
    }
    Map<String, List<TransitionRecord>> bySubject = new LinkedHashMap<>();
    for (TransitionRecord r : records) {
      if (!r.at().isAfter(asOf)) {
        bySubject.computeIfAbsent(r.subjectId(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Stay> stays = new ArrayList<>();
    Map<String, Outcome> outcomeOf = new HashMap<>();
    Map<String, Instant> firstSeen = new HashMap<>();
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, List<TransitionRecord>> e : bySubject.entrySet()) {
      List<TransitionRecord> rs = e.getValue();
      rs.sort(Comparator.comparing(TransitionRecord::at).thenComparingLong(TransitionRecord::version));
      String subject = e.getKey();
      firstSeen.put(subject, rs.get(0).at());
      String stage = rs.get(0).from();
      Instant entered = null;
      Instant wonAt = null;
      for (TransitionRecord r : rs) {
        if (!r.from().equals(stage)) {
          throw new CrmException("the records of subject '" + subject + "' do not chain: a transition from '"
              + r.from() + "' at " + r.at() + " follows one into '" + stage + "'");
        }
        stays.add(new Stay(subject, stage, entered, r.at(), r.to()));
        if (seen.add(stage)) {
          order.add(stage);
        }
        stage = r.to();
        entered = r.at();
        if (outcomes.won().contains(stage) && wonAt == null) {
          wonAt = r.at();
        }
      }
      stays.add(new Stay(subject, stage, entered, null, null));
      if (seen.add(stage)) {
        order.add(stage);
      }
      boolean won = outcomes.won().contains(stage);
      boolean lost = outcomes.lost().contains(stage);
      outcomeOf.put(subject, new Outcome(won, lost, won ? wonAt : lost ? entered : null));
    }
    return new FunnelAnalysis(asOf, outcomes, List.copyOf(stays), outcomeOf, firstSeen,
        statistics(order, stays, outcomeOf, outcomes, asOf));
  }

  private static List<StageStatistics> statistics(List<String> order, List<Stay> stays, Map<String, Outcome> outcomeOf,
      FunnelOutcomes outcomes, Instant asOf) {
    List<StageStatistics> out = new ArrayList<>();
    for (String stage : order) {
      Set<String> entered = new HashSet<>();
      Set<String> advanced = new HashSet<>();
      Set<String> current = new HashSet<>();
      Set<String> left = new HashSet<>();
      Map<String, Integer> exits = new LinkedHashMap<>();
      List<Double> durations = new ArrayList<>();
      List<Boolean> ended = new ArrayList<>();
      for (Stay s : stays) {
        if (!s.stage().equals(stage)) {
          continue;
        }
        entered.add(s.subject());
        String next = s.next();
        if (next == null) {
          current.add(s.subject());
        } else {
          left.add(s.subject());
          exits.merge(next, 1, Integer::sum);
          if (!outcomes.lost().contains(next)) {
            advanced.add(s.subject());
          }
        }
        Instant in = s.entered();
        if (in != null) {
          Instant out2 = s.left() == null ? asOf : s.left();
          durations.add(Duration.between(in, out2).toMillis() / 86_400_000.0);
          ended.add(s.left() != null);
        }
      }
      int won = 0;
      int lost = 0;
      for (String subject : entered) {
        Outcome o = outcome(outcomeOf, subject);
        if (o.won()) {
          won++;
        } else if (o.lost()) {
          lost++;
        }
      }
      left.removeAll(current);
      double[] d = durations.stream().mapToDouble(Double::doubleValue).toArray();
      boolean[] end = new boolean[d.length];
      for (int i = 0; i < d.length; i++) {
        end[i] = ended.get(i);
      }
      boolean terminal = outcomes.won().contains(stage) || outcomes.lost().contains(stage);
      out.add(new StageStatistics(stage, entered.size(), advanced.size(), won, lost, current.size(),
          left.isEmpty() ? Double.NaN : (double) advanced.stream().filter(left::contains).count() / left.size(),
          won + lost == 0 ? Double.NaN : (double) won / (won + lost), exits,
          terminal ? Double.NaN : KaplanMeier.quantile(d, end, 0.5),
          terminal ? Double.NaN : KaplanMeier.quantile(d, end, 0.25),
          terminal ? Double.NaN : KaplanMeier.quantile(d, end, 0.75),
          terminal ? Double.NaN : KaplanMeier.quantile(d, end, 0.9), d.length));
    }
    return List.copyOf(out);
  }

  /** The analysis instant: records after it were ignored. */
  public Instant asOf() {
    return asOf;
  }

  /** The outcome states the analysis used. */
  public FunnelOutcomes outcomes() {
    return outcomes;
  }

  /** The statistics of every stage seen, in order of first appearance in the log; unmodifiable. */
  public List<StageStatistics> stages() {
    return stages;
  }

  /** The statistics of one stage, if it appears in the log. */
  public Optional<StageStatistics> stage(String name) {
    return stages.stream().filter(s -> s.stage().equals(name)).findFirst();
  }

  /** The number of subjects in the log (up to the analysis instant). */
  public int subjects() {
    return outcomeOf.size();
  }

  /**
   * Cohort conversion curves: subjects grouped by the window of {@code windowDays} days (counted
   * from the first subject's first record) of their own first record; for each cohort the share
   * won within 1, 2, … windows of its start, as far as the analysis instant allows, at most
   * {@code maxWindows}. O(subjects).
   *
   * @throws CrmException if {@code windowDays < 1} or {@code maxWindows < 1}
   */
  public List<CohortCurve> cohortCurves(int windowDays, int maxWindows) {
    if (windowDays < 1 || maxWindows < 1) {
      throw new CrmException("need windowDays >= 1 and maxWindows >= 1, but got " + windowDays + " and " + maxWindows);
    }
    if (firstSeen.isEmpty()) {
      return List.of();
    }
    Instant origin = firstSeen.values().stream().min(Comparator.naturalOrder()).orElseThrow();
    Duration width = Duration.ofDays(windowDays);
    Map<Long, List<String>> cohorts = new java.util.TreeMap<>();
    firstSeen.forEach((s, t) -> cohorts.computeIfAbsent(Duration.between(origin, t).toMillis() / width.toMillis(),
        k -> new ArrayList<>()).add(s));
    List<CohortCurve> out = new ArrayList<>();
    cohorts.forEach((k, subjects) -> {
      Instant start = origin.plus(width.multipliedBy(k));
      List<Double> share = new ArrayList<>();
      for (int w = 1; w <= maxWindows; w++) {
        Instant end = start.plus(width.multipliedBy(w));
        if (end.isAfter(asOf)) {
          break;
        }
        int won = 0;
        for (String s : subjects) {
          Outcome o = outcome(outcomeOf, s);
          Instant at = o.at();
          if (o.won() && at != null && !at.isAfter(end)) {
            won++;
          }
        }
        share.add((double) won / subjects.size());
      }
      out.add(new CohortCurve(start, subjects.size(), share));
    });
    return List.copyOf(out);
  }

  /**
   * For the forecast: per stage, the timed stays as {@code [daysInStage, daysFromEntryToOutcome,
   * status, daysFromEntryToAsOf]}, status 1 won, 0 lost, −1 still open at the analysis instant
   * (then the days to the outcome are the days to the analysis instant); for an open stay the days
   * in stage are also counted to the analysis instant.
   */
  Map<String, List<double[]>> closings() {
    Map<String, List<double[]>> out = new HashMap<>();
    for (Stay s : stays) {
      Instant in = s.entered();
      if (in == null || outcomes.won().contains(s.stage()) || outcomes.lost().contains(s.stage())) {
        continue;
      }
      Outcome o = outcome(outcomeOf, s.subject());
      Instant at = o.at();
      Instant close = asOf;
      double status = -1;
      if (at != null && !at.isBefore(in)) {
        close = at;
        status = o.won() ? 1 : o.lost() ? 0 : -1;
      }
      Instant left = s.left() == null ? asOf : s.left();
      out.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(new double[] {days(in, left), days(in, close), status,
          days(in, asOf)});
    }
    return out;
  }

  private static Outcome outcome(Map<String, Outcome> outcomeOf, String subject) {
    Outcome o = outcomeOf.get(subject);
    if (o == null) {
      throw new IllegalStateException("no outcome for subject " + subject);
    }
    return o;
  }

  private static double days(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 86_400_000.0;
  }
}

package org.crmkit.segmentation.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.crmkit.core.lifecycle.TransitionRecord;

/**
 * A seeded sales pipeline (test helper): deals arrive at a constant rate, are converted from
 * {@code lead} into {@code prospecting}, then advance through qualification, proposal and
 * negotiation to {@code won} or drop to {@code lost}, each stage lasting an exponential time.
 * Records follow {@code SalesFunnel.machine()}'s state names.
 */
final class PipelineSimulator {
  static final Instant ORIGIN = Instant.parse("2024-01-01T00:00:00Z");
  static final String[] STAGES = {"prospecting", "qualification", "proposal", "negotiation"};
  static final double[] ADVANCE = {0.6, 0.7, 0.6, 0.7};
  static final double[] MEAN_DAYS = {10, 15, 20, 10};

  final List<TransitionRecord> records = new ArrayList<>();
  final Map<String, Double> amount = new HashMap<>();
  final Map<String, Instant> wonAt = new HashMap<>();
  /** Per deal: its stage entries as [instant millis, stage index], for the state at any instant. */
  final Map<String, List<long[]>> path = new HashMap<>();

  PipelineSimulator(long seed, int days, double dealsPerDay) {
    SplittableRandom random = new SplittableRandom(seed);
    double t = 0;
    int id = 0;
    while (true) {
      t += -Math.log(1 - random.nextDouble()) / dealsPerDay;
      if (t > days) {
        break;
      }
      String deal = "d" + id++;
      amount.put(deal, Math.round(1000 * Math.exp(0.6 * gaussian(random)) * 100) / 100.0);
      long version = 1;
      double now = t;
      add(deal, "lead", "prospecting", "convert", now, version++);
      List<long[]> p = new ArrayList<>();
      path.put(deal, p);
      p.add(new long[] {millis(now), 0});
      for (int s = 0; s < STAGES.length; s++) {
        now += -Math.log(1 - random.nextDouble()) * MEAN_DAYS[s];
        boolean advance = random.nextDouble() < ADVANCE[s];
        String to = advance ? (s == STAGES.length - 1 ? "won" : STAGES[s + 1]) : "lost";
        add(deal, STAGES[s], to, advance ? (s == STAGES.length - 1 ? "win" : "advance") : "lose", now, version++);
        p.add(new long[] {millis(now), advance ? (s == STAGES.length - 1 ? 4 : s + 1) : 5});
        if (!advance) {
          break;
        }
        if (s == STAGES.length - 1) {
          wonAt.put(deal, ORIGIN.plusMillis(millis(now)));
        }
      }
    }
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static long millis(double days) {
    return Math.round(days * 86_400_000L);
  }

  private void add(String deal, String from, String to, String event, double day, long version) {
    records.add(new TransitionRecord(deal, from, to, event, ORIGIN.plusMillis(millis(day)), "sim", version));
  }

  /** The deals open at {@code asOf} (in one of the four stages), with their days in stage. */
  List<OpenDeal> openAt(Instant asOf) {
    long now = asOf.toEpochMilli() - ORIGIN.toEpochMilli();
    List<OpenDeal> out = new ArrayList<>();
    path.forEach((deal, p) -> {
      if (p.get(0)[0] > now) {
        return;
      }
      long[] current = p.get(0);
      for (long[] step : p) {
        if (step[0] <= now) {
          current = step;
        }
      }
      if (current[1] < 4) {
        out.add(new OpenDeal(deal, STAGES[(int) current[1]], amount.get(deal), (now - current[0]) / 86_400_000.0));
      }
    });
    out.sort(java.util.Comparator.comparing(OpenDeal::id));
    return out;
  }
}

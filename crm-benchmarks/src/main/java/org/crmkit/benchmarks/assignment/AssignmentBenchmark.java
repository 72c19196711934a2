package org.crmkit.benchmarks.assignment;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.assignment.AssignmentBatch;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.Condition;
import org.crmkit.core.assignment.Distribution;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.assignment.OutOfOffice;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.assignment.WorkingHours;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Assigns 1,000,000 leads against 500 reps and 200 rule entries (target: under 1 s per batch).
 *
 * <p>The world: 10 regions × 10 countries × 5 cities (611 territories). Entries: per country an
 * enterprise entry to a fixed key-account rep (with a score floor) and a distribution entry over
 * the region's team of 50 reps (round-robin, weighted round-robin or least-loaded, by country);
 * default owner a queue. Reps have weights 1-4, a third have daily capacities, a tenth are out of
 * office, a fifth have working hours. Leads are random cities, size bands, scores and sources.
 *
 * <p>{@code assignCodes}: the array batch API (no allocation per lead). {@code assignDecisions}:
 * the batch API building one explained {@code Assignment} per lead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AssignmentBenchmark {
  @Param({"1000000"})
  int leads;

  static final int REGIONS = 10;
  static final int COUNTRIES = 10;
  static final int CITIES = 5;
  static final int REPS_PER_REGION = 50;

  AssignmentRules rules;
  List<Lead> batch;
  int[] assignees;
  int[] ruleCodes;
  final Instant at = Instant.parse("2026-11-23T10:00:00Z");

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(42);
    Hierarchy.Builder<TerritoryId> h = Hierarchy.builder();
    TerritoryId global = TerritoryId.of("global");
    h.root(global);
    List<TerritoryId> cities = new ArrayList<>();
    List<TerritoryId> countries = new ArrayList<>();
    for (int g = 0; g < REGIONS; g++) {
      TerritoryId region = TerritoryId.of("r" + g);
      h.child(global, region);
      for (int c = 0; c < COUNTRIES; c++) {
        TerritoryId country = TerritoryId.of("r" + g + "c" + c);
        h.child(region, country);
        countries.add(country);
        for (int t = 0; t < CITIES; t++) {
          TerritoryId city = TerritoryId.of("r" + g + "c" + c + "t" + t);
          h.child(country, city);
          cities.add(city);
        }
      }
    }
    AssignmentRules.Builder b = AssignmentRules.builder().territories(h.build());
    TeamId queue = TeamId.of("queue");
    for (int g = 0; g < REGIONS; g++) {
      for (int k = 0; k < REPS_PER_REGION; k++) {
        UserId id = UserId.of("rep-" + g + "-" + k);
        User.Builder u = User.builder().id(id).name(id.value()).orgUnit(OrgUnitId.of("sales"))
            .addTeams(TeamId.of("team-" + g));
        if (g == 0 && k == 0) {
          u.addTeams(queue);
        }
        b.user(u.build());
        RepProfile.Builder p = RepProfile.builder().user(id).weight(1 + r.nextInt(4));
        if (r.nextInt(3) == 0) {
          p.capacity(Capacity.perDay(1_000_000));
        }
        if (r.nextInt(10) == 0) {
          p.addOutOfOffice(new OutOfOffice(at.minusSeconds(3600), at.plusSeconds(86_400)));
        }
        if (r.nextInt(5) == 0) {
          p.workingHours(WorkingHours.weekdays(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        b.profile(p.build());
      }
    }
    Strategy[] strategies = Strategy.values();
    for (int i = 0; i < countries.size(); i++) {
      TerritoryId country = countries.get(i);
      int region = i / COUNTRIES;
      b.entry("key-" + country, Condition.builder().addTerritories(country)
          .addSizeBands(SizeBand.ENTERPRISE).minScore(50).build(),
          Target.user(UserId.of("rep-" + region + "-" + (i % COUNTRIES))));
      b.entry("dist-" + country, Condition.builder().addTerritories(country).build(),
          Target.distribute(Distribution.builder().strategy(strategies[i % 3])
              .team(TeamId.of("team-" + region)).build()));
    }
    rules = b.defaultOwner(Target.queue(queue)).build();
    if (rules.entries().size() != 200) {
      throw new IllegalStateException("expected 200 entries");
    }
    batch = new ArrayList<>(leads);
    String[] sources = {"web", "partner", "event"};
    for (int i = 0; i < leads; i++) {
      batch.add(Lead.builder().id("L" + i).territory(cities.get(r.nextInt(cities.size())))
          .sizeBand(SizeBand.values()[r.nextInt(5)]).score(r.nextInt(101))
          .source(sources[r.nextInt(3)]).build());
    }
    assignees = new int[leads];
    ruleCodes = new int[leads];
  }

  /** The array batch API: 1,000,000 leads, no allocation per lead. */
  @Benchmark
  public AssignmentState assignCodes() {
    return rules.assignAll(batch, AssignmentState.empty(), at, assignees, ruleCodes);
  }

  /** The batch API building an explained decision per lead. */
  @Benchmark
  public AssignmentBatch assignDecisions() {
    return rules.assignAll(batch, AssignmentState.empty(), at);
  }
}

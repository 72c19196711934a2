package org.crmkit.core.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;

/**
 * A random assignment scenario derived from one seed (so that the seed QuickTheories prints on a
 * failure reproduces it): hierarchies, users with profiles, entries, and a log of requests.
 */
final class AssignmentScenario {
  static final Instant BASE = Instant.parse("2026-11-23T00:00:00Z");
  static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"));
  static final List<String> SKILLS = List.of("german", "french", "solar");
  static final List<String> INDUSTRIES = List.of("retail", "banking", "energy");
  static final List<String> SOURCES = List.of("web", "partner", "event");
  static final List<String> TIERS = List.of("high", "medium", "low");
  static final List<TeamId> TEAMS = List.of(TeamId.of("t0"), TeamId.of("t1"), TeamId.of("t2"));

  final Random random;
  final Hierarchy<TerritoryId> territories;
  final Hierarchy<ProductLineId> productLines;
  final List<User> users = new ArrayList<>();
  final List<RepProfile> profiles = new ArrayList<>();
  final List<AssignmentEntry> entries = new ArrayList<>();
  final Target defaultOwner;
  final List<AssignmentRequest> log = new ArrayList<>();

  AssignmentScenario(long seed, int leads) {
    random = new Random(seed);
    territories = tree(random, 3 + random.nextInt(10), TerritoryId::of, "t");
    productLines = tree(random, 1 + random.nextInt(6), ProductLineId::of, "p");
    int userCount = 2 + random.nextInt(8);
    for (int u = 0; u < userCount; u++) {
      UserId id = UserId.of("u" + u);
      User.Builder b = User.builder().id(id).name("U" + u).orgUnit(OrgUnitId.of("sales"))
          .active(random.nextInt(10) > 0);
      b.addTeams(TEAMS.get(u % 2 == 0 ? 0 : 1));
      if (random.nextBoolean()) {
        b.addTeams(TEAMS.get(2));
      }
      for (int k = random.nextInt(3); k > 0; k--) {
        b.addTerritories(territories.nodeAt(random.nextInt(territories.size())));
      }
      users.add(b.build());
      RepProfile.Builder p = RepProfile.builder().user(id).weight(1 + random.nextInt(4))
          .zone(ZONES.get(random.nextInt(ZONES.size())));
      if (random.nextInt(3) == 0) {
        p.capacity(new Capacity(1 + random.nextInt(5),
            Capacity.Period.values()[random.nextInt(3)]));
      }
      if (random.nextInt(3) == 0) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
          if (random.nextInt(4) > 0) {
            days.add(d);
          }
        }
        if (days.isEmpty()) {
          days.add(DayOfWeek.MONDAY);
        }
        int start = random.nextInt(12);
        p.workingHours(new WorkingHours(days, LocalTime.of(start, 0),
            LocalTime.of(start + 1 + random.nextInt(11), 30)));
      }
      if (random.nextInt(3) == 0) {
        Instant from = BASE.plusSeconds(3600L * random.nextInt(24 * 10));
        p.addOutOfOffice(new OutOfOffice(from, from.plusSeconds(3600L * (1 + random.nextInt(72)))));
      }
      for (String s : SKILLS) {
        if (random.nextInt(3) > 0) {
          p.addSkills(s);
        }
      }
      profiles.add(p.build());
    }
    defaultOwner = random.nextBoolean() ? Target.queue(TEAMS.get(0))
        : Target.user(users.stream().filter(User::active).map(User::id).findFirst()
            .orElse(users.get(0).id()));
    int entryCount = 1 + random.nextInt(6);
    for (int i = 0; i < entryCount; i++) {
      entries.add(new AssignmentEntry("e" + i, condition(), target()));
    }
    for (int i = 0; i < leads; i++) {
      log.add(new AssignmentRequest(lead("L" + i),
          BASE.plusSeconds(60L * random.nextInt(60 * 24 * 21))));
    }
  }

  /** The rules, or null if this scenario's random definition is invalid (e.g. unreachable). */
  AssignmentRules rules() {
    try {
      return AssignmentRules.builder().territories(territories).productLines(productLines)
          .users(users).profiles(profiles).entries(entries).defaultOwner(defaultOwner).build();
    } catch (InvalidDefinitionException e) {
      return null;
    }
  }

  List<Lead> leads() {
    List<Lead> out = new ArrayList<>();
    for (AssignmentRequest r : log) {
      out.add(r.lead());
    }
    return out;
  }

  private static <K> Hierarchy<K> tree(Random r, int n, java.util.function.Function<String, K> id,
      String prefix) {
    Hierarchy.Builder<K> b = Hierarchy.builder();
    b.root(id.apply(prefix + 0));
    for (int i = 1; i < n; i++) {
      b.child(id.apply(prefix + r.nextInt(i)), id.apply(prefix + i));
    }
    return b.build();
  }

  private Condition condition() {
    Condition.Builder c = Condition.builder();
    if (random.nextInt(3) > 0) {
      c.addTerritories(territories.nodeAt(random.nextInt(territories.size())));
      if (random.nextInt(4) == 0) {
        c.addTerritories(territories.nodeAt(random.nextInt(territories.size())));
      }
    }
    if (random.nextInt(4) == 0) {
      c.addProductLines(productLines.nodeAt(random.nextInt(productLines.size())));
    }
    if (random.nextInt(4) == 0) {
      c.addIndustries(INDUSTRIES.get(random.nextInt(3)));
    }
    if (random.nextInt(4) == 0) {
      c.addSizeBands(SizeBand.values()[random.nextInt(5)], SizeBand.values()[random.nextInt(5)]);
    }
    if (random.nextInt(5) == 0) {
      c.addSources(SOURCES.get(random.nextInt(3)));
    }
    if (random.nextInt(5) == 0) {
      c.addValueTiers(TIERS.get(random.nextInt(3)));
    }
    if (random.nextInt(4) == 0) {
      double lo = random.nextInt(60);
      c.minScore(lo);
      if (random.nextBoolean()) {
        c.maxScore(lo + random.nextInt(50));
      }
    }
    return c.build();
  }

  private Target target() {
    int k = random.nextInt(6);
    if (k == 0) {
      return Target.user(users.get(random.nextInt(users.size())).id());
    }
    if (k == 1) {
      return Target.queue(TEAMS.get(random.nextInt(2)));
    }
    Distribution.Builder d = Distribution.builder()
        .strategy(Strategy.values()[random.nextInt(3)]);
    if (random.nextBoolean()) {
      d.team(TEAMS.get(random.nextInt(3)));
    } else {
      List<UserId> pool = new ArrayList<>();
      for (User u : users) {
        if (random.nextBoolean()) {
          pool.add(u.id());
        }
      }
      if (pool.isEmpty()) {
        pool.add(users.get(0).id());
      }
      java.util.Collections.shuffle(pool, random);
      d.addAllUsers(pool);
    }
    if (random.nextInt(3) == 0) {
      d.addRequiredSkills(SKILLS.get(random.nextInt(3)));
    }
    d.requireTerritoryCoverage(random.nextInt(3) == 0);
    return Target.distribute(d.build());
  }

  private Lead lead(String id) {
    Lead.Builder l = Lead.builder().id(id);
    if (random.nextInt(8) > 0) {
      l.territory(random.nextInt(20) == 0 ? TerritoryId.of("elsewhere")
          : territories.nodeAt(random.nextInt(territories.size())));
    }
    if (random.nextBoolean()) {
      l.productLine(productLines.nodeAt(random.nextInt(productLines.size())));
    }
    if (random.nextBoolean()) {
      l.industry(INDUSTRIES.get(random.nextInt(3)));
    }
    if (random.nextBoolean()) {
      l.sizeBand(SizeBand.values()[random.nextInt(5)]);
    }
    if (random.nextBoolean()) {
      l.source(SOURCES.get(random.nextInt(3)));
    }
    if (random.nextBoolean()) {
      l.score(random.nextInt(101));
    }
    if (random.nextBoolean()) {
      l.valueTier(TIERS.get(random.nextInt(3)));
    }
    return l.build();
  }
}

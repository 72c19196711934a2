package org.crmkit.core.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;

/**
 * A deliberately naive reference of the assignment semantics: scans every entry, evaluates
 * conditions with {@link Hierarchy#isInSubtree}, keeps its state in maps keyed by names and
 * computes availability from scratch for every candidate. Slow and obvious.
 */
final class NaiveAssigner {
  /** What the reference decided for one lead. */
  record Decision(Assignee assignee, String rule, boolean fellBack, List<String> skipped) {}

  private final Hierarchy<TerritoryId> territories;
  private final Hierarchy<org.crmkit.core.model.ProductLineId> productLines;
  private final List<User> users;
  private final Map<UserId, RepProfile> profiles = new HashMap<>();
  private final List<AssignmentEntry> entries;
  private final Target defaultOwner;

  final Map<String, Integer> cursors = new HashMap<>();
  final Map<String, Map<UserId, Long>> weights = new HashMap<>();
  final Map<UserId, Integer> open = new HashMap<>();
  final Map<UserId, AssignmentState.CapacityUse> capacity = new HashMap<>();

  NaiveAssigner(AssignmentScenario s) {
    territories = s.territories;
    productLines = s.productLines;
    users = s.users;
    for (RepProfile p : s.profiles) {
      profiles.put(p.user(), p);
    }
    entries = s.entries;
    defaultOwner = s.defaultOwner;
  }

  Decision assign(Lead lead, Instant at) {
    for (AssignmentEntry e : entries) {
      if (!matches(e.condition(), lead)) {
        continue;
      }
      Target t = e.target();
      if (t.kind() == Target.Kind.USER) {
        receive(t.user().get(), at);
        return new Decision(Assignee.user(t.user().get()), e.name(), false, List.of());
      }
      if (t.kind() == Target.Kind.QUEUE) {
        return new Decision(Assignee.queue(t.queue().get()), e.name(), false, List.of());
      }
      Distribution d = t.distribution().get();
      List<UserId> pool = new ArrayList<>();
      if (d.team().isPresent()) {
        TreeMap<UserId, User> sorted = new TreeMap<>();
        for (User u : users) {
          if (u.teams().contains(d.team().get())) {
            sorted.put(u.id(), u);
          }
        }
        pool.addAll(sorted.keySet());
      } else {
        pool.addAll(d.users());
      }
      List<String> skipped = new ArrayList<>();
      UserId chosen = null;
      if (d.strategy() == Strategy.ROUND_ROBIN) {
        int c = cursors.getOrDefault(e.name(), 0);
        for (int i = 0; i < pool.size() && chosen == null; i++) {
          int j = (c + i) % pool.size();
          String why = whyNot(pool.get(j), d, lead, at);
          if (why == null) {
            chosen = pool.get(j);
            cursors.put(e.name(), (j + 1) % pool.size());
          } else {
            skipped.add(pool.get(j) + ":" + why);
          }
        }
      } else if (d.strategy() == Strategy.WEIGHTED_ROUND_ROBIN) {
        Map<UserId, Long> cw = weights.computeIfAbsent(e.name(), k -> new HashMap<>());
        long total = 0;
        List<UserId> eligible = new ArrayList<>();
        for (UserId u : pool) {
          String why = whyNot(u, d, lead, at);
          if (why == null) {
            eligible.add(u);
          } else {
            skipped.add(u + ":" + why);
          }
        }
        for (UserId u : eligible) {
          cw.merge(u, (long) weightOf(u), Long::sum);
          total += weightOf(u);
          if (chosen == null || cw.get(u) > cw.get(chosen)) {
            chosen = u;
          }
        }
        if (chosen != null) {
          cw.merge(chosen, -total, Long::sum);
        }
      } else {
        for (UserId u : pool) {
          String why = whyNot(u, d, lead, at);
          if (why != null) {
            skipped.add(u + ":" + why);
          } else if (chosen == null || open.getOrDefault(u, 0) < open.getOrDefault(chosen, 0)) {
            chosen = u;
          }
        }
      }
      if (chosen == null) {
        return fallback(e.name(), at, skipped);
      }
      receive(chosen, at);
      return new Decision(Assignee.user(chosen), e.name(), false, skipped);
    }
    return fallback(Assignment.DEFAULT_RULE, at, List.of());
  }

  private Decision fallback(String rule, Instant at, List<String> skipped) {
    if (defaultOwner.kind() == Target.Kind.USER) {
      receive(defaultOwner.user().get(), at);
      return new Decision(Assignee.user(defaultOwner.user().get()), rule,
          !rule.equals(Assignment.DEFAULT_RULE), skipped);
    }
    TeamId q = defaultOwner.queue().get();
    return new Decision(Assignee.queue(q), rule, !rule.equals(Assignment.DEFAULT_RULE), skipped);
  }

  private int weightOf(UserId u) {
    RepProfile p = profiles.get(u);
    return p == null ? 1 : p.weight();
  }

  private User user(UserId id) {
    return users.stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
  }

  private String whyNot(UserId id, Distribution d, Lead lead, Instant at) {
    User u = user(id);
    RepProfile p = profiles.getOrDefault(id, RepProfile.defaultFor(id));
    if (!u.active()) {
      return "INACTIVE";
    }
    if (!p.skills().containsAll(d.requiredSkills())) {
      return "MISSING_SKILL";
    }
    if (d.requireTerritoryCoverage()) {
      boolean covered = false;
      if (lead.territory().isPresent() && territories.contains(lead.territory().get())) {
        for (TerritoryId t : u.territories()) {
          if (territories.contains(t) && territories.isInSubtree(t, lead.territory().get())) {
            covered = true;
          }
        }
      }
      if (!covered) {
        return "TERRITORY_NOT_COVERED";
      }
    }
    for (OutOfOffice o : p.outOfOffice()) {
      if (!at.isBefore(o.from()) && at.isBefore(o.until())) {
        return "OUT_OF_OFFICE";
      }
    }
    if (p.workingHours().isPresent()) {
      WorkingHours h = p.workingHours().get();
      ZonedDateTime z = at.atZone(p.zone());
      LocalTime t = z.toLocalTime();
      if (!h.days().contains(z.getDayOfWeek()) || t.compareTo(h.start()) < 0
          || t.compareTo(h.end()) >= 0) {
        return "OUTSIDE_WORKING_HOURS";
      }
    }
    if (p.capacity().isPresent()) {
      AssignmentState.CapacityUse use = capacity.get(id);
      if (use != null && use.period().equals(period(p, at))
          && use.count() >= p.capacity().get().limit()) {
        return "AT_CAPACITY";
      }
    }
    return null;
  }

  static String period(RepProfile p, Instant at) {
    ZonedDateTime z = at.atZone(p.zone());
    switch (p.capacity().get().period()) {
      case DAY:
        return LocalDate.from(z).toString();
      case WEEK:
        return DateTimeFormatter.ISO_WEEK_DATE.format(z).substring(0, 8);
      default:
        return YearMonth.from(z).toString();
    }
  }

  private void receive(UserId id, Instant at) {
    open.merge(id, 1, Integer::sum);
    RepProfile p = profiles.get(id);
    if (p != null && p.capacity().isPresent()) {
      String period = period(p, at);
      AssignmentState.CapacityUse use = capacity.get(id);
      int count = use != null && use.period().equals(period) ? use.count() : 0;
      capacity.put(id, new AssignmentState.CapacityUse(period, count + 1));
    }
  }

  private boolean matches(Condition c, Lead lead) {
    if (!c.territories().isEmpty()) {
      if (lead.territory().isEmpty() || !territories.contains(lead.territory().get())) {
        return false;
      }
      if (c.territories().stream()
          .noneMatch(t -> territories.isInSubtree(t, lead.territory().get()))) {
        return false;
      }
    }
    if (!c.productLines().isEmpty()) {
      if (lead.productLine().isEmpty() || !productLines.contains(lead.productLine().get())) {
        return false;
      }
      if (c.productLines().stream()
          .noneMatch(t -> productLines.isInSubtree(t, lead.productLine().get()))) {
        return false;
      }
    }
    if (!c.industries().isEmpty()
        && (lead.industry().isEmpty() || !c.industries().contains(lead.industry().get()))) {
      return false;
    }
    if (!c.sizeBands().isEmpty()
        && (lead.sizeBand().isEmpty() || !c.sizeBands().contains(lead.sizeBand().get()))) {
      return false;
    }
    if (!c.sources().isEmpty()
        && (lead.source().isEmpty() || !c.sources().contains(lead.source().get()))) {
      return false;
    }
    if (!c.valueTiers().isEmpty()
        && (lead.valueTier().isEmpty() || !c.valueTiers().contains(lead.valueTier().get()))) {
      return false;
    }
    if (c.minScore().isPresent() || c.maxScore().isPresent()) {
      if (lead.score().isEmpty()) {
        return false;
      }
      double s = lead.score().getAsDouble();
      if (c.minScore().isPresent() && s < c.minScore().getAsDouble()
          || c.maxScore().isPresent() && s > c.maxScore().getAsDouble()) {
        return false;
      }
    }
    return true;
  }

  /** The state in the engine's minimal form (zero counters omitted). */
  AssignmentState state() {
    AssignmentState.Builder b = AssignmentState.builder();
    cursors.forEach((k, v) -> {
      if (v != 0) {
        b.putCursors(k, v);
      }
    });
    weights.forEach((k, m) -> {
      Map<UserId, Long> nonZero = new HashMap<>();
      m.forEach((u, w) -> {
        if (w != 0) {
          nonZero.put(u, w);
        }
      });
      if (!nonZero.isEmpty()) {
        b.putCurrentWeights(k, nonZero);
      }
    });
    open.forEach((u, n) -> {
      if (n != 0) {
        b.putOpenItems(u, n);
      }
    });
    b.putAllCapacityUsed(capacity);
    return b.build();
  }
}

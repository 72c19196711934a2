package org.crmkit.core.assignment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The checks of {@link AssignmentRules.Builder#build()}: references, ranges, pools, unreachable
 * entries (problems) and overlaps, empty pools, unheld skills (warnings). Paths follow the JSON
 * document's field names so that the JSON reader can prefix them with {@code $.}.
 */
final class AssignmentValidation {
  private final Hierarchy<TerritoryId> territories;
  private final Hierarchy<ProductLineId> productLines;
  private final List<User> users;
  private final List<RepProfile> profileList;
  private final List<AssignmentEntry> entries;
  private final @Nullable Target defaultOwner;
  private final List<Problem> problems;
  private final List<Problem> warnings;
  private final Map<UserId, User> userById = new HashMap<>();
  private final Map<UserId, RepProfile> profiles = new HashMap<>();
  private final Map<TeamId, Set<UserId>> teams = new HashMap<>();
  private final Set<Integer> invalidConditions = new HashSet<>();

  AssignmentValidation(Hierarchy<TerritoryId> territories, Hierarchy<ProductLineId> productLines,
      List<User> users, List<RepProfile> profileList, List<AssignmentEntry> entries,
      @Nullable Target defaultOwner, List<Problem> problems, List<Problem> warnings) {
    this.territories = territories;
    this.productLines = productLines;
    this.users = users;
    this.profileList = profileList;
    this.entries = entries;
    this.defaultOwner = defaultOwner;
    this.problems = problems;
    this.warnings = warnings;
  }

  Map<UserId, RepProfile> profiles() {
    return profiles;
  }

  void run() {
    for (int i = 0; i < users.size(); i++) {
      User u = users.get(i);
      if (userById.putIfAbsent(u.id(), u) != null) {
        problems.add(Problem.of("users[" + i + "].id", "duplicate user '%s'", u.id()));
      }
      for (TeamId t : u.teams()) {
        teams.computeIfAbsent(t, k -> new TreeSet<>()).add(u.id());
      }
      for (TerritoryId t : u.territories()) {
        if (!territories.contains(t)) {
          warnings.add(Problem.of("users[" + i + "].territories", "territory '%s' of user '%s' "
              + "is not in the territory hierarchy; it covers no lead", t, u.id()));
        }
      }
    }
    for (int i = 0; i < profileList.size(); i++) {
      RepProfile p = profileList.get(i);
      String path = "profiles[" + i + "].user";
      if (!userById.containsKey(p.user())) {
        problems.add(Problem.of(path, "profile of unknown user '%s'; known users: %s", p.user(),
            new TreeSet<>(userById.keySet())));
      } else if (profiles.putIfAbsent(p.user(), p) != null) {
        problems.add(Problem.of(path, "duplicate profile for user '%s'", p.user()));
      }
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      AssignmentEntry e = entries.get(i);
      String path = "entries[" + i + "]";
      if (!names.add(e.name())) {
        problems.add(Problem.of(path + ".name", "duplicate entry name '%s'", e.name()));
      }
      boolean satisfiable = checkCondition(e.condition(), path + ".condition");
      checkTarget(e.target(), path + ".target", false);
      if (satisfiable) {
        checkShadowing(i);
      } else {
        invalidConditions.add(i);
      }
    }
    if (defaultOwner == null) {
      problems.add(Problem.of("defaultOwner", "a default owner (a user or a queue) is required"));
    } else {
      checkTarget(defaultOwner, "defaultOwner", true);
    }
  }

  private boolean checkCondition(Condition c, String path) {
    boolean ok = true;
    for (TerritoryId t : c.territories()) {
      if (!territories.contains(t)) {
        problems.add(Problem.of(path + ".territories", "unknown territory '%s'; the rules' "
            + "territory hierarchy has %d nodes%s", t, territories.size(), sample(territories)));
        ok = false;
      }
    }
    for (ProductLineId p : c.productLines()) {
      if (!productLines.contains(p)) {
        problems.add(Problem.of(path + ".productLines", "unknown product line '%s'; the rules' "
            + "product-line hierarchy has %d nodes%s", p, productLines.size(),
            sample(productLines)));
        ok = false;
      }
    }
    for (String s : c.industries()) {
      ok &= nonBlank(s, path + ".industries");
    }
    for (String s : c.sources()) {
      ok &= nonBlank(s, path + ".sources");
    }
    for (String s : c.valueTiers()) {
      ok &= nonBlank(s, path + ".valueTiers");
    }
    if (c.minScore().isPresent() && !Double.isFinite(c.minScore().getAsDouble())) {
      problems.add(Problem.of(path + ".minScore", "expected a finite number, but was %s",
          c.minScore().getAsDouble()));
      ok = false;
    }
    if (c.maxScore().isPresent() && !Double.isFinite(c.maxScore().getAsDouble())) {
      problems.add(Problem.of(path + ".maxScore", "expected a finite number, but was %s",
          c.maxScore().getAsDouble()));
      ok = false;
    }
    if (ok && c.minScore().isPresent() && c.maxScore().isPresent()
        && c.minScore().getAsDouble() > c.maxScore().getAsDouble()) {
      problems.add(Problem.of(path, "minScore %s must be <= maxScore %s; no lead could match",
          c.minScore().getAsDouble(), c.maxScore().getAsDouble()));
      ok = false;
    }
    return ok;
  }

  private boolean nonBlank(String s, String path) {
    if (s.isBlank()) {
      problems.add(Problem.of(path, "values must be non-blank strings, but found '%s'", s));
      return false;
    }
    return true;
  }

  private static String sample(Hierarchy<?> h) {
    List<?> nodes = h.nodes();
    if (nodes.isEmpty()) {
      return " (declare it with territories(...)/productLines(...) or in the document)";
    }
    return "; e.g. " + nodes.subList(0, Math.min(8, nodes.size()));
  }

  private void checkTarget(Target t, String path, boolean isDefault) {
    switch (t.kind()) {
      case USER: {
        UserId id = t.user().orElseThrow();
        User u = userById.get(id);
        if (u == null) {
          problems.add(Problem.of(path + ".user", "unknown user '%s'; known users: %s", id,
              new TreeSet<>(userById.keySet())));
        } else if (!u.active()) {
          problems.add(Problem.of(path + ".user", "user '%s' is inactive and may receive no new "
              + "leads", id));
        }
        break;
      }
      case QUEUE: {
        TeamId team = t.queue().orElseThrow();
        if (!teams.containsKey(team)) {
          problems.add(Problem.of(path + ".queue", "unknown team '%s'; known teams (those some "
              + "user belongs to): %s", team, new TreeSet<>(teams.keySet())));
        }
        break;
      }
      default: {
        if (isDefault) {
          problems.add(Problem.of(path, "the default owner must be a user or a queue, not a "
              + "distribution (it is the fallback when no rep is eligible)"));
          return;
        }
        Distribution d = t.distribution().orElseThrow();
        List<UserId> pool = List.of();
        if (d.team().isPresent() == !d.users().isEmpty()) {
          problems.add(Problem.of(path, "a distribution needs exactly one of 'team' and 'users', "
              + "but found %s", d.team().isPresent() ? "both" : "neither"));
        } else if (d.team().isPresent()) {
          Set<UserId> members = teams.get(d.team().get());
          if (members == null) {
            problems.add(Problem.of(path + ".team", "unknown team '%s'; known teams (those some "
                + "user belongs to): %s", d.team().get(), new TreeSet<>(teams.keySet())));
          } else {
            pool = List.copyOf(members);
          }
        } else {
          Set<UserId> seen = new HashSet<>();
          for (int j = 0; j < d.users().size(); j++) {
            UserId id = d.users().get(j);
            if (!userById.containsKey(id)) {
              problems.add(Problem.of(path + ".users[" + j + "]", "unknown user '%s'; known "
                  + "users: %s", id, new TreeSet<>(userById.keySet())));
            } else if (!seen.add(id)) {
              problems.add(Problem.of(path + ".users[" + j + "]", "user '%s' is listed twice",
                  id));
            }
          }
          if (seen.size() == d.users().size()) {
            pool = d.users();
          }
        }
        if (!pool.isEmpty()) {
          boolean anyActive = false;
          Set<String> held = new HashSet<>();
          for (UserId id : pool) {
            // a pool holds only known users (unknown ones leave it empty, reported above)
            anyActive |= Checks.entry(userById, id).active();
            RepProfile p = profiles.get(id);
            if (p != null) {
              held.addAll(p.skills());
            }
          }
          if (!anyActive) {
            warnings.add(Problem.of(path, "no member of the pool is active; every lead falls "
                + "back to the default owner"));
          }
          for (String skill : new TreeSet<>(d.requiredSkills())) {
            if (!held.contains(skill)) {
              warnings.add(Problem.of(path + ".requiredSkills", "no member of the pool has "
                  + "skill '%s'; every lead falls back to the default owner", skill));
            }
          }
        }
      }
    }
  }

  /** Entry {@code j} is unreachable if an earlier entry's condition holds for all its leads. */
  private void checkShadowing(int j) {
    Condition cj = entries.get(j).condition();
    for (int i = 0; i < j; i++) {
      if (invalidConditions.contains(i)) {
        continue;
      }
      Condition ci = entries.get(i).condition();
      if (implies(cj, ci)) {
        problems.add(Problem.of("entries[" + j + "]", "entry '%s' is unreachable: every lead "
            + "it matches (%s) is matched first by entries[%d] '%s' (%s)", entries.get(j).name(),
            cj, i, entries.get(i).name(), ci));
        return;
      }
    }
    for (int i = 0; i < j; i++) {
      if (invalidConditions.contains(i)) {
        continue;
      }
      Condition ci = entries.get(i).condition();
      if (overlaps(ci, cj)) {
        warnings.add(Problem.of("entries[" + j + "]", "entry '%s' overlaps entries[%d] '%s': "
            + "leads matching both (%s; %s) go to '%s'", entries.get(j).name(), i,
            entries.get(i).name(), ci, cj, entries.get(i).name()));
      }
    }
  }

  /** Whether every lead matching {@code narrow} also matches {@code wide}. */
  private boolean implies(Condition narrow, Condition wide) {
    return covered(narrow.territories(), wide.territories(), territories)
        && covered(narrow.productLines(), wide.productLines(), productLines)
        && subset(narrow.industries(), wide.industries())
        && subset(narrow.sizeBands(), wide.sizeBands())
        && subset(narrow.sources(), wide.sources())
        && subset(narrow.valueTiers(), wide.valueTiers())
        && (wide.minScore().isEmpty() || narrow.minScore().isPresent()
            && narrow.minScore().getAsDouble() >= wide.minScore().getAsDouble())
        && (wide.maxScore().isEmpty() || narrow.maxScore().isPresent()
            && narrow.maxScore().getAsDouble() <= wide.maxScore().getAsDouble());
  }

  private static <K> boolean covered(Set<K> narrow, Set<K> wide, Hierarchy<K> h) {
    if (wide.isEmpty()) {
      return true;
    }
    if (narrow.isEmpty()) {
      return false;
    }
    for (K n : narrow) {
      boolean in = false;
      for (K w : wide) {
        if (h.isInSubtree(w, n)) {
          in = true;
          break;
        }
      }
      if (!in) {
        return false;
      }
    }
    return true;
  }

  private static <V> boolean subset(Set<V> narrow, Set<V> wide) {
    return wide.isEmpty() || !narrow.isEmpty() && wide.containsAll(narrow);
  }

  /** Whether some lead matches both conditions. */
  private boolean overlaps(Condition a, Condition b) {
    return related(a.territories(), b.territories(), territories)
        && related(a.productLines(), b.productLines(), productLines)
        && intersect(a.industries(), b.industries())
        && intersect(a.sizeBands(), b.sizeBands())
        && intersect(a.sources(), b.sources())
        && intersect(a.valueTiers(), b.valueTiers())
        && Math.max(a.minScore().orElse(Double.NEGATIVE_INFINITY),
            b.minScore().orElse(Double.NEGATIVE_INFINITY))
            <= Math.min(a.maxScore().orElse(Double.POSITIVE_INFINITY),
                b.maxScore().orElse(Double.POSITIVE_INFINITY));
  }

  private static <K> boolean related(Set<K> a, Set<K> b, Hierarchy<K> h) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (K x : a) {
      for (K y : b) {
        if (h.isInSubtree(x, y) || h.isInSubtree(y, x)) {
          return true;
        }
      }
    }
    return false;
  }

  private static <V> boolean intersect(Set<V> a, Set<V> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    for (V v : a) {
      if (b.contains(v)) {
        return true;
      }
    }
    return false;
  }
}

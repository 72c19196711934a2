package org.crmkit.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of user rosters ({@code [{"id": "bob", "orgUnit": "sales",
 * "manager": "mia", "roles": ["rep"]}]}), shared by the access-data and team documents: the same
 * defaults ({@code name} = id, {@code active} = true) and the same checks (duplicate ids, unknown
 * org units, territories and managers, manager cycles) with the same messages.
 */
final class Users {
  /** The default org unit of a document without org units. */
  static final String DEFAULT_ORG_UNIT = "default";

  final Shape shape;

  /**
   * A user shape; {@code orgUnitRequired} where the document declares org units; {@code more}
   * declares the document's own fields (as {@link Shape#Shape(String, String...)}).
   */
  Users(String shapeName, boolean orgUnitRequired, String... more) {
    shape = new Shape(shapeName, Stream.concat(Stream.of("id", "name?",
        orgUnitRequired ? "orgUnit" : "orgUnit?", "manager?", "roles?", "territories?", "teams?",
        "active?"), Stream.of(more)).toArray(String[]::new));
  }

  /** One element of a roster: its object, its id and the user (null if it had problems). */
  record Member(In in, @Nullable String id, @Nullable User user) {}

  /**
   * Reads the roster array {@code field}, handing each element to {@code each} as soon as its user
   * fields are read (so that problems come in document order); {@code units} and {@code known}
   * (territories), when given, are checked.
   */
  void read(In root, String field, @Nullable Set<OrgUnitId> units,
      @Nullable Set<TerritoryId> known, Consumer<Member> each) {
    Map<String, ProblemPath> ids = new LinkedHashMap<>();
    Map<String, String> managers = new HashMap<>();
    Map<String, ProblemPath> managerPaths = new HashMap<>();
    for (In u : root.objects(field, shape)) {
      int before = u.problems.count();
      String userId = u.text("id");
      String unit = u.text("orgUnit");
      String boss = u.text("manager");
      if (userId != null && ids.putIfAbsent(userId, u.at("id")) != null) {
        u.problems.add(u.at("id"), "duplicate user id '%s'", userId);
      }
      if (unit != null && units != null && !units.contains(OrgUnitId.of(unit))) {
        u.problems.add(u.at("orgUnit"), "unknown org unit '%s'", unit);
      }
      List<TerritoryId> ts =
          u.parsedStrings("territories", false, "a territory id", TerritoryId::of);
      for (int k = 0; known != null && k < ts.size(); k++) {
        if (!known.contains(ts.get(k))) {
          u.problems.add(u.at("territories").index(k), "unknown territory '%s'", ts.get(k));
        }
      }
      if (userId != null && boss != null) {
        managers.put(userId, boss);
        managerPaths.put(userId, u.at("manager"));
      }
      String label = u.text("name");
      User.Builder b = User.builder().name(label != null ? label : userId == null ? "?" : userId)
          .orgUnit(OrgUnitId.of(unit == null ? DEFAULT_ORG_UNIT : unit))
          .active(u.bool("active", true)).addAllTerritories(ts)
          .addAllRoles(u.parsedStrings("roles", false, "a role id", RoleId::of))
          .addAllTeams(u.parsedStrings("teams", false, "a team id", TeamId::of))
          .manager(Optional.ofNullable(boss).map(UserId::of));
      User user = userId == null || u.problems.count() > before ? null
          : u.problems.attempt(u.path, () -> b.id(UserId.of(userId)).build());
      each.accept(new Member(u, userId, user));
    }
    managers.forEach((user, boss) -> {
      if (!ids.containsKey(boss)) {
        root.problems.add(Objects.requireNonNull(managerPaths.get(user)),
            "unknown manager '%s'; known users: %s", boss, new TreeSet<>(ids.keySet()));
      }
    });
    cycles(root, managers, managerPaths, ids.keySet());
  }

  /** Reports each manager cycle once, at the manager field of its first user in document order. */
  private static void cycles(In root, Map<String, String> managers,
      Map<String, ProblemPath> paths, Iterable<String> order) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current walk, 2 = done
    for (String start : order) {
      List<String> walk = new ArrayList<>();
      String u = start;
      while (u != null && !state.containsKey(u)) {
        state.put(u, 1);
        walk.add(u);
        u = managers.get(u);
      }
      if (u != null && Integer.valueOf(1).equals(state.get(u))) {
        List<String> cycle = walk.subList(walk.indexOf(u), walk.size());
        String first = cycle.stream().filter(paths::containsKey).findFirst().orElse(u);
        ProblemPath at = Objects.requireNonNull(paths.get(first));
        if (cycle.size() == 1) {
          root.problems.add(at, "a user cannot be their own manager ('%s')", first);
        } else {
          root.problems.add(at, "manager cycle of %d users: %s", cycle.size(), abbreviated(cycle));
        }
      }
      walk.forEach(w -> state.put(w, 2));
    }
  }

  private static String abbreviated(List<String> cycle) {
    List<String> shown = cycle.size() <= 8 ? cycle
        : List.of(cycle.get(0), cycle.get(1), cycle.get(2), "…", cycle.get(cycle.size() - 2),
            cycle.get(cycle.size() - 1));
    return String.join(" → ", shown) + " → " + cycle.get(0);
  }

  /** Writes {@code user}, leaving out defaults. */
  void write(Out o, User user) {
    o.put("id", user.id()).put("name", user.name().equals(user.id().value()) ? null : user.name());
    o.put("orgUnit", shape.field("orgUnit").required()
        || !user.orgUnit().value().equals(DEFAULT_ORG_UNIT) ? user.orgUnit() : null);
    o.put("manager", user.manager().orElse(null)).strings("roles", new TreeSet<>(user.roles()))
        .strings("territories", new TreeSet<>(user.territories()))
        .strings("teams", new TreeSet<>(user.teams()));
    if (!user.active()) {
      o.put("active", false);
    }
  }
}

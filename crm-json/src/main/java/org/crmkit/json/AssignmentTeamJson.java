package org.crmkit.json;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.OutOfOffice;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.WorkingHours;
import org.crmkit.core.model.User;

/**
 * Reads and writes the versioned team document ({@code "format": "crmkit.assignment-team/1"}):
 * the users (crm-core {@link User} fields) with their assignment {@link RepProfile}s. Stateless
 * and thread-safe.
 *
 * <pre>{@code
 * {"format": "crmkit.assignment-team/1",
 *  "users": [{"id": "bob", "name": "Bob", "orgUnit": "sales-emea", "manager": "alice",
 *             "roles": ["rep"], "territories": ["de"], "teams": ["emea"], "active": true,
 *             "weight": 2, "capacity": {"limit": 20, "period": "DAY"}, "zone": "Europe/Berlin",
 *             "workingHours": {"days": ["MONDAY", "TUESDAY"], "start": "09:00", "end": "17:00"},
 *             "outOfOffice": [{"from": "2026-12-24T00:00:00Z", "until": "2027-01-02T00:00:00Z"}],
 *             "skills": ["german"]}]}
 * }</pre>
 *
 * <p>Only {@code id} is required; {@code name} defaults to the id, {@code orgUnit} to {@code
 * "default"}, {@code active} to true, {@code weight} to 1, {@code zone} to UTC. Managers must be
 * users of the team, without cycles (the same roster rules as the access-data document).
 */
public final class AssignmentTeamJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.assignment-team/1";

  static final Shape ROOT = Shape.document("assignment team document", "users");
  static final Users USERS = new Users("team member", false, "weight?", "capacity?", "zone?",
      "workingHours?", "outOfOffice?", "skills?");
  static final Shape CAPACITY_SHAPE = new Shape("capacity", "limit", "period");
  static final Shape HOURS_SHAPE = new Shape("working hours", "days", "start", "end");
  static final Shape AWAY_SHAPE = new Shape("out of office", "from", "until");

  /**
   * The document from and to any source. Reading throws {@link InvalidDefinitionException} listing
   * every problem with its JSON path: syntax, format, unknown fields, wrong types, duplicate ids,
   * unknown managers, manager cycles, bad zones, times, days, periods, weights, limits and
   * intervals. Writing gives a document that reads back into an equal team; it throws {@link
   * CrmException} if a profile names a user that is not in the team, or the lists differ in length.
   */
  public static final JsonDocument<Team> DOCUMENT =
      new JsonDocument<>(FORMAT, ROOT, AssignmentTeamJson::read, AssignmentTeamJson::tree);

  private AssignmentTeamJson() {}

  /**
   * A team: the users and their profiles, in document order. Immutable.
   *
   * @param users the users
   * @param profiles one profile per user
   */
  public record Team(List<User> users, List<RepProfile> profiles) {
    /** Creates the value (copies the lists). */
    public Team {
      users = List.copyOf(users);
      profiles = List.copyOf(profiles);
    }
  }

  private static Team read(In root) {
    List<User> users = new ArrayList<>();
    List<RepProfile> profiles = new ArrayList<>();
    USERS.read(root, "users", null, null, m -> {
      In n = m.in();
      int before = n.problems.count();
      RepProfile.Builder p = RepProfile.builder();
      Integer weight = n.integer("weight", 1);
      if (weight != null) {
        p.weight(weight);
      }
      In c = n.object("capacity", CAPACITY_SHAPE);
      if (c != null) {
        Integer limit = c.integer("limit", 1);
        Capacity.Period period = c.enumValue("period", Capacity.Period.class);
        if (limit != null && period != null) {
          p.capacity(new Capacity(limit, period));
        }
      }
      ZoneId zone = n.zone("zone");
      if (zone != null) {
        p.zone(zone);
      }
      In h = n.object("workingHours", HOURS_SHAPE);
      if (h != null) {
        List<DayOfWeek> days = h.enumValues("days", DayOfWeek.class);
        LocalTime start = h.time("start");
        LocalTime end = h.time("end");
        if (start != null && end != null && !days.isEmpty()) {
          p.workingHours(Optional.ofNullable(h.problems.attempt(h.path,
              () -> new WorkingHours(EnumSet.copyOf(days), start, end))));
        }
      }
      p.addAllOutOfOffice(n.list("outOfOffice", AWAY_SHAPE, a -> {
        Instant from = a.instant("from");
        Instant until = a.instant("until");
        return from == null || until == null ? null
            : a.problems.attempt(a.at("until"), () -> new OutOfOffice(from, until));
      }));
      p.addAllSkills(n.strings("skills", false));
      User user = m.user();
      if (user != null && n.problems.count() == before) {
        RepProfile profile = n.problems.attempt(n.path, () -> p.user(user.id()).build());
        if (profile != null) {
          users.add(user);
          profiles.add(profile);
        }
      }
    });
    return new Team(users, profiles);
  }

  private static void tree(Out root, Team team) {
    if (team.users().size() != team.profiles().size()) {
      throw new CrmException("a team needs one profile per user, but has " + team.users().size()
          + " users and " + team.profiles().size() + " profiles");
    }
    root.array("users");
    for (int i = 0; i < team.users().size(); i++) {
      User u = team.users().get(i);
      RepProfile p = team.profiles().get(i);
      if (!p.user().equals(u.id())) {
        throw new CrmException("profile " + i + " is for user '" + p.user() + "', but user " + i
            + " is '" + u.id() + "'");
      }
      Out o = root.element("users");
      USERS.write(o, u);
      if (p.weight() != 1) {
        o.put("weight", p.weight());
      }
      p.capacity().ifPresent(c ->
          o.object("capacity").put("limit", c.limit()).put("period", c.period()));
      o.put("zone", p.zone().equals(ZoneOffset.UTC) ? null : p.zone().getId());
      p.workingHours().ifPresent(h -> o.object("workingHours")
          .strings("days", new TreeSet<>(h.days())).put("start", h.start()).put("end", h.end()));
      p.outOfOffice().forEach(a ->
          o.element("outOfOffice").put("from", a.from()).put("until", a.until()));
      o.strings("skills", new TreeSet<>(p.skills()));
    }
  }
}

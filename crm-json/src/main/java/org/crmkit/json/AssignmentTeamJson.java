package org.crmkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.OutOfOffice;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.WorkingHours;
import org.crmkit.core.model.User;
import org.crmkit.json.Shape.Field;

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

  static final Shape ROOT = Documents.shape("assignment team document");
  static final Field USERS_FIELD = ROOT.required("users");
  static final Users USERS = new Users("team member", false);
  static final Field WEIGHT = USERS.shape.optional("weight");
  static final Field CAPACITY = USERS.shape.optional("capacity");
  static final Field ZONE = USERS.shape.optional("zone");
  static final Field HOURS = USERS.shape.optional("workingHours");
  static final Field AWAY = USERS.shape.optional("outOfOffice");
  static final Field SKILLS = USERS.shape.optional("skills");
  static final Shape CAPACITY_SHAPE = new Shape("capacity");
  static final Field LIMIT = CAPACITY_SHAPE.required("limit");
  static final Field PERIOD = CAPACITY_SHAPE.required("period");
  static final Shape HOURS_SHAPE = new Shape("working hours");
  static final Field DAYS = HOURS_SHAPE.required("days");
  static final Field START = HOURS_SHAPE.required("start");
  static final Field END = HOURS_SHAPE.required("end");
  static final Shape AWAY_SHAPE = new Shape("out of office");
  static final Field FROM = AWAY_SHAPE.required("from");
  static final Field UNTIL = AWAY_SHAPE.required("until");
  private static final String WHAT = "assignment team document";

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

  /**
   * Reads a team document.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: syntax, format,
   *     unknown fields, wrong types, duplicate ids, unknown managers, manager cycles, bad zones,
   *     times, days, periods, weights, limits and intervals
   */
  public static Team read(String json) {
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    List<User> users = new ArrayList<>();
    List<RepProfile> profiles = new ArrayList<>();
    USERS.read(root, USERS_FIELD, null, null, m -> {
      In n = m.in();
      int before = n.problems.count();
      RepProfile.Builder p = RepProfile.builder();
      Integer weight = n.integer(WEIGHT, 1);
      if (weight != null) {
        p.weight(weight);
      }
      In c = n.object(CAPACITY, CAPACITY_SHAPE);
      if (c != null) {
        Integer limit = c.integer(LIMIT, 1);
        Capacity.Period period = c.enumValue(PERIOD, Capacity.Period.class);
        if (limit != null && period != null) {
          p.capacity(new Capacity(limit, period));
        }
      }
      ZoneId zone = n.zone(ZONE);
      if (zone != null) {
        p.zone(zone);
      }
      In h = n.object(HOURS, HOURS_SHAPE);
      if (h != null) {
        List<DayOfWeek> days = h.parsedStrings(DAYS, true, "a day such as MONDAY",
            d -> DayOfWeek.valueOf(d.toUpperCase(java.util.Locale.ROOT)));
        LocalTime start = h.time(START);
        LocalTime end = h.time(END);
        if (start != null && end != null && !days.isEmpty()) {
          WorkingHours hours = h.problems.attempt(h.path,
              () -> new WorkingHours(java.util.EnumSet.copyOf(days), start, end));
          if (hours != null) {
            p.workingHours(hours);
          }
        }
      }
      for (In a : n.objects(AWAY, AWAY_SHAPE)) {
        Instant from = a.instant(FROM);
        Instant until = a.instant(UNTIL);
        OutOfOffice away = from == null || until == null ? null
            : a.problems.attempt(a.at(UNTIL), () -> new OutOfOffice(from, until));
        if (away != null) {
          p.addOutOfOffice(away);
        }
      }
      p.addAllSkills(n.strings(SKILLS, false));
      User user = m.user();
      if (user != null && n.problems.count() == before) {
        RepProfile profile = n.problems.attempt(n.path, () -> p.user(user.id()).build());
        if (profile != null) {
          users.add(user);
          profiles.add(profile);
        }
      }
    });
    root.problems.throwIfAny();
    return new Team(users, profiles);
  }

  /**
   * Reads a team document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static Team read(InputStream in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a team document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static Team read(Reader in) throws IOException {
    return read(JsonText.read(in));
  }

  /**
   * Reads a team document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String)}
   */
  public static Team read(Path file) throws IOException {
    return read(JsonText.read(file));
  }

  /**
   * Writes a team document that {@link #read} turns back into an equal team.
   *
   * @throws CrmException if a profile names a user that is not in the team, or the lists differ
   *     in length
   */
  public static String write(Team team) {
    Objects.requireNonNull(team, "team");
    if (team.users().size() != team.profiles().size()) {
      throw new CrmException("a team needs one profile per user, but has " + team.users().size()
          + " users and " + team.profiles().size() + " profiles");
    }
    Out root = Out.document(FORMAT).array(USERS_FIELD);
    for (int i = 0; i < team.users().size(); i++) {
      User u = team.users().get(i);
      RepProfile p = team.profiles().get(i);
      if (!p.user().equals(u.id())) {
        throw new CrmException("profile " + i + " is for user '" + p.user() + "', but user " + i
            + " is '" + u.id() + "'");
      }
      Out o = root.element(USERS_FIELD);
      USERS.write(o, u);
      if (p.weight() != 1) {
        o.number(WEIGHT, p.weight());
      }
      p.capacity().ifPresent(c ->
          o.object(CAPACITY).number(LIMIT, c.limit()).put(PERIOD, c.period()));
      o.put(ZONE, p.zone().equals(ZoneOffset.UTC) ? null : p.zone().getId());
      p.workingHours().ifPresent(h -> o.object(HOURS).strings(DAYS, new TreeSet<>(h.days()))
          .put(START, h.start()).put(END, h.end()));
      p.outOfOffice().forEach(a -> o.element(AWAY).put(FROM, a.from()).put(UNTIL, a.until()));
      o.strings(SKILLS, new TreeSet<>(p.skills()));
    }
    return root.text();
  }
}

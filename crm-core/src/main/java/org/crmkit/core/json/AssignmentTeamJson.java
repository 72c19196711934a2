package org.crmkit.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.OutOfOffice;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.WorkingHours;
import org.crmkit.core.internal.JsonReading;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Reads the versioned team document ({@code "format": "crmkit.assignment-team/1"}): the users
 * (crm-core {@link User} fields) with their assignment {@link RepProfile}s. Stateless and
 * thread-safe.
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
 * "default"}, {@code active} to true, {@code weight} to 1, {@code zone} to UTC.
 */
public final class AssignmentTeamJson {
  /** The format this reader understands. */
  public static final String FORMAT = "crmkit.assignment-team/1";

  private static final List<String> ROOT = List.of("format", "users");
  private static final List<String> USER = List.of("id", "name", "orgUnit", "manager", "roles",
      "territories", "teams", "active", "weight", "capacity", "zone", "workingHours",
      "outOfOffice", "skills");

  private AssignmentTeamJson() {}

  /**
   * A team read from a document: the users and their profiles, in document order.
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
   *     unknown fields, wrong types, duplicate ids, unknown managers, bad zones, times, days,
   *     periods, weights, limits and intervals
   */
  public static Team read(String json) {
    JsonNode root = JsonReading.parse(json, "assignment team document");
    JsonReading r = new JsonReading();
    List<User> users = new ArrayList<>();
    List<RepProfile> profiles = new ArrayList<>();
    if (r.checkFormat(root, FORMAT)) {
      r.unknownFields(root, "$", ROOT);
      List<JsonNode> nodes = r.array(root, "users", "$", true);
      Set<String> ids = new HashSet<>();
      List<String> managers = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        String path = "$.users[" + i + "]";
        JsonNode n = nodes.get(i);
        if (!r.requireObject(n, path)) {
          continue;
        }
        r.unknownFields(n, path, USER);
        String id = r.text(n, "id", path);
        if (id != null && !ids.add(id)) {
          r.problem(path + ".id", "duplicate user '%s'", id);
        }
        Optional<String> manager = r.optionalText(n, "manager", path);
        manager.ifPresent(m -> managers.add(path + ".manager=" + m));
        User.Builder u = User.builder();
        RepProfile.Builder p = RepProfile.builder();
        int before = r.problems().size();
        u.name(r.optionalText(n, "name", path).orElse(id == null ? "?" : id));
        u.orgUnit(OrgUnitId.of(r.optionalText(n, "orgUnit", path).orElse("default")));
        manager.ifPresent(m -> u.manager(UserId.of(m)));
        strings(r, n, "roles", path).forEach(s -> u.addRoles(RoleId.of(s)));
        strings(r, n, "territories", path).forEach(s -> u.addTerritories(TerritoryId.of(s)));
        strings(r, n, "teams", path).forEach(s -> u.addTeams(TeamId.of(s)));
        u.active(r.bool(n, "active", path, true));
        if (n.has("weight")) {
          Integer w = r.integer(n, "weight", path);
          if (w != null && w < 1) {
            r.problem(path + ".weight", "expected an integer >= 1, but found %d", w);
          } else if (w != null) {
            p.weight(w);
          }
        }
        if (n.has("capacity") && r.requireObject(n.get("capacity"), path + ".capacity")) {
          readCapacity(r, n.get("capacity"), path + ".capacity").ifPresent(p::capacity);
        }
        r.optionalText(n, "zone", path).ifPresent(z -> {
          try {
            p.zone(ZoneId.of(z));
          } catch (RuntimeException e) {
            r.problem(path + ".zone", "unknown time zone '%s'; expected e.g. 'Europe/Berlin' or "
                + "'UTC'", z);
          }
        });
        if (n.has("workingHours")
            && r.requireObject(n.get("workingHours"), path + ".workingHours")) {
          readHours(r, n.get("workingHours"), path + ".workingHours").ifPresent(p::workingHours);
        }
        List<JsonNode> away = r.array(n, "outOfOffice", path, false);
        for (int k = 0; k < away.size(); k++) {
          String ap = path + ".outOfOffice[" + k + "]";
          if (r.requireObject(away.get(k), ap)) {
            r.unknownFields(away.get(k), ap, List.of("from", "until"));
            Instant from = instant(r, away.get(k), "from", ap);
            Instant until = instant(r, away.get(k), "until", ap);
            if (from != null && until != null) {
              if (!until.isAfter(from)) {
                r.problem(ap + ".until", "must be after from (%s), but was %s", from, until);
              } else {
                p.addOutOfOffice(new OutOfOffice(from, until));
              }
            }
          }
        }
        p.addAllSkills(strings(r, n, "skills", path));
        if (id != null && r.problems().size() == before) {
          try {
            User user = u.id(UserId.of(id)).build();
            users.add(user);
            profiles.add(p.user(user.id()).build());
          } catch (CrmException e) {
            r.problem(path, "%s", e.getMessage());
          }
        }
      }
      for (String m : managers) {
        int eq = m.lastIndexOf('=');
        if (!ids.contains(m.substring(eq + 1))) {
          r.problem(m.substring(0, eq), "unknown manager '%s'; known users: %s",
              m.substring(eq + 1), new java.util.TreeSet<>(ids));
        }
      }
    }
    r.throwIfAny("assignment team document");
    return new Team(users, profiles);
  }

  private static Optional<Capacity> readCapacity(JsonReading r, JsonNode c, String path) {
    r.unknownFields(c, path, List.of("limit", "period"));
    Integer limit = r.integer(c, "limit", path);
    String period = r.text(c, "period", path);
    if (limit != null && limit < 1) {
      r.problem(path + ".limit", "expected an integer >= 1, but found %d", limit);
      limit = null;
    }
    Capacity.Period pe = null; // set below when valid
    if (period != null) {
      try {
        pe = Capacity.Period.valueOf(period.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        r.problem(path + ".period", "unknown period '%s'; expected one of %s", period,
            List.of(Capacity.Period.values()));
      }
    }
    return limit == null || pe == null ? Optional.empty() : Optional.of(new Capacity(limit, pe));
  }

  private static Optional<WorkingHours> readHours(JsonReading r, JsonNode h, String path) {
    r.unknownFields(h, path, List.of("days", "start", "end"));
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    boolean ok = true;
    List<String> dayNames = strings(r, h, "days", path);
    if (!h.has("days")) {
      r.problem(path + ".days", "required array is missing");
      ok = false;
    }
    for (String d : dayNames) {
      try {
        days.add(DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        r.problem(path + ".days", "unknown day '%s'; expected one of %s", d,
            List.of(DayOfWeek.values()));
        ok = false;
      }
    }
    if (ok && days.isEmpty()) {
      r.problem(path + ".days", "expected at least one day");
      ok = false;
    }
    LocalTime start = time(r, h, "start", path);
    LocalTime end = time(r, h, "end", path);
    if (start != null && end != null && !end.isAfter(start)) {
      r.problem(path + ".end", "must be after start (%s), but was %s; shifts across midnight are "
          + "not supported", start, end);
      ok = false;
    }
    return ok && start != null && end != null
        ? Optional.of(new WorkingHours(days, start, end)) : Optional.empty();
  }

  private static @Nullable LocalTime time(JsonReading r, JsonNode n, String field, String path) {
    String t = r.text(n, field, path);
    if (t == null) {
      return null;
    }
    try {
      return LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      r.problem(path + "." + field, "expected a time like \"09:00\", but found \"%s\"", t);
      return null;
    }
  }

  static @Nullable Instant instant(JsonReading r, JsonNode n, String field, String path) {
    String t = r.text(n, field, path);
    if (t == null) {
      return null;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      r.problem(path + "." + field, "expected an ISO-8601 instant like "
          + "\"2026-11-23T09:00:00Z\", but found \"%s\"", t);
      return null;
    }
  }

  /** An optional array of non-blank strings. */
  static List<String> strings(JsonReading r, JsonNode n, String field, String path) {
    return r.strings(n, field, path, false);
  }
}

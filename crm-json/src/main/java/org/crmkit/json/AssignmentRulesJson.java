package org.crmkit.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.ProblemPath;
import org.crmkit.core.assignment.AssignmentEntry;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.Condition;
import org.crmkit.core.assignment.Distribution;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the versioned assignment-rules document ({@code "format":
 * "crmkit.assignment-rules/1"}). Stateless and thread-safe.
 *
 * <pre>{@code
 * {"format": "crmkit.assignment-rules/1",
 *  "territories": [{"id": "global"}, {"id": "emea", "parent": "global"}],
 *  "productLines": [{"id": "electronics"}, {"id": "phones", "parent": "electronics"}],
 *  "entries": [
 *    {"name": "emea-key",
 *     "condition": {"territories": ["emea"], "sizeBands": ["ENTERPRISE"], "minScore": 50},
 *     "target": {"user": "alice"}},
 *    {"name": "emea",
 *     "condition": {"territories": ["emea"]},
 *     "target": {"strategy": "WEIGHTED_ROUND_ROBIN", "team": "emea",
 *                "requiredSkills": ["german"], "requireTerritoryCoverage": true}},
 *    {"name": "web", "condition": {"sources": ["web"]}, "target": {"queue": "inside-sales"}}],
 *  "defaultOwner": {"queue": "inside-sales"}}
 * }</pre>
 *
 * <p>Condition fields: {@code territories}, {@code productLines}, {@code industries}, {@code
 * sizeBands}, {@code sources}, {@code valueTiers} (non-empty arrays of strings; absent means
 * any), {@code minScore}, {@code maxScore} (numbers, inclusive). A target has exactly one of
 * {@code user}, {@code queue} or {@code strategy} (with {@code team} or {@code users}). Users and
 * teams come from the team (see {@link AssignmentTeamJson}); a team is known if some user belongs
 * to it.
 */
public final class AssignmentRulesJson {
  /** The format this reader understands and the writer produces. */
  public static final String FORMAT = "crmkit.assignment-rules/1";

  static final Shape ROOT = Shape.document("assignment rules document", "territories?",
      "productLines?", "entries", "defaultOwner");
  static final Shape ENTRY = new Shape("entry", "name", "condition?", "target");
  static final Shape COND = new Shape("condition", "territories?", "productLines?", "industries?",
      "sizeBands?", "sources?", "valueTiers?", "minScore?", "maxScore?");
  static final Shape TARGET_SHAPE = new Shape("target", "user?", "queue?", "strategy?", "team?",
      "users?", "requiredSkills?", "requireTerritoryCoverage?");

  private AssignmentRulesJson() {}

  /**
   * The document from and to any source, read over {@code team} ({@link #read(String,
   * AssignmentTeamJson.Team)} lists the problems reported; writing leaves the team out).
   */
  public static JsonDocument<AssignmentRules> document(AssignmentTeamJson.Team team) {
    Objects.requireNonNull(team, "team");
    return new JsonDocument<>(FORMAT, ROOT, root -> read(root, team), AssignmentRulesJson::tree);
  }

  /**
   * Reads a rules document and builds the rules over {@code team}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: syntax, format,
   *     unknown fields, wrong types, bad hierarchies, and every problem of {@link
   *     AssignmentRules.Builder#build()} (unknown users, teams, territories; unreachable entries;
   *     team problems at {@code team.…})
   */
  public static AssignmentRules read(String json, AssignmentTeamJson.Team team) {
    return document(team).read(json);
  }

  /**
   * Reads a rules document whose team is not available (its document is invalid): the rules are
   * built over a stand-in team holding exactly the users and teams the rules name (active users
   * on a flat {@code "default"} org unit, each on every named team, without profiles), so that
   * only the rules' own problems are reported, never a false "unknown user" or "unknown team".
   * The result is for checking (its territories and product lines are the document's); it is not
   * fit for assigning, and the rules' references to users and teams are not checked.
   *
   * <pre>{@code
   * try {
   *   AssignmentRulesJson.readWithoutTeam(json);
   * } catch (InvalidDefinitionException e) {
   *   e.problems().forEach(System.out::println); // the rules' own problems only
   * }
   * }</pre>
   *
   * @throws InvalidDefinitionException listing every problem of the document that does not
   *     depend on the team: syntax, format, shapes, hierarchies, unknown territories and product
   *     lines, unreachable entries
   */
  public static AssignmentRules readWithoutTeam(String json) {
    return new JsonDocument<AssignmentRules>(FORMAT, ROOT, root -> read(root, null),
        AssignmentRulesJson::tree).read(json);
  }

  /**
   * Writes rules as a document that {@link #read} turns back into equal entries, hierarchies and
   * default owner (users and profiles belong to the team document and are not written).
   */
  public static String write(AssignmentRules rules) {
    return document(new AssignmentTeamJson.Team(List.of(), List.of())).write(rules);
  }

  /** Reads the document over {@code team}, or over {@link #standIn} when it is null. */
  private static AssignmentRules read(In root, AssignmentTeamJson.@Nullable Team given) {
    AssignmentRules.Builder b = AssignmentRules.builder();
    List<Target> targets = new ArrayList<>();
    Hierarchy<TerritoryId> territories = root.has("territories") ? Nodes.hierarchy(root,
        "territories", TerritoryId::of, null, null, new HashSet<>()) : null;
    Hierarchy<ProductLineId> lines = root.has("productLines") ? Nodes.hierarchy(root,
        "productLines", ProductLineId::of, null, null, new HashSet<>()) : null;
    Optional.ofNullable(territories).ifPresent(b::territories);
    Optional.ofNullable(lines).ifPresent(b::productLines);
    for (In e : root.objects("entries", ENTRY)) {
      String name = e.text("name");
      In c = e.object("condition", COND);
      Condition condition =
          c == null ? (e.has("condition") ? null : Condition.any()) : condition(c);
      Target target = target(e, "target");
      if (target != null) {
        targets.add(target);
      }
      if (name != null && condition != null && target != null) {
        b.entry(new AssignmentEntry(name, condition, target));
      }
    }
    Target owner = target(root, "defaultOwner");
    if (owner != null) {
      targets.add(owner);
      b.defaultOwner(owner);
    }
    root.problems.throwIfAny();
    AssignmentTeamJson.Team team = given != null ? given : standIn(targets);
    b.users(team.users()).profiles(team.profiles());
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      throw e.relocated(ROOT.name(), p -> p.prefixedBy(p.startsWith("entries")
          || p.startsWith("defaultOwner") ? In.ROOT : ProblemPath.of("team")));
    }
  }

  /** Every user the targets name, each on every team they name (one stand-in user if none). */
  private static AssignmentTeamJson.Team standIn(List<Target> targets) {
    Set<UserId> users = new TreeSet<>(Comparator.comparing(UserId::value));
    Set<TeamId> teams = new TreeSet<>(Comparator.comparing(TeamId::value));
    for (Target t : targets) {
      t.user().ifPresent(users::add);
      t.queue().ifPresent(teams::add);
      t.distribution().ifPresent(d -> {
        users.addAll(d.users());
        d.team().ifPresent(teams::add);
      });
    }
    if (users.isEmpty()) {
      users.add(UserId.of("stand-in"));
    }
    List<User> members = new ArrayList<>();
    for (UserId id : users) {
      members.add(User.builder().id(id).name(id.value()).orgUnit(OrgUnitId.of("default"))
          .addAllTeams(teams).build());
    }
    return new AssignmentTeamJson.Team(members, List.of());
  }

  private static @Nullable Condition condition(In c) {
    int before = c.problems.count();
    Condition.Builder b = Condition.builder()
        .addAllTerritories(c.parsedStrings("territories", true, "a territory", TerritoryId::of))
        .addAllProductLines(
            c.parsedStrings("productLines", true, "a product line", ProductLineId::of))
        .addAllIndustries(c.strings("industries", true))
        .addAllSources(c.strings("sources", true))
        .addAllValueTiers(c.strings("valueTiers", true))
        .addAllSizeBands(c.enumValues("sizeBands", SizeBand.class));
    Double min = c.number("minScore");
    Double max = c.number("maxScore");
    if (min != null) {
      b.minScore(min);
    }
    if (max != null) {
      b.maxScore(max);
    }
    return c.problems.count() > before ? null : c.problems.attempt(c.path, b::build);
  }

  private static @Nullable Target target(In parent, String f) {
    In t = parent.object(f, TARGET_SHAPE);
    if (t == null) {
      return null;
    }
    int kinds = (t.has("user") ? 1 : 0) + (t.has("queue") ? 1 : 0) + (t.has("strategy") ? 1 : 0);
    if (kinds != 1) {
      t.problems.add(t.path, "expected exactly one of 'user', 'queue' or 'strategy', but found %d",
          kinds);
      return null;
    }
    if (t.has("user") || t.has("queue")) {
      for (String other : TARGET_SHAPE.names()) {
        if (t.has(other) && !other.equals("user") && !other.equals("queue")) {
          t.problems.add(t.at(other), "'%s' belongs to a 'strategy' target", other);
        }
      }
      UserId user = t.parsed("user", "a user id", UserId::of);
      TeamId queue = t.parsed("queue", "a team id", TeamId::of);
      return user != null ? Target.user(user) : queue != null ? Target.queue(queue) : null;
    }
    int before = t.problems.count();
    Strategy strategy = t.enumValue("strategy", Strategy.class);
    Distribution.Builder d = Distribution.builder()
        .addAllUsers(t.parsedStrings("users", false, "a user id", UserId::of))
        .addAllRequiredSkills(t.strings("requiredSkills", false))
        .requireTerritoryCoverage(t.bool("requireTerritoryCoverage", false))
        .team(Optional.ofNullable(t.parsed("team", "a team id", TeamId::of)));
    if (strategy == null || t.problems.count() > before) {
      return null;
    }
    Distribution distribution = t.problems.attempt(t.path, () -> d.strategy(strategy).build());
    return distribution == null ? null : Target.distribute(distribution);
  }

  private static void tree(Out root, AssignmentRules rules) {
    Nodes.write(root, "territories", rules.territories(), TerritoryId::value);
    Nodes.write(root, "productLines", rules.productLines(), ProductLineId::value);
    root.array("entries");
    for (AssignmentEntry e : rules.entries()) {
      Out n = root.element("entries").put("name", e.name());
      Condition c = e.condition();
      if (!c.equals(Condition.any())) {
        Out o = n.object("condition").strings("territories", new TreeSet<>(c.territories()))
            .strings("productLines", new TreeSet<>(c.productLines()))
            .strings("industries", new TreeSet<>(c.industries()))
            .strings("sizeBands", new TreeSet<>(c.sizeBands()))
            .strings("sources", new TreeSet<>(c.sources()))
            .strings("valueTiers", new TreeSet<>(c.valueTiers()));
        c.minScore().ifPresent(v -> o.put("minScore", v));
        c.maxScore().ifPresent(v -> o.put("maxScore", v));
      }
      writeTarget(n.object("target"), e.target());
    }
    writeTarget(root.object("defaultOwner"), rules.defaultOwner());
  }

  private static void writeTarget(Out o, Target t) {
    switch (t.kind()) {
      case USER -> o.put("user", t.user().orElseThrow());
      case QUEUE -> o.put("queue", t.queue().orElseThrow());
      default -> {
        Distribution d = t.distribution().orElseThrow();
        o.put("strategy", d.strategy()).put("team", d.team().orElse(null))
            .strings("users", d.users())
            .strings("requiredSkills", new TreeSet<>(d.requiredSkills()))
            .flag("requireTerritoryCoverage", d.requireTerritoryCoverage());
      }
    }
  }
}

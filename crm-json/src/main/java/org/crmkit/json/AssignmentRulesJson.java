package org.crmkit.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Locale;
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
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.crmkit.json.Shape.Field;
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

  static final Shape ROOT = Documents.shape("assignment rules document");
  static final Field TERRITORIES = ROOT.optional("territories");
  static final Field PRODUCT_LINES = ROOT.optional("productLines");
  static final Field ENTRIES = ROOT.required("entries");
  static final Field DEFAULT_OWNER = ROOT.required("defaultOwner");
  static final Shape ENTRY = new Shape("entry");
  static final Field NAME = ENTRY.required("name");
  static final Field CONDITION = ENTRY.optional("condition");
  static final Field TARGET = ENTRY.required("target");
  static final Shape COND = new Shape("condition");
  static final Field C_TERRITORIES = COND.optional("territories");
  static final Field C_PRODUCT_LINES = COND.optional("productLines");
  static final Field INDUSTRIES = COND.optional("industries");
  static final Field SIZE_BANDS = COND.optional("sizeBands");
  static final Field SOURCES = COND.optional("sources");
  static final Field VALUE_TIERS = COND.optional("valueTiers");
  static final Field MIN_SCORE = COND.optional("minScore");
  static final Field MAX_SCORE = COND.optional("maxScore");
  static final Shape TARGET_SHAPE = new Shape("target");
  static final Field USER = TARGET_SHAPE.optional("user");
  static final Field QUEUE = TARGET_SHAPE.optional("queue");
  static final Field STRATEGY = TARGET_SHAPE.optional("strategy");
  static final Field TEAM = TARGET_SHAPE.optional("team");
  static final Field USERS = TARGET_SHAPE.optional("users");
  static final Field SKILLS = TARGET_SHAPE.optional("requiredSkills");
  static final Field COVERAGE = TARGET_SHAPE.optional("requireTerritoryCoverage");
  private static final String WHAT = "assignment rules document";

  private AssignmentRulesJson() {}

  /**
   * Reads a rules document and builds the rules over {@code team}.
   *
   * @throws InvalidDefinitionException listing every problem with its JSON path: syntax, format,
   *     unknown fields, wrong types, bad hierarchies, and every problem of {@link
   *     AssignmentRules.Builder#build()} (unknown users, teams, territories; unreachable entries;
   *     team problems at {@code team.…})
   */
  public static AssignmentRules read(String json, AssignmentTeamJson.Team team) {
    In root = Documents.open(json, WHAT, FORMAT, ROOT);
    AssignmentRules.Builder b = AssignmentRules.builder().users(team.users())
        .profiles(team.profiles());
    if (root.has(TERRITORIES)) {
      Hierarchy<TerritoryId> h = Nodes.hierarchy(root, TERRITORIES, TerritoryId::of, null, null);
      if (h != null) {
        b.territories(h);
      }
    }
    if (root.has(PRODUCT_LINES)) {
      Hierarchy<ProductLineId> h =
          Nodes.hierarchy(root, PRODUCT_LINES, ProductLineId::of, null, null);
      if (h != null) {
        b.productLines(h);
      }
    }
    for (In e : root.objects(ENTRIES, ENTRY)) {
      String name = e.text(NAME);
      In c = e.object(CONDITION, COND);
      Condition condition = c == null ? (e.has(CONDITION) ? null : Condition.any()) : condition(c);
      Target target = target(e, TARGET);
      if (name != null && condition != null && target != null) {
        b.entry(new AssignmentEntry(name, condition, target));
      }
    }
    Target owner = target(root, DEFAULT_OWNER);
    if (owner != null) {
      b.defaultOwner(owner);
    }
    root.problems.throwIfAny();
    try {
      return b.build();
    } catch (InvalidDefinitionException e) {
      throw e.relocated(WHAT, p -> p.prefixedBy(p.startsWith("entries")
          || p.startsWith("defaultOwner") ? Documents.ROOT : ProblemPath.of("team")));
    }
  }

  /**
   * Reads a rules document from {@code in} (UTF-8, read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, AssignmentTeamJson.Team)}
   */
  public static AssignmentRules read(InputStream in, AssignmentTeamJson.Team team)
      throws IOException {
    return read(JsonText.read(in), team);
  }

  /**
   * Reads a rules document from {@code in} (read to the end, not closed).
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, AssignmentTeamJson.Team)}
   */
  public static AssignmentRules read(Reader in, AssignmentTeamJson.Team team) throws IOException {
    return read(JsonText.read(in), team);
  }

  /**
   * Reads a rules document from a UTF-8 file.
   *
   * @throws IOException if reading fails
   * @throws InvalidDefinitionException as {@link #read(String, AssignmentTeamJson.Team)}
   */
  public static AssignmentRules read(Path file, AssignmentTeamJson.Team team) throws IOException {
    return read(JsonText.read(file), team);
  }

  private static @Nullable Condition condition(In c) {
    int before = c.problems.count();
    Condition.Builder b = Condition.builder()
        .addAllTerritories(c.parsedStrings(C_TERRITORIES, true, "a territory", TerritoryId::of))
        .addAllProductLines(
            c.parsedStrings(C_PRODUCT_LINES, true, "a product line", ProductLineId::of))
        .addAllIndustries(c.strings(INDUSTRIES, true))
        .addAllSources(c.strings(SOURCES, true))
        .addAllValueTiers(c.strings(VALUE_TIERS, true))
        .addAllSizeBands(c.parsedStrings(SIZE_BANDS, true,
            "one of " + java.util.Arrays.toString(SizeBand.values()),
            s -> SizeBand.valueOf(s.toUpperCase(Locale.ROOT))));
    Double min = c.number(MIN_SCORE);
    Double max = c.number(MAX_SCORE);
    if (min != null) {
      b.minScore(min);
    }
    if (max != null) {
      b.maxScore(max);
    }
    return c.problems.count() > before ? null : c.problems.attempt(c.path, b::build);
  }

  private static @Nullable Target target(In parent, Field f) {
    In t = parent.object(f, TARGET_SHAPE);
    if (t == null) {
      return null;
    }
    int kinds = (t.has(USER) ? 1 : 0) + (t.has(QUEUE) ? 1 : 0) + (t.has(STRATEGY) ? 1 : 0);
    if (kinds != 1) {
      t.problems.add(t.path, "expected exactly one of 'user', 'queue' or 'strategy', but found %d",
          kinds);
      return null;
    }
    if (t.has(USER) || t.has(QUEUE)) {
      for (Field other : TARGET_SHAPE.fields()) {
        if (t.has(other) && other != USER && other != QUEUE) {
          t.problems.add(t.at(other), "'%s' belongs to a 'strategy' target", other.name());
        }
      }
      UserId user = t.parsed(USER, "a user id", UserId::of);
      TeamId queue = t.parsed(QUEUE, "a team id", TeamId::of);
      return user != null ? Target.user(user) : queue != null ? Target.queue(queue) : null;
    }
    int before = t.problems.count();
    Strategy strategy = t.enumValue(STRATEGY, Strategy.class);
    Distribution.Builder d = Distribution.builder()
        .addAllUsers(t.parsedStrings(USERS, false, "a user id", UserId::of))
        .addAllRequiredSkills(t.strings(SKILLS, false))
        .requireTerritoryCoverage(t.bool(COVERAGE, false));
    TeamId team = t.parsed(TEAM, "a team id", TeamId::of);
    if (team != null) {
      d.team(team);
    }
    if (strategy == null || t.problems.count() > before) {
      return null;
    }
    Distribution distribution = t.problems.attempt(t.path, () -> d.strategy(strategy).build());
    return distribution == null ? null : Target.distribute(distribution);
  }

  /**
   * Writes rules as a document that {@link #read} turns back into equal entries, hierarchies and
   * default owner (users and profiles belong to the team document and are not written).
   */
  public static String write(AssignmentRules rules) {
    Out root = Out.document(FORMAT);
    Nodes.write(root, TERRITORIES, rules.territories(), TerritoryId::value);
    Nodes.write(root, PRODUCT_LINES, rules.productLines(), ProductLineId::value);
    root.array(ENTRIES);
    for (AssignmentEntry e : rules.entries()) {
      Out n = root.element(ENTRIES).put(NAME, e.name());
      Condition c = e.condition();
      if (c.equals(Condition.any())) {
        writeTarget(n.object(TARGET), e.target());
        continue;
      }
      Out o = n.object(CONDITION).strings(C_TERRITORIES, new TreeSet<>(c.territories()))
          .strings(C_PRODUCT_LINES, new TreeSet<>(c.productLines()))
          .strings(INDUSTRIES, new TreeSet<>(c.industries()))
          .strings(SIZE_BANDS, new TreeSet<>(c.sizeBands()))
          .strings(SOURCES, new TreeSet<>(c.sources()))
          .strings(VALUE_TIERS, new TreeSet<>(c.valueTiers()));
      c.minScore().ifPresent(v -> o.number(MIN_SCORE, v));
      c.maxScore().ifPresent(v -> o.number(MAX_SCORE, v));
      writeTarget(n.object(TARGET), e.target());
    }
    writeTarget(root.object(DEFAULT_OWNER), rules.defaultOwner());
    return root.text();
  }

  private static void writeTarget(Out o, Target t) {
    switch (t.kind()) {
      case USER:
        o.put(USER, t.user().orElseThrow());
        break;
      case QUEUE:
        o.put(QUEUE, t.queue().orElseThrow());
        break;
      default:
        Distribution d = t.distribution().orElseThrow();
        o.put(STRATEGY, d.strategy()).put(TEAM, d.team().orElse(null)).strings(USERS, d.users())
            .strings(SKILLS, new TreeSet<>(d.requiredSkills()))
            .flag(COVERAGE, d.requireTerritoryCoverage());
    }
  }
}

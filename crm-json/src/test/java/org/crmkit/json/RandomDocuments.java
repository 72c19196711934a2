package org.crmkit.json;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.crmkit.core.assignment.AssignmentEntry;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.AssignmentState;
import org.crmkit.core.assignment.Capacity;
import org.crmkit.core.assignment.Condition;
import org.crmkit.core.assignment.Distribution;
import org.crmkit.core.assignment.OutOfOffice;
import org.crmkit.core.assignment.RepProfile;
import org.crmkit.core.assignment.Strategy;
import org.crmkit.core.assignment.Target;
import org.crmkit.core.assignment.WorkingHours;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.RoleId;
import org.crmkit.core.model.Transaction;
import org.crmkit.core.model.SizeBand;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.crmkit.permissions.PolicyDefinitions;
import org.crmkit.permissions.PolicyDefinitions.Allocation;
import org.crmkit.permissions.PolicyDefinitions.Deny;
import org.crmkit.permissions.PolicyDefinitions.FieldRule;
import org.crmkit.permissions.PolicyDefinitions.Grant;
import org.crmkit.permissions.PolicyDefinitions.ManualShare;
import org.crmkit.permissions.PolicyDefinitions.ModuleDef;
import org.crmkit.permissions.PolicyDefinitions.RecordTeam;
import org.crmkit.permissions.PolicyDefinitions.Role;
import org.crmkit.permissions.PolicyDefinitions.SharingRule;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.AdminPrivilege;
import org.crmkit.permissions.FieldAccess;
import org.crmkit.permissions.Group;
import org.crmkit.permissions.Module;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.Organisation;
import org.crmkit.permissions.Scope;
import org.crmkit.segmentation.clv.BgNbdFit;
import org.crmkit.segmentation.clv.BgNbdParameters;
import org.crmkit.segmentation.clv.ClvModel;
import org.crmkit.segmentation.clv.FitReport;
import org.crmkit.segmentation.clv.GammaGammaFit;
import org.crmkit.segmentation.clv.GammaGammaParameters;
import org.crmkit.segmentation.clv.PeriodUnit;
import org.crmkit.segmentation.rfm.FrequencyMeasure;
import org.crmkit.segmentation.rfm.MonetaryMeasure;
import org.crmkit.segmentation.rfm.RfmModel;
import org.crmkit.segmentation.rfm.RfmScorer;
import org.crmkit.segmentation.rfm.TiePolicy;
import org.crmkit.segmentation.rules.SegmentRules;

/** Random valid values of every document type, from a seeded {@link Random}. */
final class RandomDocuments {
  private RandomDocuments() {}

  static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** {@link #some} as a set, in a random order (sets of the definitions are unordered). */
  static <T> Set<T> set(Random r, List<T> values, int min) {
    List<T> out = some(r, values, min);
    java.util.Collections.shuffle(out, r);
    return new java.util.LinkedHashSet<>(out);
  }

  static <T> List<T> some(Random r, List<T> values, int min) {
    List<T> out = new ArrayList<>();
    for (T v : values) {
      if (r.nextBoolean()) {
        out.add(v);
      }
    }
    while (out.size() < min) {
      out.add(values.get(out.size()));
    }
    return out;
  }

  static Hierarchy<OrgUnitId> orgUnits(Random r) {
    Hierarchy.Builder<OrgUnitId> b = Hierarchy.builder();
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      b.node(OrgUnitId.of("u" + i), i == 0 ? null : OrgUnitId.of("u" + r.nextInt(i)), null);
    }
    return b.build();
  }

  static Hierarchy<TerritoryId> territories(Random r) {
    TerritoryId root = TerritoryId.of("global");
    Hierarchy.Builder<TerritoryId> b = Hierarchy.<TerritoryId>builder().root(root, "global");
    for (int g = 0, regions = 1 + r.nextInt(4); g < regions; g++) {
      TerritoryId region = TerritoryId.of("r" + g);
      b.child(root, region, "region");
      for (int c = r.nextInt(4); c > 0; c--) {
        b.child(region, TerritoryId.of("r" + g + "c" + c), "country");
      }
    }
    return b.build();
  }

  /** Users u0..un-1; managers are earlier users (no cycles). */
  static List<User> users(Random r, Hierarchy<OrgUnitId> units, Hierarchy<TerritoryId> ts) {
    List<User> out = new ArrayList<>();
    int n = 1 + r.nextInt(6);
    List<TerritoryId> territories = new ArrayList<>(ts.nodes());
    for (int i = 0; i < n; i++) {
      User.Builder b = User.builder().id(UserId.of("user" + i))
          .name(r.nextBoolean() ? "user" + i : "Name " + i)
          .orgUnit(pick(r, new ArrayList<>(units.nodes()))).active(r.nextInt(5) > 0)
          .addAllRoles(some(r, List.of(RoleId.of("rep"), RoleId.of("admin")), 0))
          .addAllTeams(some(r, List.of(TeamId.of("emea"), TeamId.of("apac")), 0));
      if (i == 0) {
        b.addTeams(TeamId.of("emea"));
      }
      if (!territories.isEmpty()) {
        b.addAllTerritories(some(r, territories.subList(0, Math.min(3, territories.size())), 0));
      }
      if (i > 0 && r.nextBoolean()) {
        b.manager(UserId.of("user" + r.nextInt(i)));
      }
      out.add(b.build());
    }
    return out;
  }

  static AccessData accessData(Random r) {
    Hierarchy<OrgUnitId> units = orgUnits(r);
    Hierarchy<TerritoryId> territories = territories(r);
    List<User> users = users(r, units, territories);
    List<AccessRecord> records = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      AccessRecord.Builder b = AccessRecord.builder().id("rec" + i)
          .type(pick(r, List.of(ObjectType.CUSTOMER, ObjectType.CASE, ObjectType.of("invoice"))))
          .owner(pick(r, users).id()).orgUnit(pick(r, new ArrayList<>(units.nodes())))
          .addAllMembers(some(r, users.stream().map(User::id).toList(), 0));
      if (r.nextBoolean()) {
        b.territory(pick(r, new ArrayList<>(territories.nodes())));
      }
      if (r.nextBoolean()) {
        b.team(TeamId.of("t" + r.nextInt(3)));
      }
      if (r.nextBoolean()) {
        b.putAttributes("industry", pick(r, List.of("retail", "defense", "é 中文")));
      }
      records.add(b.build());
    }
    return new AccessData(new Organisation(units, territories, users), records);
  }

  static AssignmentTeamJson.Team team(Random r) {
    Hierarchy<OrgUnitId> units = Hierarchy.<OrgUnitId>builder().root(OrgUnitId.of("default"))
        .build();
    List<User> users = users(r, units, territories(r));
    List<RepProfile> profiles = new ArrayList<>();
    for (User u : users) {
      RepProfile.Builder p = RepProfile.builder().user(u.id()).weight(1 + r.nextInt(3))
          .addAllSkills(some(r, List.of("german", "french"), 0));
      if (r.nextBoolean()) {
        p.capacity(new Capacity(1 + r.nextInt(30), pick(r, List.of(Capacity.Period.values()))));
      }
      if (r.nextBoolean()) {
        p.zone(pick(r, List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"),
            ZoneId.of("America/New_York"))));
      }
      if (r.nextBoolean()) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.addAll(some(r, List.of(DayOfWeek.values()), 1));
        p.workingHours(new WorkingHours(days, LocalTime.of(8 + r.nextInt(3), 15 * r.nextInt(4)),
            LocalTime.of(16, 30)));
      }
      if (r.nextBoolean()) {
        Instant from = Instant.parse("2026-12-24T00:00:00Z").plusSeconds(r.nextInt(100_000));
        p.addOutOfOffice(new OutOfOffice(from, from.plusSeconds(1 + r.nextInt(1_000_000))));
      }
      profiles.add(p.build());
    }
    return new AssignmentTeamJson.Team(users, profiles);
  }

  /** Rules over {@code team}: every entry has a distinct source, so none is unreachable. */
  static AssignmentRules rules(Random r, AssignmentTeamJson.Team team) {
    Hierarchy<TerritoryId> territories = territories(r);
    Hierarchy<ProductLineId> lines = Hierarchy.<ProductLineId>builder()
        .root(ProductLineId.of("all")).child(ProductLineId.of("all"), ProductLineId.of("phones"))
        .build();
    List<User> active = team.users().stream().filter(User::active).toList();
    AssignmentRules.Builder b = AssignmentRules.builder().users(team.users())
        .profiles(team.profiles()).territories(territories).productLines(lines)
        .defaultOwner(active.isEmpty() || r.nextBoolean() ? Target.queue(TeamId.of("emea"))
            : Target.user(pick(r, active).id()));
    for (int i = r.nextInt(5); i > 0; i--) {
      Condition.Builder c = Condition.builder().addSources("src" + i);
      if (r.nextBoolean()) {
        c.addTerritories(pick(r, new ArrayList<>(territories.nodes())));
      }
      if (r.nextBoolean()) {
        c.addProductLines(ProductLineId.of("phones")).addSizeBands(pick(r, List.of(SizeBand.values())));
      }
      if (r.nextBoolean()) {
        c.minScore(r.nextInt(50)).maxScore(50 + r.nextDouble() * 50);
      }
      Target t;
      if (r.nextBoolean() && !active.isEmpty()) {
        t = Target.user(pick(r, active).id());
      } else if (r.nextBoolean()) {
        t = Target.queue(TeamId.of("emea"));
      } else {
        t = Target.distribute(Distribution.builder().strategy(pick(r, List.of(Strategy.values())))
            .users(team.users().stream().map(User::id).toList())
            .requireTerritoryCoverage(r.nextBoolean()).build());
      }
      b.entry(new AssignmentEntry("entry-" + i, c.build(), t));
    }
    return b.build();
  }

  static AssignmentState state(Random r) {
    AssignmentState.Builder b = AssignmentState.builder();
    for (int i = r.nextInt(4); i > 0; i--) {
      b.putCursors("entry-" + i, r.nextInt(10));
      Map<UserId, Long> weights = new LinkedHashMap<>();
      weights.put(UserId.of("u" + i), r.nextLong());
      b.putCurrentWeights("entry-" + i, weights);
      b.putOpenItems(UserId.of("u" + i), r.nextInt(100));
      b.putCapacityUsed(UserId.of("u" + i),
          new AssignmentState.CapacityUse("2026-11-" + (10 + i), r.nextInt(20)));
    }
    return b.build();
  }

  static PolicyDefinitions policy(Random r) {
    List<ObjectType> types = List.of(ObjectType.CUSTOMER, ObjectType.CASE, ObjectType.of("deal"));
    List<Action> actions = List.of(Action.values());
    List<Group> groups = List.of(Group.role("rep"), Group.everyone(), Group.orgUnitAndBelow("u0"),
        Group.user("bob"), Group.team("emea"));
    List<org.crmkit.permissions.Condition> when = List.of(
        new org.crmkit.permissions.Condition("industry", Set.of("retail", "defense")),
        new org.crmkit.permissions.Condition("region", Set.of("north")));
    List<ModuleDef> modules = r.nextBoolean() ? List.of()
        : List.of(new ModuleDef(Module.of("deals"), List.of(ObjectType.of("deal"))));
    List<Role> roles = new ArrayList<>();
    roles.add(new Role("admin", null, set(r, List.of(AdminPrivilege.values()), 0)));
    if (r.nextBoolean()) {
      roles.add(new Role("rep", "admin", Set.of()));
    }
    List<Grant> grants = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      grants.add(new Grant(pick(r, roles).id(), pick(r, types),
          pick(r, List.of(Scope.values())), set(r, actions, 1)));
    }
    List<FieldRule> fields = r.nextBoolean() ? List.of()
        : List.of(new FieldRule("admin", ObjectType.CUSTOMER, "creditLimit",
            pick(r, List.of(FieldAccess.values()))));
    List<Allocation> allocations = r.nextBoolean() ? List.of()
        : List.of(new Allocation("admin", null, List.of(Module.CUSTOMER_MANAGEMENT)),
            new Allocation(null, "u0", List.of(Module.MARKETING, Module.ANALYTICS)));
    List<RecordTeam> teams = r.nextBoolean() ? List.of()
        : List.of(new RecordTeam(ObjectType.CUSTOMER, set(r, actions, 1)));
    List<SharingRule> sharing = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      boolean owned = r.nextBoolean();
      sharing.add(new SharingRule("share-" + i, owned ? pick(r, groups) : null,
          owned ? List.of() : some(r, when, 1), pick(r, groups), set(r, types, 0),
          set(r, actions, 1)));
    }
    List<Deny> denies = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      denies.add(new Deny("deny-" + i, pick(r, groups), set(r, types, 0), set(r, actions, 0),
          some(r, when, 0)));
    }
    List<ManualShare> shares = r.nextBoolean() ? List.of()
        : List.of(new ManualShare(ObjectType.CUSTOMER, "c1", pick(r, groups), set(r, actions, 1)));
    // the custom type "deal" is used by grants, rules and modules, so it is declared (#14: an
    // undeclared type is a problem)
    return new PolicyDefinitions(r.nextBoolean(), Set.of(ObjectType.of("deal")), modules, roles,
        grants, fields, allocations, set(r, types, 0),
        teams, sharing, denies, shares);
  }

  static RfmModel rfmModel(Random r) {
    LocalDate asOf = LocalDate.of(2026, 6, 30);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 60 + r.nextInt(200); i > 0; i--) {
      txs.add(Transaction.of("c" + r.nextInt(40), asOf.minusDays(r.nextInt(500)),
          Math.round(r.nextDouble() * 50_000) / 100.0));
    }
    return RfmScorer.builder().tiles(2 + r.nextInt(8)).ties(pick(r, List.of(TiePolicy.values())))
        .frequency(pick(r, List.of(FrequencyMeasure.values())))
        .monetary(pick(r, List.of(MonetaryMeasure.values()))).build()
        .score(txs, asOf).model();
  }

  static ClvModel clvModel(Random r) {
    Map<String, Double> se = new LinkedHashMap<>();
    if (r.nextBoolean()) {
      se.put("r", r.nextDouble() + 1e-9);
      se.put("alpha", 1e-300 + r.nextDouble());
    }
    FitReport bg = new FitReport(-1e4 * r.nextDouble(), se, r.nextInt(200), r.nextInt(300),
        r.nextBoolean(), r.nextInt(5000));
    FitReport gg = new FitReport(-r.nextDouble() * 1e3, Map.of(), r.nextInt(200), r.nextInt(300),
        r.nextBoolean(), r.nextInt(5000));
    return new ClvModel(LocalDate.of(1997, 1, 1).plusDays(r.nextInt(1000)),
        pick(r, List.of(PeriodUnit.values())),
        new BgNbdFit(new BgNbdParameters(positive(r), positive(r), positive(r), positive(r)), bg),
        new GammaGammaFit(new GammaGammaParameters(positive(r), positive(r), positive(r)), gg,
            r.nextInt(10)));
  }

  /** A purchase fit of a random kind with random positive parameters and a random report. */
  static org.crmkit.segmentation.clv.PurchaseFit purchaseFit(Random r) {
    org.crmkit.segmentation.clv.PurchaseModelKind kind =
        pick(r, List.of(org.crmkit.segmentation.clv.PurchaseModelKind.values()));
    Map<String, Double> p = new LinkedHashMap<>();
    Map<String, Double> se = new LinkedHashMap<>();
    for (String n : kind.parameterNames()) {
      p.put(n, positive(r));
      if (r.nextBoolean()) {
        se.put(n, positive(r));
      }
    }
    return org.crmkit.segmentation.clv.PurchaseFit.of(kind.create(p), new FitReport(-1e4 * r.nextDouble(), se,
        r.nextInt(200), r.nextInt(300), r.nextBoolean(), r.nextInt(5000)));
  }

  /** A retention fit with random positive parameters and a random report. */
  static org.crmkit.segmentation.clv.RetentionFit retentionFit(Random r) {
    Map<String, Double> se = r.nextBoolean() ? Map.of("alpha", positive(r)) : Map.of();
    return new org.crmkit.segmentation.clv.RetentionFit(
        new org.crmkit.segmentation.clv.ShiftedBetaGeometric(positive(r), positive(r)),
        new FitReport(-1e3 * r.nextDouble(), se, r.nextInt(200), r.nextInt(300), r.nextBoolean(), r.nextInt(5000)),
        List.of());
  }

  /** Rule sets of 1-8 rules with random ranges over {@code tiles} (gaps and overlaps allowed). */
  static SegmentRules segmentRules(Random r, int tiles) {
    SegmentRules.Builder b = SegmentRules.builder().tiles(tiles);
    for (int i = 1 + r.nextInt(8); i > 0; i--) {
      SegmentRules.RuleBuilder rule = b.rule("segment-" + r.nextInt(4));
      int[][] ranges = new int[3][];
      for (int k = 0; k < 3; k++) {
        int lo = 1 + r.nextInt(tiles);
        ranges[k] = new int[] {lo, lo + r.nextInt(tiles - lo + 1)};
      }
      rule.r(ranges[0][0], ranges[0][1]).f(ranges[1][0], ranges[1][1])
          .m(ranges[2][0], ranges[2][1]);
      if (r.nextInt(4) == 0) {
        rule.attribute("needs", "support", "price");
      }
      rule.add();
    }
    return b.build();
  }

  private static double positive(Random r) {
    return r.nextBoolean() ? Double.MIN_VALUE + r.nextDouble() * 10
        : Math.exp(r.nextGaussian() * 20);
  }
}

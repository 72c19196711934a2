package org.crmkit.core.assignment;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.CrmException;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.crmkit.core.model.UserId;
import org.jspecify.annotations.Nullable;

/**
 * The compiled form of validated {@link AssignmentRules}: users, queues and entries as arrays,
 * a per-territory list of candidate entries, interned attribute values as bit sets. The mutable
 * per-call {@link Working} state is loaded from and exported to {@link AssignmentState}.
 */
final class AssignmentEngine {
  private static final int USER = 0;
  private static final int QUEUE = 1;
  private static final int DISTRIBUTION = 2;
  private static final byte AVAILABLE = 0;
  private static final byte AWAY = 1;
  private static final byte OFF_HOURS = 2;

  private final Hierarchy<TerritoryId> territories;
  private final Hierarchy<ProductLineId> productLines;
  private final User[] users;
  private final Map<UserId, Integer> userIndex = new HashMap<>();
  private final boolean[] active;
  private final int[] weight;
  private final @Nullable Capacity[] capacity;
  private final ZoneId[] zone;
  private final @Nullable WorkingHours[] hours;
  private final OutOfOffice[][] away;
  private final int[][] coverStart;
  private final int[][] coverEnd;
  private final TeamId[] queues;
  private final Assignee[] assignees;
  private final Entry[] entries;
  private final int[][] byTerritory;
  private final int[] noTerritory;
  private final Map<String, Integer> industryIds = new HashMap<>();
  private final Map<String, Integer> sourceIds = new HashMap<>();
  private final Map<String, Integer> tierIds = new HashMap<>();
  private final int defaultCode;
  private final int maxPool;
  private final Skip[] coverageSkip;

  /** One compiled entry. */
  static final class Entry {
    final int index;
    final String name;
    final int kind;
    final int targetCode; // USER, QUEUE: the assignee code
    final int @Nullable [] productStart;
    final int @Nullable [] productEnd;
    final long @Nullable [] industries;
    final long @Nullable [] sources;
    final long @Nullable [] tiers;
    final int sizeMask;
    final boolean scored;
    final double minScore;
    final double maxScore;
    final @Nullable Strategy strategy;
    final int[] pool; // user indices
    final @Nullable String[] missingSkills; // per member; null when the member has them all
    final boolean coverage;

    Entry(int index, String name, int kind, int targetCode, int @Nullable [] productStart,
        int @Nullable [] productEnd, long @Nullable [] industries, long @Nullable [] sources,
        long @Nullable [] tiers, int sizeMask, boolean scored, double minScore, double maxScore,
        @Nullable Strategy strategy, int[] pool, @Nullable String[] missingSkills,
        boolean coverage) {
      this.index = index;
      this.name = name;
      this.kind = kind;
      this.targetCode = targetCode;
      this.productStart = productStart;
      this.productEnd = productEnd;
      this.industries = industries;
      this.sources = sources;
      this.tiers = tiers;
      this.sizeMask = sizeMask;
      this.scored = scored;
      this.minScore = minScore;
      this.maxScore = maxScore;
      this.strategy = strategy;
      this.pool = pool;
      this.missingSkills = missingSkills;
      this.coverage = coverage;
    }
  }

  AssignmentEngine(Hierarchy<TerritoryId> territories, Hierarchy<ProductLineId> productLines,
      List<User> userList, Map<UserId, RepProfile> profiles, List<AssignmentEntry> entryList,
      Target defaultOwner) {
    this.territories = territories;
    this.productLines = productLines;
    int n = userList.size();
    users = userList.toArray(new User[0]);
    active = new boolean[n];
    weight = new int[n];
    capacity = new Capacity[n];
    zone = new ZoneId[n];
    hours = new WorkingHours[n];
    away = new OutOfOffice[n][];
    coverStart = new int[n][];
    coverEnd = new int[n][];
    @SuppressWarnings({"unchecked", "rawtypes"})
    Set<String>[] skills = new Set[n];
    TreeSet<TeamId> teamSet = new TreeSet<>();
    for (int u = 0; u < n; u++) {
      User user = users[u];
      userIndex.put(user.id(), u);
      RepProfile p = profiles.getOrDefault(user.id(), RepProfile.defaultFor(user.id()));
      active[u] = user.active();
      weight[u] = p.weight();
      capacity[u] = p.capacity().orElse(null);
      zone[u] = p.zone();
      hours[u] = p.workingHours().orElse(null);
      away[u] = p.outOfOffice().toArray(new OutOfOffice[0]);
      skills[u] = p.skills();
      List<int[]> cover = new ArrayList<>();
      for (TerritoryId t : user.territories()) {
        int pos = territories.indexOf(t);
        if (pos >= 0) {
          cover.add(new int[] {pos, pos + territories.subtreeSize(t)});
        }
      }
      coverStart[u] = cover.stream().mapToInt(a -> a[0]).toArray();
      coverEnd[u] = cover.stream().mapToInt(a -> a[1]).toArray();
      teamSet.addAll(user.teams());
    }
    queues = teamSet.toArray(new TeamId[0]);
    coverageSkip = new Skip[n];
    for (int u = 0; u < n; u++) {
      coverageSkip[u] = new Skip(users[u].id(), SkipReason.TERRITORY_NOT_COVERED,
          "covers " + new TreeSet<>(users[u].territories()));
    }
    Map<TeamId, Integer> queueIndex = new HashMap<>();
    assignees = new Assignee[n + queues.length];
    for (int u = 0; u < n; u++) {
      assignees[u] = Assignee.user(users[u].id());
    }
    for (int q = 0; q < queues.length; q++) {
      queueIndex.put(queues[q], q);
      assignees[n + q] = Assignee.queue(queues[q]);
    }
    defaultCode = targetCode(defaultOwner, queueIndex);

    for (AssignmentEntry e : entryList) {
      intern(e.condition().industries(), industryIds);
      intern(e.condition().sources(), sourceIds);
      intern(e.condition().valueTiers(), tierIds);
    }
    entries = new Entry[entryList.size()];
    int largest = 0;
    for (int i = 0; i < entries.length; i++) {
      AssignmentEntry e = entryList.get(i);
      Condition c = e.condition();
      int[] ps = null;
      int[] pe = null;
      if (!c.productLines().isEmpty()) {
        ps = new int[c.productLines().size()];
        pe = new int[ps.length];
        int k = 0;
        for (ProductLineId p : c.productLines()) {
          ps[k] = productLines.indexOf(p);
          pe[k] = ps[k] + productLines.subtreeSize(p);
          k++;
        }
      }
      int sizeMask = 0;
      for (var band : c.sizeBands()) {
        sizeMask |= 1 << band.ordinal();
      }
      int kind;
      int code = -1;
      Strategy strategy = null;
      int[] pool = new int[0];
      String[] missing = new String[0];
      boolean coverage = false;
      switch (e.target().kind()) {
        case USER:
          kind = USER;
          code = targetCode(e.target(), queueIndex);
          break;
        case QUEUE:
          kind = QUEUE;
          code = targetCode(e.target(), queueIndex);
          break;
        default:
          kind = DISTRIBUTION;
          Distribution d = e.target().distribution().orElseThrow();
          strategy = d.strategy();
          coverage = d.requireTerritoryCoverage();
          List<UserId> members = d.team().isPresent() ? teamMembers(d.team().get()) : d.users();
          pool = members.stream().mapToInt(userIndex::get).toArray();
          missing = new String[pool.length];
          for (int j = 0; j < pool.length; j++) {
            TreeSet<String> lacks = new TreeSet<>(d.requiredSkills());
            lacks.removeAll(skills[pool[j]]);
            missing[j] = lacks.isEmpty() ? null : "lacks " + lacks;
          }
          largest = Math.max(largest, pool.length);
      }
      entries[i] = new Entry(i, e.name(), kind, code, ps, pe,
          bits(c.industries(), industryIds), bits(c.sources(), sourceIds),
          bits(c.valueTiers(), tierIds), sizeMask,
          c.minScore().isPresent() || c.maxScore().isPresent(),
          c.minScore().orElse(Double.NEGATIVE_INFINITY),
          c.maxScore().orElse(Double.POSITIVE_INFINITY), strategy, pool, missing, coverage);
    }
    maxPool = largest;

    // Candidate entries per territory position: the entries without a territory constraint and
    // those naming the territory or an ancestor, in entry order. A node naming no entry shares
    // its parent's array.
    List<Integer> free = new ArrayList<>();
    Map<Integer, List<Integer>> own = new HashMap<>();
    for (int i = 0; i < entries.length; i++) {
      Set<TerritoryId> ts = entryList.get(i).condition().territories();
      if (ts.isEmpty()) {
        free.add(i);
      }
      for (TerritoryId t : ts) {
        own.computeIfAbsent(territories.indexOf(t), k -> new ArrayList<>()).add(i);
      }
    }
    noTerritory = free.stream().mapToInt(Integer::intValue).toArray();
    byTerritory = new int[territories.size()][];
    for (int p = 0; p < byTerritory.length; p++) {
      int parent = territories.parentIndex(p);
      int[] base = parent < 0 ? noTerritory : byTerritory[parent];
      List<Integer> mine = own.get(p);
      byTerritory[p] = mine == null ? base : merge(base, mine);
    }
  }

  private List<UserId> teamMembers(TeamId team) {
    TreeSet<UserId> members = new TreeSet<>();
    for (User u : users) {
      if (u.teams().contains(team)) {
        members.add(u.id());
      }
    }
    return List.copyOf(members);
  }

  private int targetCode(Target t, Map<TeamId, Integer> queueIndex) {
    if (t.kind() == Target.Kind.USER) {
      return requireNonNull(userIndex.get(t.user().orElseThrow()));
    }
    return users.length + requireNonNull(queueIndex.get(t.queue().orElseThrow()));
  }

  private static void intern(Set<String> values, Map<String, Integer> ids) {
    for (String v : values) {
      ids.putIfAbsent(v, ids.size());
    }
  }

  private static long @Nullable [] bits(Set<String> values, Map<String, Integer> ids) {
    if (values.isEmpty()) {
      return null;
    }
    long[] b = new long[(ids.size() + 63) >>> 6];
    for (String v : values) {
      int id = requireNonNull(ids.get(v));
      b[id >>> 6] |= 1L << id;
    }
    return b;
  }

  private static int[] merge(int[] base, List<Integer> mine) {
    int[] out = new int[base.length + mine.size()];
    int k = 0;
    for (int b : base) {
      out[k++] = b;
    }
    for (int m : mine) {
      out[k++] = m;
    }
    Arrays.sort(out);
    // an entry naming both a territory and its ancestor appears twice: drop duplicates
    int w = 0;
    for (int i = 0; i < out.length; i++) {
      if (w == 0 || out[w - 1] != out[i]) {
        out[w++] = out[i];
      }
    }
    return w == out.length ? out : Arrays.copyOf(out, w);
  }

  // ---------------------------------------------------------------- state

  /** The mutable state of one call: counters loaded from an AssignmentState, plus caches. */
  final class Working {
    final int[] cursor = new int[entries.length];
    final long[][] current = new long[entries.length][];
    final int[] open = new int[users.length];
    final int[] capCount = new int[users.length];
    final @Nullable String[] capPeriod = new String[users.length];
    final Map<String, Integer> otherCursors = new HashMap<>();
    final Map<String, Map<UserId, Long>> otherWeights = new HashMap<>();
    final Map<UserId, Integer> otherOpen = new HashMap<>();
    final Map<UserId, AssignmentState.CapacityUse> otherCapacity = new HashMap<>();
    // the members eligible for the last weighted pick, in pool order
    final int[] eligible = new int[maxPool];
    int eligibleCount;
    // per entry, the members active, skilled and available at `at` (capacity and coverage are
    // checked per lead); valid when availableEpoch[e] == epoch
    final int[][] available = new int[entries.length][];
    final int[] availableCount = new int[entries.length];
    final int[] availableEpoch = new int[entries.length];
    // availability cache, valid for `at`
    @Nullable Instant at;
    int epoch;
    final int[] statusEpoch = new int[users.length];
    final byte[] status = new byte[users.length];
    final @Nullable String[] period = new String[users.length];
    // the availability skips of the current instant, shared by every lead at that instant
    final @Nullable Skip[] availabilitySkip = new Skip[users.length];
    final int[] skipEpoch = new int[users.length];
    // the last decision
    int decidedCode;
    int decidedEntry;
    int decidedMember;
    boolean fellBack;

    void at(Instant instant) {
      if (!instant.equals(at)) {
        at = instant;
        epoch++;
      }
    }

    byte status(int u) {
      if (statusEpoch[u] != epoch) {
        computeStatus(u);
      }
      return status[u];
    }

    String period(int u) {
      if (statusEpoch[u] != epoch) {
        computeStatus(u);
      }
      return period[u];
    }

    private void computeStatus(int u) {
      Instant t = requireNonNull(at, "the instant is set before statuses are computed");
      byte s = AVAILABLE;
      for (OutOfOffice o : away[u]) {
        if (o.contains(t)) {
          s = AWAY;
          break;
        }
      }
      WorkingHours h = hours[u];
      Capacity c = capacity[u];
      if (s == AVAILABLE && h != null || c != null) {
        ZonedDateTime z = t.atZone(zone[u]);
        if (s == AVAILABLE && h != null) {
          LocalTime time = z.toLocalTime();
          if (!h.days().contains(z.getDayOfWeek()) || time.isBefore(h.start())
              || !time.isBefore(h.end())) {
            s = OFF_HOURS;
          }
        }
        if (c != null) {
          period[u] = periodKey(z, c.period());
        }
      }
      status[u] = s;
      statusEpoch[u] = epoch;
    }
  }

  static String periodKey(ZonedDateTime z, Capacity.Period p) {
    switch (p) {
      case DAY:
        return z.toLocalDate().toString();
      case WEEK:
        int week = z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return z.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" : "") + week;
      default:
        return java.time.YearMonth.from(z).toString();
    }
  }

  Working load(AssignmentState state) {
    Working w = new Working();
    Map<String, Integer> entryIndex = new HashMap<>();
    for (Entry e : entries) {
      entryIndex.put(e.name, e.index);
    }
    state.cursors().forEach((name, value) -> {
      Integer i = entryIndex.get(name);
      if (i != null && entries[i].strategy == Strategy.ROUND_ROBIN) {
        int k = entries[i].pool.length;
        w.cursor[i] = k == 0 ? 0 : Math.floorMod(value, k);
      } else {
        w.otherCursors.put(name, value);
      }
    });
    state.currentWeights().forEach((name, weights) -> {
      Integer i = entryIndex.get(name);
      if (i != null && entries[i].strategy == Strategy.WEIGHTED_ROUND_ROBIN) {
        int[] pool = entries[i].pool;
        long[] cw = new long[pool.length];
        for (int j = 0; j < pool.length; j++) {
          cw[j] = weights.getOrDefault(users[pool[j]].id(), 0L);
        }
        w.current[i] = cw;
      } else {
        w.otherWeights.put(name, weights);
      }
    });
    for (Entry e : entries) {
      if (e.strategy == Strategy.WEIGHTED_ROUND_ROBIN && w.current[e.index] == null) {
        w.current[e.index] = new long[e.pool.length];
      }
    }
    state.openItems().forEach((user, count) -> {
      Integer u = userIndex.get(user);
      if (u != null) {
        w.open[u] = count;
      } else {
        w.otherOpen.put(user, count);
      }
    });
    state.capacityUsed().forEach((user, use) -> {
      Integer u = userIndex.get(user);
      if (u != null && capacity[u] != null) {
        w.capPeriod[u] = use.period();
        w.capCount[u] = use.count();
      } else {
        w.otherCapacity.put(user, use);
      }
    });
    return w;
  }

  AssignmentState export(Working w) {
    AssignmentState.Builder b = AssignmentState.builder();
    b.putAllCursors(w.otherCursors);
    b.putAllCurrentWeights(w.otherWeights);
    b.putAllOpenItems(w.otherOpen);
    b.putAllCapacityUsed(w.otherCapacity);
    for (Entry e : entries) {
      if (e.strategy == Strategy.ROUND_ROBIN && w.cursor[e.index] != 0) {
        b.putCursors(e.name, w.cursor[e.index]);
      } else if (e.strategy == Strategy.WEIGHTED_ROUND_ROBIN) {
        long[] cw = w.current[e.index];
        Map<UserId, Long> m = new java.util.LinkedHashMap<>();
        for (int j = 0; j < cw.length; j++) {
          if (cw[j] != 0) {
            m.put(users[e.pool[j]].id(), cw[j]);
          }
        }
        if (!m.isEmpty()) {
          b.putCurrentWeights(e.name, Map.copyOf(m));
        }
      }
    }
    for (int u = 0; u < users.length; u++) {
      if (w.open[u] != 0) {
        b.putOpenItems(users[u].id(), w.open[u]);
      }
      String p = w.capPeriod[u];
      if (p != null) {
        b.putCapacityUsed(users[u].id(), new AssignmentState.CapacityUse(p, w.capCount[u]));
      }
    }
    return b.build();
  }

  // ---------------------------------------------------------------- matching

  private int territoryPosition(Lead lead) {
    TerritoryId t = lead.territoryOrNull();
    return t == null ? -1 : territories.indexOf(t);
  }

  /** The index of the first entry the lead matches, or -1. */
  private int match(Lead lead, int tp) {
    int[] candidates = tp >= 0 ? byTerritory[tp] : noTerritory;
    if (candidates.length == 0) {
      return -1;
    }
    ProductLineId pl = lead.productLineOrNull();
    int pp = pl == null ? -1 : productLines.indexOf(pl);
    int industry = id(lead.industryOrNull(), industryIds);
    int source = id(lead.sourceOrNull(), sourceIds);
    int tier = id(lead.valueTierOrNull(), tierIds);
    int size = lead.sizeBit();
    double score = lead.scoreOrNaN();
    boolean hasScore = !Double.isNaN(score);
    for (int i : candidates) {
      Entry e = entries[i];
      if (e.productStart != null && e.productEnd != null
          && !within(pp, e.productStart, e.productEnd)) {
        continue;
      }
      if (e.industries != null && !has(e.industries, industry)
          || e.sources != null && !has(e.sources, source)
          || e.tiers != null && !has(e.tiers, tier)
          || e.sizeMask != 0 && (e.sizeMask & size) == 0
          || e.scored && (!hasScore || score < e.minScore || score > e.maxScore)) {
        continue;
      }
      return i;
    }
    return -1;
  }

  private static int id(@Nullable String value, Map<String, Integer> ids) {
    if (value == null || ids.isEmpty()) {
      return -1;
    }
    Integer id = ids.get(value);
    return id == null ? -1 : id;
  }

  private static boolean within(int pos, int[] start, int[] end) {
    if (pos < 0) {
      return false;
    }
    for (int k = 0; k < start.length; k++) {
      if (start[k] <= pos && pos < end[k]) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(long[] bits, int id) {
    return id >= 0 && (id >>> 6) < bits.length && (bits[id >>> 6] & (1L << id)) != 0;
  }

  private boolean covers(int u, int tp) {
    if (tp < 0) {
      return false;
    }
    int[] s = coverStart[u];
    int[] e = coverEnd[u];
    for (int k = 0; k < s.length; k++) {
      if (s[k] <= tp && tp < e[k]) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- distribution

  /** The reason member {@code j} of {@code e} may not receive the lead now, or null. */
  private @Nullable SkipReason ineligible(Entry e, int j, int tp, Working w) {
    SkipReason r = staticallyIneligible(e, j, tp);
    if (r != null) {
      return r;
    }
    int u = e.pool[j];
    byte s = w.status(u);
    if (s == AWAY) {
      return SkipReason.OUT_OF_OFFICE;
    }
    if (s == OFF_HOURS) {
      return SkipReason.OUTSIDE_WORKING_HOURS;
    }
    Capacity c = capacity[u];
    if (c != null && w.capCount[u] >= c.limit() && w.period(u).equals(w.capPeriod[u])) {
      return SkipReason.AT_CAPACITY;
    }
    return null;
  }

  private @Nullable SkipReason staticallyIneligible(Entry e, int j, int tp) {
    int u = e.pool[j];
    if (!active[u]) {
      return SkipReason.INACTIVE;
    }
    if (e.missingSkills[j] != null) {
      return SkipReason.MISSING_SKILL;
    }
    if (e.coverage && !covers(u, tp)) {
      return SkipReason.TERRITORY_NOT_COVERED;
    }
    return null;
  }

  private Skip skip(Entry e, int j, SkipReason r, Working w) {
    int u = e.pool[j];
    if (r == SkipReason.OUT_OF_OFFICE || r == SkipReason.OUTSIDE_WORKING_HOURS) {
      Skip cached = w.availabilitySkip[u];
      if (cached == null || w.skipEpoch[u] != w.epoch) {
        cached = newSkip(e, j, r, w);
        w.availabilitySkip[u] = cached;
        w.skipEpoch[u] = w.epoch;
      }
      return cached;
    }
    if (r == SkipReason.TERRITORY_NOT_COVERED) {
      return coverageSkip[u];
    }
    return newSkip(e, j, r, w);
  }

  private Skip newSkip(Entry e, int j, SkipReason r, Working w) {
    int u = e.pool[j];
    String detail;
    switch (r) {
      case MISSING_SKILL:
        detail = e.missingSkills[j];
        break;
      case TERRITORY_NOT_COVERED:
        detail = "covers " + new TreeSet<>(users[u].territories());
        break;
      case OUT_OF_OFFICE: {
        Instant now = requireNonNull(w.at, "the instant is set before members are skipped");
        Instant until = now;
        for (OutOfOffice o : away[u]) {
          if (o.contains(now)) {
            until = o.until();
            break;
          }
        }
        detail = "until " + until;
        break;
      }
      case OUTSIDE_WORKING_HOURS: {
        WorkingHours h = hours[u];
        detail = "works " + shortDays(h.days()) + " " + h.start() + "-" + h.end() + " " + zone[u];
        break;
      }
      case AT_CAPACITY: {
        Capacity c = capacity[u];
        detail = w.capCount[u] + " of " + c.limit() + " in " + w.capPeriod[u];
        break;
      }
      default:
        detail = "";
    }
    return new Skip(users[u].id(), r, detail);
  }

  private static String shortDays(Set<DayOfWeek> days) {
    StringBuilder s = new StringBuilder();
    for (DayOfWeek d : DayOfWeek.values()) {
      if (days.contains(d)) {
        s.append(s.length() == 0 ? "" : ",").append(d.name(), 0, 3);
      }
    }
    return s.toString();
  }

  /**
   * Picks a member of {@code e}'s pool without changing the counters; -1 if none is eligible.
   * Without {@code skips}, weighted and least-loaded picks scan only the members available at
   * the instant (same result, fewer checks).
   */
  private int pick(Entry e, int tp, Working w, @Nullable List<Skip> skips) {
    if (skips == null && e.strategy != Strategy.ROUND_ROBIN) {
      return pickAvailable(e, tp, w);
    }
    int k = e.pool.length;
    switch (requireNonNull(e.strategy, "only distributing entries pick")) {
      case ROUND_ROBIN: {
        int c = w.cursor[e.index];
        for (int i = 0; i < k; i++) {
          int j = c + i < k ? c + i : c + i - k;
          SkipReason r = ineligible(e, j, tp, w);
          if (r == null) {
            return j;
          }
          if (skips != null) {
            skips.add(skip(e, j, r, w));
          }
        }
        return -1;
      }
      case WEIGHTED_ROUND_ROBIN: {
        long[] cw = w.current[e.index];
        int best = -1;
        long bestWeight = 0;
        w.eligibleCount = 0;
        for (int j = 0; j < k; j++) {
          SkipReason r = ineligible(e, j, tp, w);
          if (r == null) {
            w.eligible[w.eligibleCount++] = j;
            long cand = cw[j] + weight[e.pool[j]];
            if (best < 0 || cand > bestWeight) {
              best = j;
              bestWeight = cand;
            }
          } else if (skips != null) {
            skips.add(skip(e, j, r, w));
          }
        }
        return best;
      }
      default: {
        int best = -1;
        for (int j = 0; j < k; j++) {
          SkipReason r = ineligible(e, j, tp, w);
          if (r == null) {
            if (best < 0 || w.open[e.pool[j]] < w.open[e.pool[best]]) {
              best = j;
            }
          } else if (skips != null) {
            skips.add(skip(e, j, r, w));
          }
        }
        return best;
      }
    }
  }

  private int pickAvailable(Entry e, int tp, Working w) {
    if (w.availableEpoch[e.index] != w.epoch || w.available[e.index] == null) {
      int[] list = w.available[e.index];
      if (list == null) {
        list = new int[e.pool.length];
        w.available[e.index] = list;
      }
      int n = 0;
      for (int j = 0; j < e.pool.length; j++) {
        int u = e.pool[j];
        if (active[u] && e.missingSkills[j] == null && w.status(u) == AVAILABLE) {
          list[n++] = j;
        }
      }
      w.availableCount[e.index] = n;
      w.availableEpoch[e.index] = w.epoch;
    }
    int[] list = w.available[e.index];
    int n = w.availableCount[e.index];
    int best = -1;
    if (e.strategy == Strategy.WEIGHTED_ROUND_ROBIN) {
      long[] cw = w.current[e.index];
      long bestWeight = 0;
      w.eligibleCount = 0;
      for (int k = 0; k < n; k++) {
        int j = list[k];
        int u = e.pool[j];
        if (e.coverage && !covers(u, tp) || atCapacity(u, w)) {
          continue;
        }
        w.eligible[w.eligibleCount++] = j;
        long cand = cw[j] + weight[u];
        if (best < 0 || cand > bestWeight) {
          best = j;
          bestWeight = cand;
        }
      }
    } else {
      int bestOpen = 0;
      for (int k = 0; k < n; k++) {
        int j = list[k];
        int u = e.pool[j];
        if (e.coverage && !covers(u, tp) || atCapacity(u, w)) {
          continue;
        }
        if (best < 0 || w.open[u] < bestOpen) {
          best = j;
          bestOpen = w.open[u];
        }
      }
    }
    return best;
  }

  private boolean atCapacity(int u, Working w) {
    Capacity c = capacity[u];
    return c != null && w.capCount[u] >= c.limit() && w.period(u).equals(w.capPeriod[u]);
  }

  /** Applies the counters of the pick of member {@code j} (right after {@link #pick}). */
  private void advance(Entry e, int j, Working w) {
    if (e.strategy == Strategy.ROUND_ROBIN) {
      w.cursor[e.index] = j + 1 == e.pool.length ? 0 : j + 1;
    } else if (e.strategy == Strategy.WEIGHTED_ROUND_ROBIN) {
      long[] cw = w.current[e.index];
      long total = 0;
      for (int k = 0; k < w.eligibleCount; k++) {
        int m = w.eligible[k];
        int wt = weight[e.pool[m]];
        cw[m] += wt;
        total += wt;
      }
      cw[j] -= total;
    }
  }

  private void receive(int code, Working w) {
    if (code < users.length) {
      w.open[code]++;
      Capacity c = capacity[code];
      if (c != null) {
        String p = w.period(code);
        if (!p.equals(w.capPeriod[code])) {
          w.capPeriod[code] = p;
          w.capCount[code] = 0;
        }
        w.capCount[code]++;
      }
    }
  }

  /** Decides for the lead (fields decided* of w) without changing the counters. */
  private void decide(Lead lead, int tp, Working w, @Nullable List<Skip> skips) {
    int i = match(lead, tp);
    w.decidedEntry = i;
    w.decidedMember = -1;
    w.fellBack = false;
    if (i < 0) {
      w.decidedCode = defaultCode;
      return;
    }
    Entry e = entries[i];
    if (e.kind != DISTRIBUTION) {
      w.decidedCode = e.targetCode;
      return;
    }
    int j = pick(e, tp, w, skips);
    if (j < 0) {
      w.fellBack = true;
      w.decidedCode = defaultCode;
    } else {
      w.decidedMember = j;
      w.decidedCode = e.pool[j];
    }
  }

  private void commit(Working w) {
    if (w.decidedMember >= 0) {
      advance(entries[w.decidedEntry], w.decidedMember, w);
    }
    receive(w.decidedCode, w);
  }

  Assignment assign(Lead lead, Instant at, Working w, boolean explain) {
    w.at(at);
    List<Skip> skips = explain ? new ArrayList<>() : null;
    decide(lead, territoryPosition(lead), w, skips);
    commit(w);
    return toAssignment(lead, w, skips == null ? List.of() : skips);
  }

  private Assignment toAssignment(Lead lead, Working w, List<Skip> skips) {
    Assignment.Builder b = Assignment.builder().leadId(lead.id())
        .assignee(assignees[w.decidedCode]).fellBack(w.fellBack).addAllSkipped(skips);
    if (w.decidedEntry < 0) {
      b.rule(Assignment.DEFAULT_RULE);
    } else {
      Entry e = entries[w.decidedEntry];
      b.rule(e.name);
      if (e.strategy != null) {
        b.strategy(e.strategy);
      }
    }
    return b.build();
  }

  /** Assigns without building a decision: (assignee code << 32) | (entry index, -1 default). */
  long assignCode(Lead lead, Instant at, Working w) {
    w.at(at);
    decide(lead, territoryPosition(lead), w, null);
    commit(w);
    return ((long) w.decidedCode << 32) | (w.decidedEntry & 0xffffffffL);
  }

  Assignee assignee(int code) {
    if (code < 0 || code >= assignees.length) {
      throw new CrmException("assignee code must be in [0, " + assignees.length + "), but was "
          + code);
    }
    return assignees[code];
  }

  // ---------------------------------------------------------------- reassignment

  Optional<Reassignment> reassign(OwnedRecord r, Instant at, Working w) {
    w.at(at);
    Lead lead = r.lead();
    int tp = territoryPosition(lead);
    int i = match(lead, tp);
    String why = unacceptable(r.owner(), i, tp);
    if (why == null) {
      return Optional.empty();
    }
    List<Skip> skips = new ArrayList<>();
    decide(lead, tp, w, skips);
    if (assignees[w.decidedCode].equals(r.owner())) {
      return Optional.empty();
    }
    commit(w);
    Integer old = r.owner().queue() ? null : userIndex.get(UserId.of(r.owner().id()));
    if (old != null && w.open[old] > 0) {
      w.open[old]--;
    }
    Assignment a = toAssignment(lead, w, skips);
    return Optional.of(new Reassignment(lead.id(), r.owner(), a.assignee(), a.rule(),
        why + "; " + a.explain()));
  }

  /** Why {@code owner} may not keep a record matching entry {@code i}, or null if it may. */
  private @Nullable String unacceptable(Assignee owner, int i, int tp) {
    int u = -1;
    if (!owner.queue()) {
      Integer idx = userIndex.get(UserId.of(owner.id()));
      if (idx == null) {
        return "owner " + owner + " is not a known user";
      }
      if (!active[idx]) {
        return "owner " + owner + " is inactive";
      }
      u = idx;
    }
    if (i < 0) {
      return accepts(owner, u, defaultCode) ? null
          : "no entry matches and the default owner is " + assignees[defaultCode];
    }
    Entry e = entries[i];
    if (e.kind != DISTRIBUTION) {
      return accepts(owner, u, e.targetCode) ? null
          : "entry '" + e.name + "' assigns to " + assignees[e.targetCode];
    }
    if (u < 0) {
      return "entry '" + e.name + "' distributes among reps, not to " + owner;
    }
    for (int j = 0; j < e.pool.length; j++) {
      if (e.pool[j] == u) {
        SkipReason r = staticallyIneligible(e, j, tp);
        return r == null ? null : "owner " + owner + " is not eligible for entry '" + e.name
            + "' (" + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
      }
    }
    return "owner " + owner + " is not in the pool of entry '" + e.name + "'";
  }

  /** Whether {@code owner} (user index {@code u}, or -1 for a queue) satisfies target code. */
  private boolean accepts(Assignee owner, int u, int code) {
    if (assignees[code].equals(owner)) {
      return true;
    }
    return u >= 0 && code >= users.length
        && users[u].teams().contains(queues[code - users.length]);
  }
}

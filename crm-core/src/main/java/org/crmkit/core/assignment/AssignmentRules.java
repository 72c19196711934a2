package org.crmkit.core.assignment;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.Problem;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.ProductLineId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.User;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated, compiled set of lead-assignment rules: ordered entries (first match wins), each
 * with a {@link Condition} and a {@link Target}, and a default owner for leads no entry matches,
 * over a roster of crm-core {@link User}s with their {@link RepProfile}s.
 *
 * <p>Every operation is a pure function of its inputs: {@link #assign(Lead, AssignmentState,
 * Instant)} returns the decision, its explanation and the next {@link AssignmentState}; the same
 * inputs always give the same result, and {@link #replay} of a log reproduces it exactly.
 * Instances are immutable and thread-safe (each call works on its own scratch state).
 *
 * <p>Matching is indexed: each territory has its precomputed list of candidate entries, and the
 * other dimensions are tested with interval and bit-set checks, so a lead costs a few hash
 * lookups plus the candidate entries examined, independent of the total number of entries.
 *
 * <pre>{@code
 * AssignmentRules rules = AssignmentRules.builder()
 *     .territories(world).users(List.of(bob, carol))
 *     .profile(RepProfile.builder().user(carol.id()).weight(2)
 *         .capacity(Capacity.perDay(20)).build())
 *     .entry("emea", Condition.builder().addTerritories(emea).build(),  // emea and below
 *         Target.distribute(Strategy.WEIGHTED_ROUND_ROBIN, emeaTeam))
 *     .defaultOwner(Target.user(bob.id()))
 *     .build();                                     // reports every problem at once
 * AssignmentResult r = rules.assign(lead, AssignmentState.empty(), now);
 * String who = r.assignment().assignee().id();      // "carol" (weight 2)
 * AssignmentState next = r.nextState();             // persist it; pass it to the next assign
 * }</pre>
 */
public final class AssignmentRules {
  private static final Logger LOG =
      LoggerFactory.getLogger(AssignmentRules.class);

  private final Hierarchy<TerritoryId> territories;
  private final Hierarchy<ProductLineId> productLines;
  private final List<User> users;
  private final List<RepProfile> profiles;
  private final List<AssignmentEntry> entries;
  private final Target defaultOwner;
  private final List<Problem> warnings;
  private final AssignmentEngine engine;

  private AssignmentRules(Hierarchy<TerritoryId> territories,
      Hierarchy<ProductLineId> productLines, List<User> users, List<RepProfile> profiles,
      List<AssignmentEntry> entries, Target defaultOwner, List<Problem> warnings,
      AssignmentEngine engine) {
    this.territories = territories;
    this.productLines = productLines;
    this.users = users;
    this.profiles = profiles;
    this.entries = entries;
    this.defaultOwner = defaultOwner;
    this.warnings = warnings;
    this.engine = engine;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The territory hierarchy the rules were built on. */
  public Hierarchy<TerritoryId> territories() {
    return territories;
  }

  /** The product-line hierarchy the rules were built on. */
  public Hierarchy<ProductLineId> productLines() {
    return productLines;
  }

  /** The users, in the order given; unmodifiable. */
  public List<User> users() {
    return users;
  }

  /** The rep profiles given, in order; unmodifiable. */
  public List<RepProfile> profiles() {
    return profiles;
  }

  /** The entries, in order; unmodifiable. */
  public List<AssignmentEntry> entries() {
    return entries;
  }

  /** The default owner (a user or a queue). */
  public Target defaultOwner() {
    return defaultOwner;
  }

  /**
   * The analysis found at build time that does not make the rules invalid: overlapping entries
   * (a lead can match both; the earlier wins), pools without any active member, required skills no
   * member has. Paths as in {@link InvalidDefinitionException}; unmodifiable.
   */
  public List<Problem> warnings() {
    return warnings;
  }

  /**
   * Assigns one lead.
   *
   * <p>O(candidate entries + pool size) plus O(state size) to read and write the immutable state.
   *
   * @param lead the lead
   * @param state the distribution state before this assignment
   * @param at the instant of the assignment (availability, working hours, capacity periods)
   * @return the decision and the next state
   * @throws CrmException if an argument is null
   */
  public AssignmentResult assign(Lead lead, AssignmentState state, Instant at) {
    Checks.present("lead", lead);
    Checks.present("state", state);
    Checks.present("at", at);
    AssignmentEngine.Working w = engine.load(state);
    Assignment a = engine.assign(lead, at, w, true);
    return new AssignmentResult(a, engine.export(w));
  }

  /**
   * Assigns one lead at the clock's current instant; see {@link #assign(Lead, AssignmentState,
   * Instant)}.
   *
   * @throws CrmException if an argument is null
   */
  public AssignmentResult assign(Lead lead, AssignmentState state, Clock clock) {
    Checks.present("clock", clock);
    return assign(lead, state, clock.instant());
  }

  /**
   * Assigns many leads in order at one instant, threading the state from each to the next.
   * Equivalent to calling {@link #assign(Lead, AssignmentState, Instant)} for each lead in turn,
   * but reads and writes the state once. O(n × (candidate entries + pool size)).
   *
   * @throws CrmException if an argument or a lead is null
   */
  public AssignmentBatch assignAll(List<Lead> leads, AssignmentState state, Instant at) {
    Checks.present("leads", leads);
    Checks.present("state", state);
    Checks.present("at", at);
    AssignmentEngine.Working w = engine.load(state);
    List<Assignment> out = new ArrayList<>(leads.size());
    for (Lead lead : leads) {
      out.add(engine.assign(Checks.present("lead", lead), at, w, true));
    }
    return new AssignmentBatch(out, engine.export(w));
  }

  /**
   * Assigns many leads in order at one instant, writing compact codes into arrays instead of
   * building decisions (no allocation per lead): {@code assignees[i]} receives a code to decode
   * with {@link #assigneeOf(int)}, {@code rules[i]} the entry index (-1 for the default rule;
   * decode with {@link #ruleName(int)}). Same decisions and state as {@link #assignAll(List,
   * AssignmentState, Instant)}.
   *
   * @return the state after the last lead
   * @throws CrmException if an argument is null or an array is shorter than {@code leads}
   */
  public AssignmentState assignAll(List<Lead> leads, AssignmentState state, Instant at,
      int[] assignees, int[] rules) {
    Checks.present("leads", leads);
    Checks.present("state", state);
    Checks.present("at", at);
    if (assignees.length < leads.size() || rules.length < leads.size()) {
      throw new CrmException("assignees and rules must hold " + leads.size()
          + " codes, but had room for " + assignees.length + " and " + rules.length);
    }
    AssignmentEngine.Working w = engine.load(state);
    for (int i = 0, n = leads.size(); i < n; i++) {
      long code = engine.assignCode(Checks.present("lead", leads.get(i)), at, w);
      assignees[i] = (int) (code >>> 32);
      rules[i] = (int) code;
    }
    return engine.export(w);
  }

  /**
   * The assignee an assignee code from {@link #assignAll(List, AssignmentState, Instant, int[],
   * int[])} stands for.
   *
   * @throws CrmException if {@code code} is not a valid code
   */
  public Assignee assigneeOf(int code) {
    return engine.assignee(code);
  }

  /**
   * The name of the entry at {@code index}, or {@link Assignment#DEFAULT_RULE} for -1.
   *
   * @throws CrmException if {@code index} is not -1 or an entry index
   */
  public String ruleName(int index) {
    if (index == -1) {
      return Assignment.DEFAULT_RULE;
    }
    if (index < 0 || index >= entries.size()) {
      throw new CrmException("rule index must be -1 or in [0, " + entries.size() + "), but was "
          + index);
    }
    return entries.get(index).name();
  }

  /**
   * Replays a log of assignment requests from {@code initial}: returns exactly the decisions and
   * the final state the original sequence of {@link #assign} calls produced (given the same rules
   * and no host edits of the state in between).
   *
   * @throws CrmException if an argument or a request is null
   */
  public AssignmentBatch replay(AssignmentState initial, List<AssignmentRequest> log) {
    Checks.present("initial", initial);
    Checks.present("log", log);
    AssignmentEngine.Working w = engine.load(initial);
    List<Assignment> out = new ArrayList<>(log.size());
    for (AssignmentRequest r : log) {
      Checks.present("request", r);
      out.add(engine.assign(r.lead(), r.at(), w, true));
    }
    return new AssignmentBatch(out, engine.export(w));
  }

  /**
   * Plans the reassignment of records after a rep left (mark the user inactive or remove them
   * from the rules' users) or territories were realigned (rules built on the new hierarchy or
   * entries). A record keeps its owner if the owner is still acceptable for the entry the record
   * now matches: the entry's user; a member of the entry's queue team; an active pool member who
   * meets the entry's skill and territory requirements (availability and capacity are ignored
   * for records already owned); the default owner likewise. Every other record is assigned anew,
   * in input order and threading the state, and listed with the reason; moving a record takes one
   * open item from its old owner.
   *
   * @param records the records to check, with their current owners (the host's data)
   * @param state the distribution state
   * @param at the instant of the reassignment
   * @return the moves to apply and the next state
   * @throws CrmException if an argument or a record is null
   */
  public ReassignmentPlan reassign(List<OwnedRecord> records, AssignmentState state, Instant at) {
    Checks.present("records", records);
    Checks.present("state", state);
    Checks.present("at", at);
    AssignmentEngine.Working w = engine.load(state);
    List<Reassignment> moves = new ArrayList<>();
    for (OwnedRecord r : records) {
      Checks.present("record", r);
      Optional<Reassignment> move = engine.reassign(r, at, w);
      move.ifPresent(moves::add);
    }
    return new ReassignmentPlan(moves, engine.export(w));
  }

  /**
   * Builds {@link AssignmentRules}: collects the hierarchies, users, profiles, entries and the
   * default owner, and validates them all at once in {@link #build()}. Not thread-safe.
   */
  public static final class Builder {
    private Hierarchy<TerritoryId> territories = Hierarchy.<TerritoryId>builder().build();
    private Hierarchy<ProductLineId> productLines = Hierarchy.<ProductLineId>builder().build();
    private final List<User> users = new ArrayList<>();
    private final List<RepProfile> profileList = new ArrayList<>();
    private final List<AssignmentEntry> entries = new ArrayList<>();
    private @Nullable Target defaultOwner;

    private Builder() {}

    /** The territory hierarchy conditions and territory coverage are evaluated against. */
    public Builder territories(Hierarchy<TerritoryId> territories) {
      this.territories = Checks.present("territories", territories);
      return this;
    }

    /** The product-line hierarchy product-line conditions are evaluated against. */
    public Builder productLines(Hierarchy<ProductLineId> productLines) {
      this.productLines = Checks.present("productLines", productLines);
      return this;
    }

    /** Adds users (reps, owners); a team is known if at least one user belongs to it. */
    public Builder users(Collection<User> users) {
      for (User u : Checks.present("users", users)) {
        this.users.add(Checks.present("user", u));
      }
      return this;
    }

    /** Adds one user. */
    public Builder user(User user) {
      users.add(Checks.present("user", user));
      return this;
    }

    /** Adds a rep profile; at most one per user. */
    public Builder profile(RepProfile profile) {
      profileList.add(Checks.present("profile", profile));
      return this;
    }

    /** Adds rep profiles. */
    public Builder profiles(Collection<RepProfile> profiles) {
      for (RepProfile p : Checks.present("profiles", profiles)) {
        profile(p);
      }
      return this;
    }

    /** Appends an entry; entries are tried in the order they are added. */
    public Builder entry(String name, Condition condition, Target target) {
      entries.add(new AssignmentEntry(name, condition, target));
      return this;
    }

    /** Appends entries, in order. */
    public Builder entries(Collection<AssignmentEntry> entries) {
      for (AssignmentEntry e : Checks.present("entries", entries)) {
        entry(e);
      }
      return this;
    }

    /** Appends an entry. */
    public Builder entry(AssignmentEntry entry) {
      entries.add(Checks.present("entry", entry));
      return this;
    }

    /** The owner of leads no entry matches, and of leads whose entry finds no eligible rep. */
    public Builder defaultOwner(Target owner) {
      this.defaultOwner = Checks.present("defaultOwner", owner);
      return this;
    }

    /**
     * Validates and compiles the rules.
     *
     * @throws InvalidDefinitionException listing every problem: duplicate users or entry names,
     *     profiles of unknown users, unknown territories, product lines, users or teams, inactive
     *     target users, empty or contradictory conditions ranges, pools naming both or neither of
     *     a team and users, unreachable entries (implied by an earlier entry's condition), a
     *     missing or distributing default owner
     */
    public AssignmentRules build() {
      List<Problem> problems = new ArrayList<>();
      List<Problem> warnings = new ArrayList<>();
      AssignmentValidation v = new AssignmentValidation(territories, productLines, users,
          profileList, entries, defaultOwner, problems, warnings);
      v.run();
      if (!problems.isEmpty()) {
        throw new InvalidDefinitionException("assignment rules", problems);
      }
      LOG.debug("assignment rules built: {} entries, {} users, {} warnings", entries.size(),
          users.size(), warnings.size());
      // validation reports a missing default owner, so it is present here
      Target owner = requireNonNull(defaultOwner, "defaultOwner");
      AssignmentEngine engine = new AssignmentEngine(territories, productLines, users,
          v.profiles(), entries, owner);
      return new AssignmentRules(territories, productLines, List.copyOf(users),
          List.copyOf(profileList), List.copyOf(entries), owner, List.copyOf(warnings),
          engine);
    }
  }
}

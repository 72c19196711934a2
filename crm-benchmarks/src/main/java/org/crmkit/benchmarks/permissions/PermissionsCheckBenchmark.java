package org.crmkit.benchmarks.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One permission check on the benchmark organisation ({@link PermissionsOrg}: 10,000 users, 500
 * roles of depth 8, 100 sharing rules), cycling over the same 1,024 requests (half on records the
 * user owns). crmkit ({@code check} with its decision object, and {@code isAllowed}) beside each
 * peer in the form its maintainers recommend for this workload and in the form a naive user
 * writes, each labelled (see {@code docs/benchmarks.md}):
 *
 * <ul>
 *   <li>{@code jcasbinDomainsNaive}: RBAC with domains and a domain-matching function ({@link
 *       CasbinModel}), the form the domain model suggests and the docs do not recommend here;
 *   <li>{@code jcasbinResourceRoles}: RBAC with resource roles, no domains ({@link
 *       CasbinResourceRoles}); {@code jcasbinShardedByType} and {@code
 *       jcasbinShardedByTypeAction}: the same, one enforcer per object type or per (type, action),
 *       as Casbin's performance page recommends (load only the relevant policies per enforcer);
 *   <li>{@code cedarUntypedNaive}: every policy in one set with the record type in {@code when}
 *       ({@link CedarModel}); {@code cedarTypedAll}: typed scopes ({@code resource is Customer},
 *       {@link CedarTypedModel}) in one set; {@code cedarIndexedByType} and {@code
 *       cedarIndexedByTypeAction}: the host passes only the set its index selects, as Cedar's
 *       best-practice guide suggests; {@code cedarEmptyPolicySet}: the same request against a set
 *       without policies, cedar-java's fixed cost per call.
 * </ul>
 *
 * <p>No decision cache ({@code CachedEnforcer}) is measured: on a repeating pool of 1,024
 * requests every call would be a cache hit, which measures a {@code HashMap}, not a check. Build
 * times are printed by each setup, apart from the per-check times; each setup also prints how
 * often the variant agrees with crmkit on 2,000 requests and fails the run unless it agrees on all.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
    "-Dcedar.cache.maxPolicySets=128"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PermissionsCheckBenchmark {
  static final int POOL = 1024;

  /** The organisation, the crmkit policy and the request pool. */
  @State(Scope.Benchmark)
  public static class Requests {
    PermissionsOrg org;
    AccessPolicy policy;
    User[] users = new User[POOL];
    Action[] actions = new Action[POOL];
    AccessRecord[] records = new AccessRecord[POOL];
    List<AccessRecord> more;
    int next;

    @Setup
    public void setUp() {
      org = new PermissionsOrg(42);
      policy = org.crmkit().build();
      List<AccessRecord> pool = org.records(POOL * 3, 7);
      more = pool.subList(POOL, pool.size());
      Random rnd = new Random(11);
      for (int i = 0; i < POOL; i++) {
        User u = org.user(rnd.nextInt(PermissionsOrg.USERS));
        AccessRecord r = pool.get(i);
        if (i % 2 == 0) {
          r = AccessRecord.builder().from(r).owner(u.id()).orgUnit(u.orgUnit()).build();
        }
        users[i] = u;
        records[i] = r;
        actions[i] = Action.values()[rnd.nextInt(3)];
      }
    }

    int nextIndex() {
      int k = next;
      next = (k + 1) & (POOL - 1);
      return k;
    }

    /** The pool plus random users on further records, for agreement checks. */
    List<Object[]> agreementRequests() {
      List<Object[]> out = new ArrayList<>();
      Random rnd = new Random(5);
      for (int i = 0; i < 2_000; i++) {
        int k = i % POOL;
        out.add(i < POOL ? new Object[] {users[k], actions[k], records[k]}
            : new Object[] {org.user(rnd.nextInt(PermissionsOrg.USERS)), actions[k], more.get(i)});
      }
      return out;
    }
  }

  /** Counts agreement with crmkit on the agreement requests; fails the run on any difference. */
  interface Decider {
    boolean decide(User u, Action a, AccessRecord r) throws Exception;
  }

  static void agreement(Requests q, String label, long builtNanos, Decider d) throws Exception {
    int agree = 0;
    List<String> diffs = new ArrayList<>();
    List<Object[]> requests = q.agreementRequests();
    for (Object[] r : requests) {
      boolean mine = q.policy.isAllowed((User) r[0], (Action) r[1], (AccessRecord) r[2]);
      if (d.decide((User) r[0], (Action) r[1], (AccessRecord) r[2]) == mine) {
        agree++;
      } else if (diffs.size() < 3) {
        diffs.add(q.policy.check((User) r[0], (Action) r[1], (AccessRecord) r[2]).explain());
      }
    }
    System.out.printf("%n%s: %s; agrees with crmkit on %d of %d%n", label,
        builtNanos < 0 ? "built with the set above" : "built in " + builtNanos / 1_000_000 + " ms",
        agree, requests.size());
    if (agree != requests.size()) {
      throw new IllegalStateException(label + " disagrees with crmkit; first disagreements"
          + " (crmkit's view): " + diffs);
    }
  }

  /** jCasbin in the recommended forms: resource roles, one enforcer and sharded. */
  @State(Scope.Benchmark)
  public static class Casbin {
    CasbinResourceRoles resourceRoles;
    CasbinResourceRoles.Sharded byType;
    CasbinResourceRoles.Sharded byTypeAction;

    @Setup
    public void setUp(Requests q) throws Exception {
      long t0 = System.nanoTime();
      resourceRoles = new CasbinResourceRoles(q.org);
      agreement(q, "jCasbin resource roles (" + resourceRoles.lines + " policy lines)",
          System.nanoTime() - t0, resourceRoles::enforce);
      t0 = System.nanoTime();
      byType = new CasbinResourceRoles.Sharded(q.org, resourceRoles, false);
      agreement(q, "jCasbin sharded by type (" + byType.count() + " enforcers, shared links)",
          System.nanoTime() - t0, byType::enforce);
      t0 = System.nanoTime();
      byTypeAction = new CasbinResourceRoles.Sharded(q.org, resourceRoles, true);
      agreement(q, "jCasbin sharded by (type, action) (" + byTypeAction.count()
          + " enforcers, shared links)", System.nanoTime() - t0, byTypeAction::enforce);
    }
  }

  /**
   * jCasbin, naive: RBAC with domains (its own state, because the model takes tens of seconds to
   * build: only the benchmark that uses it pays for it).
   */
  @State(Scope.Benchmark)
  public static class CasbinDomains {
    CasbinModel domains;

    @Setup
    public void setUp(Requests q) throws Exception {
      long t0 = System.nanoTime();
      domains = new CasbinModel(q.org);
      agreement(q, "jCasbin RBAC with domains (naive)", System.nanoTime() - t0,
          domains::enforce);
    }
  }

  /** Cedar, every form. */
  @State(Scope.Benchmark)
  public static class Cedar {
    CedarModel untyped;
    CedarModel.Prepared[] untypedPrepared = new CedarModel.Prepared[POOL];
    CedarTypedModel typed;
    CedarTypedModel.Prepared[] prepared = new CedarTypedModel.Prepared[POOL];

    @Setup
    public void setUp(Requests q) throws Exception {
      com.cedarpolicy.model.policy.PolicySet.setCacheMaxPolicySets(128);
      long t0 = System.nanoTime();
      untyped = new CedarModel(q.org);
      long built = System.nanoTime() - t0;
      for (int i = 0; i < POOL; i++) {
        untypedPrepared[i] = untyped.prepare(q.users[i], q.actions[i], q.records[i]);
      }
      agreement(q, "Cedar untyped, one set (naive; " + untyped.policies.getNumPolicies()
          + " policies)", built, (u, a, r) -> untyped.isAuthorized(untyped.prepare(u, a, r)));
      t0 = System.nanoTime();
      typed = new CedarTypedModel(q.org);
      built = System.nanoTime() - t0;
      for (int i = 0; i < POOL; i++) {
        prepared[i] = typed.prepare(q.users[i], q.actions[i], q.records[i]);
      }
      agreement(q, "Cedar typed, one set (" + typed.policyCount + " policies; the indexed sets"
          + " are built with it)", built, (u, a, r) -> typed.allPolicies(typed.prepare(u, a, r)));
      agreement(q, "Cedar typed, indexed by type", -1,
          (u, a, r) -> typed.indexedByType(typed.prepare(u, a, r)));
      agreement(q, "Cedar typed, indexed by (type, action)", -1,
          (u, a, r) -> typed.indexedByTypeAction(typed.prepare(u, a, r)));
    }
  }

  @Benchmark
  public boolean crmkitCheck(Requests q) {
    int k = q.nextIndex();
    return q.policy.check(q.users[k], q.actions[k], q.records[k]).allowed();
  }

  @Benchmark
  public boolean crmkitIsAllowed(Requests q) {
    int k = q.nextIndex();
    return q.policy.isAllowed(q.users[k], q.actions[k], q.records[k]);
  }

  /** Naive: RBAC with domains and a domain-matching function. */
  @Benchmark
  public boolean jcasbinDomainsNaive(Requests q, CasbinDomains c) {
    int k = q.nextIndex();
    return c.domains.enforce(q.users[k], q.actions[k], q.records[k]);
  }

  /** Recommended model: RBAC with resource roles, one enforcer. */
  @Benchmark
  public boolean jcasbinResourceRoles(Requests q, Casbin c) {
    int k = q.nextIndex();
    return c.resourceRoles.enforce(q.users[k], q.actions[k], q.records[k]);
  }

  /** Recommended: resource roles, one enforcer per object type. */
  @Benchmark
  public boolean jcasbinShardedByType(Requests q, Casbin c) {
    int k = q.nextIndex();
    return c.byType.enforce(q.users[k], q.actions[k], q.records[k]);
  }

  /** Recommended: resource roles, one enforcer per (object type, action). */
  @Benchmark
  public boolean jcasbinShardedByTypeAction(Requests q, Casbin c) {
    int k = q.nextIndex();
    return c.byTypeAction.enforce(q.users[k], q.actions[k], q.records[k]);
  }

  /** Naive: every policy in one set, the record type in {@code when}. */
  @Benchmark
  public boolean cedarUntypedNaive(Requests q, Cedar c) throws Exception {
    return c.untyped.isAuthorized(c.untypedPrepared[q.nextIndex()]);
  }

  /** Typed scopes, every policy in one set. */
  @Benchmark
  public boolean cedarTypedAll(Requests q, Cedar c) throws Exception {
    return c.typed.allPolicies(c.prepared[q.nextIndex()]);
  }

  /** Recommended: typed scopes, the host passes the set indexed by the record's type. */
  @Benchmark
  public boolean cedarIndexedByType(Requests q, Cedar c) throws Exception {
    return c.typed.indexedByType(c.prepared[q.nextIndex()]);
  }

  /** Recommended: typed scopes, the set indexed by (record type, action). */
  @Benchmark
  public boolean cedarIndexedByTypeAction(Requests q, Cedar c) throws Exception {
    return c.typed.indexedByTypeAction(c.prepared[q.nextIndex()]);
  }

  /** cedar-java's fixed cost: the same request against a set without policies (always deny). */
  @Benchmark
  public boolean cedarEmptyPolicySet(Requests q, Cedar c) throws Exception {
    return c.typed.isAuthorized(c.prepared[q.nextIndex()], c.typed.empty);
  }
}

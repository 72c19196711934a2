package org.crmkit.benchmarks.permissions;

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
 * roles of depth 8, 100 sharing rules): crmkit ({@code check} with its decision object, and
 * {@code isAllowed}), jCasbin 1.99 ({@link CasbinModel}) and Cedar ({@link CedarModel}), cycling
 * over the same 1,024 requests (half on records the user owns). The setup prints how often the
 * three agree on 2,000 requests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PermissionsCheckBenchmark {
  static final int POOL = 1024;

  AccessPolicy policy;
  CasbinModel casbin;
  CedarModel cedar;
  User[] users = new User[POOL];
  Action[] actions = new Action[POOL];
  AccessRecord[] records = new AccessRecord[POOL];
  CedarModel.Prepared[] prepared = new CedarModel.Prepared[POOL];
  int next;

  @Setup
  public void setUp() throws Exception {
    PermissionsOrg org = new PermissionsOrg(42);
    policy = org.crmkit().build();
    casbin = new CasbinModel(org);
    cedar = new CedarModel(org);
    List<AccessRecord> pool = org.records(POOL * 4, 7);
    Random rnd = new Random(11);
    int allowed = 0;
    for (int i = 0; i < POOL; i++) {
      User u = org.user(rnd.nextInt(PermissionsOrg.USERS));
      AccessRecord r = pool.get(i);
      if (i % 2 == 0) {
        r = AccessRecord.builder().from(r).owner(u.id()).orgUnit(u.orgUnit()).build();
      }
      users[i] = u;
      records[i] = r;
      actions[i] = Action.values()[rnd.nextInt(3)];
      prepared[i] = cedar.prepare(u, actions[i], r);
      allowed += policy.isAllowed(u, actions[i], r) ? 1 : 0;
    }
    int agreeCasbin = 0;
    int agreeCedar = 0;
    int n = 2_000;
    for (int i = 0; i < n; i++) {
      int k = i % POOL;
      AccessRecord r = i < POOL ? records[k] : pool.get(POOL + i);
      User u = i < POOL ? users[k] : org.user(rnd.nextInt(PermissionsOrg.USERS));
      Action a = actions[k];
      boolean mine = policy.isAllowed(u, a, r);
      agreeCasbin += casbin.enforce(u, a, r) == mine ? 1 : 0;
      agreeCedar += cedar.isAuthorized(cedar.prepare(u, a, r)) == mine ? 1 : 0;
    }
    System.out.printf("%npool: %d of %d requests allowed; agreement with crmkit on %d requests:"
        + " jCasbin %d, Cedar %d%n", allowed, POOL, n, agreeCasbin, agreeCedar);
  }

  private int nextIndex() {
    int k = next;
    next = (k + 1) & (POOL - 1);
    return k;
  }

  @Benchmark
  public boolean crmkitCheck() {
    int k = nextIndex();
    return policy.check(users[k], actions[k], records[k]).allowed();
  }

  @Benchmark
  public boolean crmkitIsAllowed() {
    int k = nextIndex();
    return policy.isAllowed(users[k], actions[k], records[k]);
  }

  @Benchmark
  public boolean jcasbinEnforce() {
    int k = nextIndex();
    return casbin.enforce(users[k], actions[k], records[k]);
  }

  @Benchmark
  public boolean cedarIsAuthorized() throws Exception {
    return cedar.isAuthorized(prepared[nextIndex()]);
  }
}

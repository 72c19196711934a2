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
 * roles of depth 8, 100 sharing rules): crmkit ({@code check} with its decision object, and
 * {@code isAllowed}), jCasbin 1.99 ({@link CasbinModel}) and Cedar ({@link CedarModel}), cycling
 * over the same 1,024 requests (half on records the user owns). The peers' setups print how often
 * they agree with crmkit on 2,000 requests, and the first disagreements.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
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

  /** jCasbin, with an agreement report. */
  @State(Scope.Benchmark)
  public static class Casbin {
    CasbinModel model;

    @Setup
    public void setUp(Requests q) {
      long t0 = System.nanoTime();
      model = new CasbinModel(q.org);
      long built = System.nanoTime() - t0;
      int agree = 0;
      List<String> diffs = new ArrayList<>();
      for (Object[] r : q.agreementRequests()) {
        boolean mine = q.policy.isAllowed((User) r[0], (Action) r[1], (AccessRecord) r[2]);
        if (model.enforce((User) r[0], (Action) r[1], (AccessRecord) r[2]) == mine) {
          agree++;
        } else if (diffs.size() < 3) {
          diffs.add(q.policy.check((User) r[0], (Action) r[1], (AccessRecord) r[2]).explain());
        }
      }
      System.out.printf("%njCasbin: model built in %d ms; agrees with crmkit on %d of 2000;"
          + " first disagreements (crmkit's view): %s%n", built / 1_000_000, agree, diffs);
    }
  }

  /** Cedar, with an agreement report and the prepared requests. */
  @State(Scope.Benchmark)
  public static class Cedar {
    CedarModel model;
    CedarModel.Prepared[] prepared = new CedarModel.Prepared[POOL];

    @Setup
    public void setUp(Requests q) throws Exception {
      long t0 = System.nanoTime();
      model = new CedarModel(q.org);
      long built = System.nanoTime() - t0;
      for (int i = 0; i < POOL; i++) {
        prepared[i] = model.prepare(q.users[i], q.actions[i], q.records[i]);
      }
      int agree = 0;
      List<String> diffs = new ArrayList<>();
      for (Object[] r : q.agreementRequests()) {
        boolean mine = q.policy.isAllowed((User) r[0], (Action) r[1], (AccessRecord) r[2]);
        if (model.isAuthorized(model.prepare((User) r[0], (Action) r[1], (AccessRecord) r[2]))
            == mine) {
          agree++;
        } else if (diffs.size() < 3) {
          diffs.add(q.policy.check((User) r[0], (Action) r[1], (AccessRecord) r[2]).explain());
        }
      }
      System.out.printf("%nCedar: native library loaded, %d policies parsed in %d ms; agrees with"
          + " crmkit on %d of 2000; first disagreements (crmkit's view): %s%n",
          q.org.grants.size() + q.org.rules.size(), built / 1_000_000, agree, diffs);
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

  @Benchmark
  public boolean jcasbinEnforce(Requests q, Casbin c) {
    int k = q.nextIndex();
    return c.model.enforce(q.users[k], q.actions[k], q.records[k]);
  }

  @Benchmark
  public boolean cedarIsAuthorized(Requests q, Cedar c) throws Exception {
    return c.model.isAuthorized(c.prepared[q.nextIndex()]);
  }
}

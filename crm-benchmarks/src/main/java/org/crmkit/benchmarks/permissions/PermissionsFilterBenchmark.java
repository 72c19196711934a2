package org.crmkit.benchmarks.permissions;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.model.User;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
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
 * {@code filter} of 1,000,000 records for one user (cycling over 16 users) on the benchmark
 * organisation, and the compilation of its policy. Target: filter &lt; 50 ms, compile &lt; 200
 * ms. {@code scanBaseline} only reads each record's type: the memory floor of any filter over
 * this record representation (one thread; the filter runs on the common pool, 2 threads here).
 * {@code scanFieldsBaseline} also reads what a decision by owner and org unit must read: the
 * cached hashes of the owner's and the unit's id strings (one thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PermissionsFilterBenchmark {
  static final int RECORDS = 1_000_000;

  PermissionsOrg org;
  AccessPolicy.Builder builder;
  AccessPolicy policy;
  List<AccessRecord> records;
  User[] users = new User[16];
  int next;

  @Setup
  public void setUp() {
    org = new PermissionsOrg(42);
    builder = org.crmkit();
    policy = builder.build();
    records = org.records(RECORDS, 3);
    for (int i = 0; i < users.length; i++) {
      users[i] = org.user(i * 613);
    }
  }

  @Benchmark
  public int filterMillionRecords() {
    User u = users[next];
    next = (next + 1) & 15;
    return policy.filter(u, Action.READ, records).size();
  }

  /** The floor: one pass over the records reading each one's type, deciding nothing. */
  @Benchmark
  public int scanBaseline() {
    int n = 0;
    for (AccessRecord r : records) {
      if (r.type() == ObjectType.CUSTOMER) {
        n++;
      }
    }
    return n;
  }

  /** A floor that reads the fields a decision needs: type, owner and unit id hashes. */
  @Benchmark
  public int scanFieldsBaseline() {
    int n = 0;
    for (AccessRecord r : records) {
      n += (r.type() == ObjectType.CUSTOMER ? 1 : 0) + r.owner().value().hashCode()
          + r.orgUnit().value().hashCode();
    }
    return n;
  }

  @Benchmark
  public AccessPolicy compilePolicy() {
    return builder.build();
  }
}

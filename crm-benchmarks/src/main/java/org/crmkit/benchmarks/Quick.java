package org.crmkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The quick benchmark pass: every benchmark once (one fork, one 0.5 s warm-up and one 0.5 s
 * measurement iteration) on smaller data (100,000 nodes, leads and customers; 1,000,000
 * transactions), in under 10 minutes on 2 cores, so that a regression shows while developing.
 * Its figures are not for publication: no warm-up worth the name, one fork, small data.
 *
 * <pre>{@code
 * ./mvnw -B -q package -DskipTests -pl crm-benchmarks -am
 * java -cp crm-benchmarks/target/benchmarks.jar org.crmkit.benchmarks.Quick [regex]
 * }</pre>
 */
public final class Quick {
  private Quick() {}

  /**
   * Runs the quick pass over the benchmarks matching the optional regular expression (all by
   * default).
   *
   * @throws RunnerException if JMH fails
   */
  public static void main(String[] args) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(args.length > 0 ? args[0] : "org\\.crmkit\\.benchmarks\\..*")
        .exclude("HierarchyFootprint")
        .forks(1)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(500))
        .timeout(TimeValue.minutes(2))
        .timeUnit(TimeUnit.MICROSECONDS)
        .param("size", "100000")
        .param("nodes", "100000")
        .param("moves", "100")
        .param("queries", "1024")
        .param("leads", "100000")
        .param("customers", "100000")
        .param("transactions", "1000000");
    new Runner(options.build()).run();
  }
}

package org.crmkit.benchmarks.lifecycle;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.CustomerLifecycle;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.LeadTemperature;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * crmkit's {@code decide} on its other paths: a guarded transition whose guard holds, a guard
 * that fails (the rejection explains itself, so it allocates), a precomputed rejection (no
 * transition), and an inherited transition of a composite state.
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar LifecycleDecideBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LifecycleDecideBenchmark {
  Machine temperature;
  Machine lifecycle;
  Machine funnel;
  Context hotScore;
  Context noOrders;

  @Setup(Level.Trial)
  public void setUp() {
    temperature = LeadTemperature.machine();
    lifecycle = CustomerLifecycle.machine();
    funnel = SalesFunnel.machine();
    hotScore = Context.of(Map.of("score", 85));
    noOrders = Context.of(Map.of("paidOrders", 0));
  }

  /** Guard holds: cold --score-changed [hot-score]--> hot. */
  @Benchmark
  public Decision guardHolds() {
    return temperature.decide("cold", "score-changed", hotScore);
  }

  /** Guard fails: intentional --order-paid [first-order-paid] rejected with an explanation. */
  @Benchmark
  public Decision guardFails() {
    return lifecycle.decide("intentional", "order-paid", noOrders);
  }

  /** Precomputed rejection: no transition on 'win' in 'prospect'. */
  @Benchmark
  public Decision noTransition() {
    return funnel.decide("prospect", "win");
  }

  /** Inherited from the composite 'opportunity': proposal --lose--> lost. */
  @Benchmark
  public Decision inheritedTransition() {
    return funnel.decide("proposal", "lose");
  }
}

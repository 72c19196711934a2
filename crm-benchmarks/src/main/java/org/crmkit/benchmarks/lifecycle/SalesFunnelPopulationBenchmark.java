package org.crmkit.benchmarks.lifecycle;

import static org.crmkit.benchmarks.lifecycle.FunnelPeers.BEFORE_STEP;
import static org.crmkit.benchmarks.lifecycle.FunnelPeers.CYCLE;
import static org.crmkit.benchmarks.lifecycle.FunnelPeers.CYCLE_NAMES;

import com.github.oxo42.stateless4j.StateMachineConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.Deal;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.E;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.S;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.SquirrelFunnel;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/**
 * Time (and, with {@code -prof gc}, bytes allocated) per decided transition over a population of
 * {@value #DEALS} deals, as a CRM holds them: each invocation gives every deal its next event of
 * the guard-free {@link FunnelPeers#CYCLE}, in a fixed random order, and counts {@value #DEALS}
 * operations. Deal {@code d} starts {@code d % 6} steps into the cycle, so all funnel stages are
 * present at once. Consecutive decisions concern different deals and do not wait for each other,
 * which is what a CRM applying incoming events to its customers does; {@link SalesFunnelBenchmark}
 * measures the latency of one deal's successive decisions.
 *
 * <p>Each library is used the way it recommends per entity (as in {@link SalesFunnelBenchmark}):
 * crmkit's pure {@code decide} with the host keeping each deal's state (name or int code);
 * squirrel-foundation with a live instance per deal, or restored from the stored state per event;
 * stateless4j with a live machine per deal bound to the deal's state by accessor and mutator, or
 * created around the stored state per event; Spring Statemachine with a live, started machine per
 * deal. Only the library being measured is built in a trial, so no other library's objects weigh
 * on its heap. At setup it walks every deal through two whole cycles, and after each pass every
 * deal must be in the state the cycle prescribes ({@link FunnelPeers#BEFORE_STEP}).
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar SalesFunnelPopulationBenchmark
 * -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SalesFunnelPopulationBenchmark {
  /** The number of deals. */
  static final int DEALS = 8192;

  /** One library holding the population's states. */
  abstract static class Population {
    final int[] order;
    /** Each deal's position in the cycle: its next event is {@code CYCLE[phase[d]]}. */
    final int[] phase;

    Population(int[] order, int[] phase) {
      this.order = order;
      this.phase = phase;
    }

    /** Applies step {@code p} of the cycle to deal {@code d}; returns a number of the new state. */
    abstract int apply(int d, int p);

    /** Deal {@code d}'s state, in upper case. */
    abstract String state(int d);

    /** Gives every deal its next event, in {@code order}; returns a checksum of the new states. */
    final int pass() {
      int[] order = this.order;
      int[] phase = this.phase;
      int sum = 0;
      for (int i = 0; i < order.length; i++) {
        int d = order[i];
        int p = phase[d];
        phase[d] = FunnelPeers.next(p);
        sum += apply(d, p);
      }
      return sum;
    }

    /** Brings deal {@code d} to its starting step {@code d % 6}, then checks two whole cycles. */
    final Population checked() {
      for (int d = 0; d < phase.length; d++) {
        for (int p = 0; p < d % CYCLE.length; p++) {
          apply(d, p);
        }
        phase[d] = d % CYCLE.length;
      }
      for (int round = 0; round < 2 * CYCLE.length; round++) {
        pass();
        for (int d = 0; d < phase.length; d++) {
          String expected = BEFORE_STEP[phase[d]].name();
          if (!state(d).equals(expected)) {
            throw new IllegalStateException(getClass().getSimpleName() + ": deal " + d
                + " is in " + state(d) + " after round " + round + ", expected " + expected);
          }
        }
      }
      return this;
    }
  }

  /** crmkit by name: the host keeps each deal's state name. */
  static final class CrmkitByName extends Population {
    final Machine machine = SalesFunnel.machine();
    final String[] state = new String[DEALS];

    CrmkitByName(int[] order) {
      super(order, new int[DEALS]);
      Arrays.fill(state, "lead");
    }

    @Override
    int apply(int d, int p) {
      String s = machine.decide(state[d], CYCLE_NAMES[p]).state();
      state[d] = s;
      return s.length();
    }

    @Override
    String state(int d) {
      return state[d].toUpperCase(Locale.ROOT);
    }
  }

  /** crmkit by code: the host keeps each deal's state as an int code. */
  static final class CrmkitByCode extends Population {
    final Machine machine = SalesFunnel.machine();
    final int[] state = new int[DEALS];
    final int[] events = new int[CYCLE_NAMES.length];

    CrmkitByCode(int[] order) {
      super(order, new int[DEALS]);
      Arrays.fill(state, machine.stateCode("lead"));
      for (int i = 0; i < events.length; i++) {
        events[i] = machine.eventCode(CYCLE_NAMES[i]);
      }
    }

    @Override
    int apply(int d, int p) {
      int s = machine.decide(state[d], events[p]).stateCode();
      state[d] = s;
      return s;
    }

    @Override
    String state(int d) {
      return machine.stateName(state[d]).toUpperCase(Locale.ROOT);
    }
  }

  /** squirrel-foundation: a live machine instance per deal. */
  static final class SquirrelLive extends Population {
    final SquirrelFunnel[] machine = new SquirrelFunnel[DEALS];

    SquirrelLive(int[] order) {
      super(order, new int[DEALS]);
      var builder = FunnelPeers.squirrel();
      for (int d = 0; d < DEALS; d++) {
        machine[d] = builder.newStateMachine(S.LEAD);
      }
    }

    @Override
    int apply(int d, int p) {
      SquirrelFunnel m = machine[d];
      m.fire(CYCLE[p]);
      return m.getCurrentState().ordinal();
    }

    @Override
    String state(int d) {
      return machine[d].getCurrentState().name();
    }
  }

  /** squirrel-foundation: the machine restored from the deal's stored state for each event. */
  static final class SquirrelRestore extends Population {
    final org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelFunnel, S, E, Object>
        builder = FunnelPeers.squirrel();
    final S[] stored = new S[DEALS];

    SquirrelRestore(int[] order) {
      super(order, new int[DEALS]);
      Arrays.fill(stored, S.LEAD);
    }

    @Override
    int apply(int d, int p) {
      SquirrelFunnel m = builder.newStateMachine(stored[d]);
      m.fire(CYCLE[p]);
      S s = m.getCurrentState();
      stored[d] = s;
      return s.ordinal();
    }

    @Override
    String state(int d) {
      return stored[d].name();
    }
  }

  /** stateless4j: a live machine per deal, bound to the deal's state. */
  static final class Stateless4jLive extends Population {
    final Deal[] deal = new Deal[DEALS];
    final com.github.oxo42.stateless4j.StateMachine<?, ?>[] machine =
        new com.github.oxo42.stateless4j.StateMachine<?, ?>[DEALS];

    Stateless4jLive(int[] order) {
      super(order, new int[DEALS]);
      StateMachineConfig<S, E> config = FunnelPeers.stateless4j();
      for (int d = 0; d < DEALS; d++) {
        deal[d] = new Deal();
        machine[d] = FunnelPeers.stateless4j(deal[d], config);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    int apply(int d, int p) {
      ((com.github.oxo42.stateless4j.StateMachine<S, E>) machine[d]).fire(CYCLE[p]);
      return deal[d].state.ordinal();
    }

    @Override
    String state(int d) {
      return deal[d].state.name();
    }
  }

  /** stateless4j: a machine created around the deal's stored state for each event. */
  static final class Stateless4jPerRequest extends Population {
    final StateMachineConfig<S, E> config = FunnelPeers.stateless4j();
    final Deal[] deal = new Deal[DEALS];

    Stateless4jPerRequest(int[] order) {
      super(order, new int[DEALS]);
      for (int d = 0; d < DEALS; d++) {
        deal[d] = new Deal();
      }
    }

    @Override
    int apply(int d, int p) {
      Deal stored = deal[d];
      FunnelPeers.stateless4j(stored, config).fire(CYCLE[p]);
      return stored.state.ordinal();
    }

    @Override
    String state(int d) {
      return deal[d].state.name();
    }
  }

  /** Spring Statemachine: a live, started machine per deal. */
  static final class SpringLive extends Population {
    final org.springframework.statemachine.StateMachine<?, ?>[] machine =
        new org.springframework.statemachine.StateMachine<?, ?>[DEALS];

    SpringLive(int[] order) throws Exception {
      super(order, new int[DEALS]);
      for (int d = 0; d < DEALS; d++) {
        machine[d] = FunnelPeers.spring();
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    int apply(int d, int p) {
      var m = (org.springframework.statemachine.StateMachine<S, E>) machine[d];
      m.sendEvent(Mono.just(MessageBuilder.withPayload(CYCLE[p]).build())).blockLast();
      return m.getState().getId().ordinal();
    }

    @Override
    String state(int d) {
      return ((S) machine[d].getState().getId()).name();
    }
  }

  /**
   * A bare {@code int[]} transition table ({@link FunnelPeers#bareTable}) with the host's own
   * bookkeeping and no validation: the floor of this loop, the cost of the host's own work.
   */
  static final class BareTable extends Population {
    final int[] table = FunnelPeers.bareTable();
    final int events = E.values().length;
    final int[] state = new int[DEALS];
    final int[] cycle = new int[CYCLE.length];

    BareTable(int[] order) {
      super(order, new int[DEALS]);
      Arrays.fill(state, S.LEAD.ordinal());
      for (int i = 0; i < cycle.length; i++) {
        cycle[i] = CYCLE[i].ordinal();
      }
    }

    @Override
    int apply(int d, int p) {
      int s = table[state[d] * events + cycle[p]];
      state[d] = s;
      return s;
    }

    @Override
    String state(int d) {
      return S.values()[state[d]].name();
    }
  }

  Population population;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws Exception {
    int[] order = new int[DEALS];
    for (int i = 0; i < DEALS; i++) {
      order[i] = i;
    }
    Random random = new Random(11);
    for (int i = DEALS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    Population p;
    switch (method) {
      case "crmkitDecide" -> p = new CrmkitByName(order);
      case "crmkitDecideByCode" -> p = new CrmkitByCode(order);
      case "squirrelLive" -> p = new SquirrelLive(order);
      case "squirrelRestore" -> p = new SquirrelRestore(order);
      case "stateless4j" -> p = new Stateless4jLive(order);
      case "stateless4jPerRequest" -> p = new Stateless4jPerRequest(order);
      case "springLive" -> p = new SpringLive(order);
      case "bareIntTable" -> p = new BareTable(order);
      default -> throw new IllegalStateException("no population for benchmark " + method);
    }
    population = p.checked();
  }

  /** crmkit: {@code machine.decide(state, event)}; the host keeps each deal's state name. */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int crmkitDecide() {
    return population.pass();
  }

  /** crmkit: {@code machine.decide(stateCode, eventCode)}; the host keeps an int per deal. */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int crmkitDecideByCode() {
    return population.pass();
  }

  /** squirrel-foundation: fire on the deal's live machine instance. */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int squirrelLive() {
    return population.pass();
  }

  /** squirrel-foundation: create the deal's machine from its stored state, then fire. */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int squirrelRestore() {
    return population.pass();
  }

  /** stateless4j: fire on the deal's live machine, bound to its state by accessor and mutator. */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int stateless4j() {
    return population.pass();
  }

  /** stateless4j: create a machine around the deal's stored state, then fire. */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int stateless4jPerRequest() {
    return population.pass();
  }

  /**
   * Spring Statemachine (end of life): send the event to the deal's live, started machine. Warmed
   * up for 16 × 1 s, because its time per event keeps falling for about 12 s; the warm-up lines
   * of the output show that trend.
   */
  @Benchmark
  @Warmup(iterations = 16, time = 1)
  @Measurement(iterations = 5, time = 1)
  @OperationsPerInvocation(DEALS)
  public int springLive() {
    return population.pass();
  }

  /** Baseline: a bare int transition table, no library (see {@link BareTable}). */
  @Benchmark
  @OperationsPerInvocation(DEALS)
  public int bareIntTable() {
    return population.pass();
  }
}

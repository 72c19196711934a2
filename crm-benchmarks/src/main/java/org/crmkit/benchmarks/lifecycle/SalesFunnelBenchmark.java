package org.crmkit.benchmarks.lifecycle;

import static org.crmkit.benchmarks.lifecycle.FunnelPeers.CYCLE;
import static org.crmkit.benchmarks.lifecycle.FunnelPeers.CYCLE_NAMES;

import com.github.oxo42.stateless4j.StateMachineConfig;
import java.util.concurrent.TimeUnit;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.Deal;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.E;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.S;
import org.crmkit.benchmarks.lifecycle.FunnelPeers.SquirrelFunnel;
import org.crmkit.core.lifecycle.Decision;
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
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/**
 * Time (and, with {@code -prof gc}, bytes allocated) per decided transition on the same sales
 * funnel: crmkit's pure {@code decide} against squirrel-foundation, stateless4j and Spring
 * Statemachine, each used the way it recommends per entity.
 *
 * <p>One deal walks the guard-free cycle of {@link FunnelPeers#CYCLE}, one transition per
 * operation; each decision starts from the state the previous one produced, so the figure is the
 * latency of one decision. {@link SalesFunnelPopulationBenchmark} measures the same decisions over
 * a population of deals.
 *
 * <ul>
 *   <li>{@code crmkitDecide}: {@code machine.decide(state, event)}; the host keeps the state.
 *   <li>{@code crmkitDecideByCode}: {@code machine.decide(stateCode, eventCode)}; the host keeps
 *       the state as an int code.
 *   <li>{@code squirrelLive}: one squirrel machine instance per entity, kept alive;
 *       {@code fire(event)}.
 *   <li>{@code squirrelRestore}: the per-request pattern when the state lives in a
 *       database: {@code builder.newStateMachine(storedState)}, then {@code fire}.
 *   <li>{@code stateless4j}: a {@code StateMachine} bound to the entity's state
 *       through an external accessor/mutator (shared {@code StateMachineConfig}); {@code fire}.
 *   <li>{@code stateless4jPerRequest}: a {@code StateMachine} created around the entity's stored
 *       state for each event (the accessor/mutator pattern for database-held state), then {@code
 *       fire}.
 *   <li>{@code bareIntTable}: baseline, a bare {@code int[]} transition table with no library.
 *   <li>{@code springLive}: one Spring Statemachine per entity, started, kept alive;
 *       {@code sendEvent(Mono)} (the non-deprecated reactive API), blocking for the result.
 * </ul>
 *
 * <p>Run: {@code java -jar crm-benchmarks/target/benchmarks.jar SalesFunnelBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SalesFunnelBenchmark {

  Machine crmkit;
  String crmkitState;
  int crmkitCode;
  int[] cycleCodes;

  int[] bareTable;
  int bareEvents;
  int bareState;
  int[] bareCycle;

  org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelFunnel, S, E, Object> squirrelBuilder;
  SquirrelFunnel squirrel;
  S squirrelStored;

  Deal deal;
  com.github.oxo42.stateless4j.StateMachine<S, E> stateless;
  StateMachineConfig<S, E> statelessConfig;
  Deal storedDeal;

  org.springframework.statemachine.StateMachine<S, E> spring;

  int step;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    crmkit = SalesFunnel.machine();
    crmkitState = "lead";
    crmkitCode = crmkit.stateCode("lead");
    cycleCodes = new int[CYCLE_NAMES.length];
    for (int i = 0; i < CYCLE_NAMES.length; i++) {
      cycleCodes[i] = crmkit.eventCode(CYCLE_NAMES[i]);
    }

    bareTable = FunnelPeers.bareTable();
    bareEvents = E.values().length;
    bareState = S.LEAD.ordinal();
    bareCycle = new int[CYCLE.length];
    for (int i = 0; i < CYCLE.length; i++) {
      bareCycle[i] = CYCLE[i].ordinal();
    }

    squirrelBuilder = FunnelPeers.squirrel();
    squirrel = squirrelBuilder.newStateMachine(S.LEAD);
    squirrelStored = S.LEAD;

    statelessConfig = FunnelPeers.stateless4j();
    deal = new Deal();
    stateless = FunnelPeers.stateless4j(deal, statelessConfig);
    storedDeal = new Deal();

    spring = FunnelPeers.spring();

    selfCheck();
    step = 0;
  }

  /** Runs two cycles on every implementation and checks they agree on every state. */
  private void selfCheck() {
    for (int i = 0; i < 2 * CYCLE.length; i++) {
      String c = crmkit();
      if (!crmkit.stateName(crmkitByCode()).equals(c)) {
        throw new IllegalStateException("crmkit by code disagrees with crmkit by name at step " + i);
      }
      S sq = squirrelLiveInstance();
      S sr = squirrelRestoreAndFire();
      S sl = stateless4jExternalState();
      S sn = stateless4jNewPerRequest();
      S sp = springLiveInstance();
      S sb = S.values()[bare()];
      String expected = c.toUpperCase(java.util.Locale.ROOT);
      if (!sq.name().equals(expected) || !sr.name().equals(expected)
          || !sl.name().equals(expected) || !sn.name().equals(expected)
          || !sp.name().equals(expected) || !sb.name().equals(expected)) {
        throw new IllegalStateException("implementations disagree at step " + i + ": crmkit " + c
            + ", squirrel " + sq + "/" + sr + ", stateless4j " + sl + "/" + sn + ", spring " + sp + ", bare table " + sb);
      }
      advance();
    }
  }

  private void advance() {
    if (++step == CYCLE.length) {
      step = 0;
    }
  }

  private String crmkit() {
    Decision d = crmkit.decide(crmkitState, CYCLE_NAMES[step]);
    crmkitState = d.state();
    return crmkitState;
  }

  private int crmkitByCode() {
    crmkitCode = crmkit.decide(crmkitCode, cycleCodes[step]).stateCode();
    return crmkitCode;
  }

  private int bare() {
    bareState = bareTable[bareState * bareEvents + bareCycle[step]];
    return bareState;
  }

  private S squirrelLiveInstance() {
    squirrel.fire(CYCLE[step]);
    return squirrel.getCurrentState();
  }

  private S squirrelRestoreAndFire() {
    SquirrelFunnel m = squirrelBuilder.newStateMachine(squirrelStored);
    m.fire(CYCLE[step]);
    squirrelStored = m.getCurrentState();
    return squirrelStored;
  }

  private S stateless4jExternalState() {
    stateless.fire(CYCLE[step]);
    return deal.state;
  }

  private S stateless4jNewPerRequest() {
    FunnelPeers.stateless4j(storedDeal, statelessConfig).fire(CYCLE[step]);
    return storedDeal.state;
  }

  private S springLiveInstance() {
    spring.sendEvent(Mono.just(MessageBuilder.withPayload(CYCLE[step]).build())).blockLast();
    return spring.getState().getId();
  }

  /** crmkit: a pure decision on a guard-free transition; the host keeps the state string. */
  @Benchmark
  public String crmkitDecide() {
    String s = crmkit();
    advance();
    return s;
  }

  /**
   * crmkit by codes: the host stores the state as a small integer ({@code Machine.stateCode}) and
   * decides by codes, an array read.
   */
  @Benchmark
  public int crmkitDecideByCode() {
    int s = crmkitByCode();
    advance();
    return s;
  }

  /** squirrel-foundation: fire on a live machine instance held for the entity. */
  @Benchmark
  public S squirrelLive() {
    S s = squirrelLiveInstance();
    advance();
    return s;
  }

  /** squirrel-foundation: create the entity's machine from its stored state, then fire. */
  @Benchmark
  public S squirrelRestore() {
    S s = squirrelRestoreAndFire();
    advance();
    return s;
  }

  /** stateless4j: fire on a machine bound to the entity's state by accessor and mutator. */
  @Benchmark
  public S stateless4j() {
    S s = stateless4jExternalState();
    advance();
    return s;
  }

  /** stateless4j: create a machine around the entity's stored state, then fire. */
  @Benchmark
  public S stateless4jPerRequest() {
    S s = stateless4jNewPerRequest();
    advance();
    return s;
  }

  /**
   * Spring Statemachine (end of life): send the event to the entity's live, started machine. Warmed
   * up for 16 × 1 s, because its time per event keeps falling for about 12 s; the warm-up lines
   * of the output show that trend.
   */
  @Benchmark
  @Warmup(iterations = 16, time = 1)
  @Measurement(iterations = 5, time = 1)
  public S springLive() {
    S s = springLiveInstance();
    advance();
    return s;
  }

  /**
   * Baseline: the funnel as a bare {@code int[]} transition table ({@link
   * FunnelPeers#bareTable}), no library and no validation: the floor of one deal's walk.
   */
  @Benchmark
  public int bareIntTable() {
    int s = bare();
    advance();
    return s;
  }
}

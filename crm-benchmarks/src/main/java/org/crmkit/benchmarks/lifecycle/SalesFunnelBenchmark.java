package org.crmkit.benchmarks.lifecycle;

import com.github.oxo42.stateless4j.StateMachineConfig;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
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
import org.springframework.statemachine.config.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;
import reactor.core.publisher.Mono;

/**
 * Time (and, with {@code -prof gc}, bytes allocated) per decided transition on the same sales
 * funnel: crmkit's pure {@code decide} against squirrel-foundation, stateless4j and Spring
 * Statemachine, each used the way it recommends per entity.
 *
 * <p>Every benchmark walks the same guard-free cycle, one transition per operation: lead
 * --convert--> prospecting --advance--> qualification --advance--> proposal --advance-->
 * negotiation --lose--> lost --recycle--> lead. The peers get the funnel with the opportunity
 * stages flattened (a {@code lose} transition from each stage), which is what crmkit's composite
 * {@code opportunity} state means.
 *
 * <ul>
 *   <li>{@code crmkitDecide}: {@code machine.decide(state, event)}; the host keeps the state.
 *   <li>{@code crmkitDecideByCode}: {@code machine.decide(stateCode, eventCode)}; the host keeps
 *       the state as an int code.
 *   <li>{@code squirrelLiveInstance}: one squirrel machine instance per entity, kept alive;
 *       {@code fire(event)}.
 *   <li>{@code squirrelRestoreAndFire}: the per-request pattern when the state lives in a
 *       database: {@code builder.newStateMachine(storedState)}, then {@code fire}.
 *   <li>{@code stateless4jExternalState}: a {@code StateMachine} bound to the entity's state
 *       through an external accessor/mutator (shared {@code StateMachineConfig}); {@code fire}.
 *   <li>{@code springLiveInstance}: one Spring Statemachine per entity, started, kept alive;
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

  /** Funnel states for the peers. */
  public enum S { PROSPECT, LEAD, PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, WON, LOST }

  /** Funnel events for the peers. */
  public enum E { QUALIFY, DISQUALIFY, CONVERT, ADVANCE, WIN, LOSE, RECYCLE }

  static final E[] CYCLE = {E.CONVERT, E.ADVANCE, E.ADVANCE, E.ADVANCE, E.LOSE, E.RECYCLE};
  static final String[] CYCLE_NAMES = {"convert", "advance", "advance", "advance", "lose", "recycle"};

  /** A squirrel machine class, instantiated by squirrel per entity. */
  public static class SquirrelFunnel extends AbstractStateMachine<SquirrelFunnel, S, E, Object> {}

  /** The host's entity for stateless4j's external state. */
  static final class Deal {
    S state = S.LEAD;
  }

  Machine crmkit;
  String crmkitState;
  int crmkitCode;
  int[] cycleCodes;

  org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelFunnel, S, E, Object> squirrelBuilder;
  SquirrelFunnel squirrel;
  S squirrelStored;

  Deal deal;
  com.github.oxo42.stateless4j.StateMachine<S, E> stateless;

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

    squirrelBuilder = StateMachineBuilderFactory.create(
        SquirrelFunnel.class, S.class, E.class, Object.class);
    squirrelBuilder.externalTransition().from(S.PROSPECT).to(S.LEAD).on(E.QUALIFY);
    squirrelBuilder.externalTransition().from(S.LEAD).to(S.PROSPECT).on(E.DISQUALIFY);
    squirrelBuilder.externalTransition().from(S.LEAD).to(S.PROSPECTING).on(E.CONVERT);
    squirrelBuilder.externalTransition().from(S.PROSPECTING).to(S.QUALIFICATION).on(E.ADVANCE);
    squirrelBuilder.externalTransition().from(S.QUALIFICATION).to(S.PROPOSAL).on(E.ADVANCE);
    squirrelBuilder.externalTransition().from(S.PROPOSAL).to(S.NEGOTIATION).on(E.ADVANCE);
    squirrelBuilder.externalTransition().from(S.NEGOTIATION).to(S.WON).on(E.WIN);
    for (S stage : new S[] {S.PROSPECTING, S.QUALIFICATION, S.PROPOSAL, S.NEGOTIATION}) {
      squirrelBuilder.externalTransition().from(stage).to(S.LOST).on(E.LOSE);
    }
    squirrelBuilder.externalTransition().from(S.LOST).to(S.LEAD).on(E.RECYCLE);
    squirrel = squirrelBuilder.newStateMachine(S.LEAD);
    squirrelStored = S.LEAD;

    StateMachineConfig<S, E> config = new StateMachineConfig<>();
    config.configure(S.PROSPECT).permit(E.QUALIFY, S.LEAD);
    config.configure(S.LEAD).permit(E.DISQUALIFY, S.PROSPECT).permit(E.CONVERT, S.PROSPECTING);
    config.configure(S.PROSPECTING).permit(E.ADVANCE, S.QUALIFICATION).permit(E.LOSE, S.LOST);
    config.configure(S.QUALIFICATION).permit(E.ADVANCE, S.PROPOSAL).permit(E.LOSE, S.LOST);
    config.configure(S.PROPOSAL).permit(E.ADVANCE, S.NEGOTIATION).permit(E.LOSE, S.LOST);
    config.configure(S.NEGOTIATION).permit(E.WIN, S.WON).permit(E.LOSE, S.LOST);
    config.configure(S.LOST).permit(E.RECYCLE, S.LEAD);
    deal = new Deal();
    Deal d = deal;
    stateless = new com.github.oxo42.stateless4j.StateMachine<>(
        S.LEAD, () -> d.state, s -> d.state = s, config);

    StateMachineBuilder.Builder<S, E> sb = StateMachineBuilder.builder();
    sb.configureConfiguration().withConfiguration().autoStartup(false);
    sb.configureStates().withStates().initial(S.LEAD).states(EnumSet.allOf(S.class));
    sb.configureTransitions()
        .withExternal().source(S.PROSPECT).target(S.LEAD).event(E.QUALIFY).and()
        .withExternal().source(S.LEAD).target(S.PROSPECT).event(E.DISQUALIFY).and()
        .withExternal().source(S.LEAD).target(S.PROSPECTING).event(E.CONVERT).and()
        .withExternal().source(S.PROSPECTING).target(S.QUALIFICATION).event(E.ADVANCE).and()
        .withExternal().source(S.QUALIFICATION).target(S.PROPOSAL).event(E.ADVANCE).and()
        .withExternal().source(S.PROPOSAL).target(S.NEGOTIATION).event(E.ADVANCE).and()
        .withExternal().source(S.NEGOTIATION).target(S.WON).event(E.WIN).and()
        .withExternal().source(S.PROSPECTING).target(S.LOST).event(E.LOSE).and()
        .withExternal().source(S.QUALIFICATION).target(S.LOST).event(E.LOSE).and()
        .withExternal().source(S.PROPOSAL).target(S.LOST).event(E.LOSE).and()
        .withExternal().source(S.NEGOTIATION).target(S.LOST).event(E.LOSE).and()
        .withExternal().source(S.LOST).target(S.LEAD).event(E.RECYCLE);
    spring = sb.build();
    spring.startReactively().block();

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
      S sp = springLiveInstance();
      String expected = c.toUpperCase(java.util.Locale.ROOT);
      if (!sq.name().equals(expected) || !sr.name().equals(expected)
          || !sl.name().equals(expected) || !sp.name().equals(expected)) {
        throw new IllegalStateException("implementations disagree at step " + i + ": crmkit " + c
            + ", squirrel " + sq + "/" + sr + ", stateless4j " + sl + ", spring " + sp);
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

  /** Spring Statemachine: send the event to the entity's live, started machine. */
  @Benchmark
  public S springLive() {
    S s = springLiveInstance();
    advance();
    return s;
  }
}

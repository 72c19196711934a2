package org.crmkit.benchmarks.lifecycle;

import com.github.oxo42.stateless4j.StateMachineConfig;
import java.util.Arrays;
import java.util.EnumSet;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

/**
 * The sales funnel as each peer library defines it, for the lifecycle benchmarks. The peers get the
 * funnel with the opportunity stages flattened (a {@code lose} transition from each stage), which
 * is what crmkit's composite {@code opportunity} state means.
 */
public final class FunnelPeers {
  private FunnelPeers() {}

  /** Funnel states for the peers. */
  public enum S { PROSPECT, LEAD, PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, WON, LOST }

  /** Funnel events for the peers. */
  public enum E { QUALIFY, DISQUALIFY, CONVERT, ADVANCE, WIN, LOSE, RECYCLE }

  /**
   * The guard-free cycle every benchmark walks: lead --convert--> prospecting --advance-->
   * qualification --advance--> proposal --advance--> negotiation --lose--> lost --recycle--> lead.
   */
  static final E[] CYCLE = {E.CONVERT, E.ADVANCE, E.ADVANCE, E.ADVANCE, E.LOSE, E.RECYCLE};

  /** The same cycle as crmkit event names. */
  static final String[] CYCLE_NAMES = {"convert", "advance", "advance", "advance", "lose", "recycle"};

  /** The state before step {@code p} of the cycle (so after {@code p} steps from lead). */
  static final S[] BEFORE_STEP = {
    S.LEAD, S.PROSPECTING, S.QUALIFICATION, S.PROPOSAL, S.NEGOTIATION, S.LOST
  };

  /** The step after {@code p}, wrapping round. */
  static int next(int p) {
    return p == CYCLE.length - 1 ? 0 : p + 1;
  }

  /** A squirrel machine class, instantiated by squirrel per entity. */
  public static class SquirrelFunnel extends AbstractStateMachine<SquirrelFunnel, S, E, Object> {}

  /** The host's entity for stateless4j's external state. */
  static final class Deal {
    S state = S.LEAD;
  }

  /** Every transition of the flattened funnel: {source, event, target}. */
  static final Enum<?>[][] TRANSITIONS = {
    {S.PROSPECT, E.QUALIFY, S.LEAD},
    {S.LEAD, E.DISQUALIFY, S.PROSPECT},
    {S.LEAD, E.CONVERT, S.PROSPECTING},
    {S.PROSPECTING, E.ADVANCE, S.QUALIFICATION},
    {S.QUALIFICATION, E.ADVANCE, S.PROPOSAL},
    {S.PROPOSAL, E.ADVANCE, S.NEGOTIATION},
    {S.NEGOTIATION, E.WIN, S.WON},
    {S.PROSPECTING, E.LOSE, S.LOST},
    {S.QUALIFICATION, E.LOSE, S.LOST},
    {S.PROPOSAL, E.LOSE, S.LOST},
    {S.NEGOTIATION, E.LOSE, S.LOST},
    {S.LOST, E.RECYCLE, S.LEAD},
  };

  private static S source(Enum<?>[] t) {
    return (S) t[0];
  }

  private static E event(Enum<?>[] t) {
    return (E) t[1];
  }

  private static S target(Enum<?>[] t) {
    return (S) t[2];
  }

  static org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelFunnel, S, E, Object>
      squirrel() {
    org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelFunnel, S, E, Object> b =
        StateMachineBuilderFactory.create(SquirrelFunnel.class, S.class, E.class, Object.class);
    for (Enum<?>[] t : TRANSITIONS) {
      b.externalTransition().from(source(t)).to(target(t)).on(event(t));
    }
    return b;
  }

  static StateMachineConfig<S, E> stateless4j() {
    StateMachineConfig<S, E> config = new StateMachineConfig<>();
    for (Enum<?>[] t : TRANSITIONS) {
      config.configure(source(t)).permit(event(t), target(t));
    }
    return config;
  }

  /**
   * The funnel as a bare transition table, {@code [state.ordinal() * E.count + event.ordinal()]}
   * → target ordinal, -1 where no transition: no validation, no explanation, no effects.
   */
  static int[] bareTable() {
    int events = E.values().length;
    int[] table = new int[S.values().length * events];
    Arrays.fill(table, -1);
    for (Enum<?>[] t : TRANSITIONS) {
      table[source(t).ordinal() * events + event(t).ordinal()] = target(t).ordinal();
    }
    return table;
  }

  /** A stateless4j machine bound to {@code deal}'s state by accessor and mutator. */
  static com.github.oxo42.stateless4j.StateMachine<S, E> stateless4j(
      Deal deal, StateMachineConfig<S, E> config) {
    return new com.github.oxo42.stateless4j.StateMachine<>(
        deal.state, () -> deal.state, s -> deal.state = s, config);
  }

  /** A new, started Spring Statemachine in state lead. */
  static org.springframework.statemachine.StateMachine<S, E> spring() throws Exception {
    StateMachineBuilder.Builder<S, E> sb = StateMachineBuilder.builder();
    sb.configureConfiguration().withConfiguration().autoStartup(false);
    sb.configureStates().withStates().initial(S.LEAD).states(EnumSet.allOf(S.class));
    StateMachineTransitionConfigurer<S, E> transitions = sb.configureTransitions();
    for (Enum<?>[] t : TRANSITIONS) {
      transitions = transitions.withExternal()
          .source(source(t)).target(target(t)).event(event(t)).and();
    }
    org.springframework.statemachine.StateMachine<S, E> machine = sb.build();
    machine.startReactively().block();
    return machine;
  }
}

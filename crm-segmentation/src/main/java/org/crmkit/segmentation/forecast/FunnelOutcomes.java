package org.crmkit.segmentation.forecast;

import java.util.LinkedHashSet;
import java.util.Set;
import org.crmkit.core.CrmException;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SalesFunnel;
import org.crmkit.core.lifecycle.State;

/**
 * Which states of a lifecycle count as won and which as lost. Immutable.
 *
 * @param won the won states (non-empty)
 * @param lost the lost states (disjoint from {@code won})
 */
public record FunnelOutcomes(Set<String> won, Set<String> lost) {

  /**
   * Creates the outcomes, copying the sets.
   *
   * @throws CrmException if {@code won} is empty or a state is both won and lost
   */
  public FunnelOutcomes {
    if (won == null || lost == null || won.isEmpty()) {
      throw new CrmException("FunnelOutcomes needs at least one won state, but got " + won);
    }
    for (String s : won) {
      if (lost.contains(s)) {
        throw new CrmException("state '" + s + "' cannot be both won and lost");
      }
    }
    won = Set.copyOf(won);
    lost = Set.copyOf(lost);
  }

  /**
   * The outcomes declared by a machine's {@value SalesFunnel#WIN_PROBABILITY} attributes: states
   * with win probability 1 are won, 0 lost (e.g. {@code won} and {@code lost} of
   * {@link SalesFunnel#machine()}).
   *
   * @throws CrmException if no state has win probability 1
   */
  public static FunnelOutcomes fromMachine(Machine machine) {
    Set<String> won = new LinkedHashSet<>();
    Set<String> lost = new LinkedHashSet<>();
    for (State s : machine.states()) {
      String p = s.attributes().get(SalesFunnel.WIN_PROBABILITY);
      if (p != null) {
        double v = Double.parseDouble(p);
        if (v == 1) {
          won.add(s.name());
        } else if (v == 0) {
          lost.add(s.name());
        }
      }
    }
    return new FunnelOutcomes(won, lost);
  }
}

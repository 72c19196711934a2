package org.crmkit.core.lifecycle;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * The sales funnel: prospect → lead → opportunity (stages prospecting, qualification, proposal,
 * negotiation) → won or lost, with recycling of lost deals back to lead.
 *
 * <p>Every transition is guard-free. Events: {@code qualify} (prospect → lead), {@code
 * disqualify} (lead → prospect), {@code convert} (lead → prospecting), {@code advance} (each
 * opportunity stage to the next), {@code win} (negotiation → won, final), {@code lose} (any
 * opportunity stage → lost), {@code recycle} (lost → lead; without recycling, lost is final).
 * Each opportunity stage, won and lost carry the attribute {@value #WIN_PROBABILITY}: by default
 * prospecting 0.1, qualification 0.2, proposal 0.5, negotiation 0.8, won 1.0, lost 0.0.
 *
 * <p>Immutable machines; thread-safe.
 */
public final class SalesFunnel {
  /** The machine's name. */
  public static final String NAME = "sales-funnel";
  /** The state attribute holding a stage's win probability, a decimal in [0, 1]. */
  public static final String WIN_PROBABILITY = "win-probability";

  private SalesFunnel() {}

  /** The sales funnel with default settings. */
  public static Machine machine() {
    return builder().build();
  }

  /** A builder to customise the sales funnel. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The win probability of {@code state} in {@code machine}: its {@value #WIN_PROBABILITY}
   * attribute.
   *
   * @throws CrmException if the state is unknown or has no valid win probability
   */
  public static double winProbability(Machine machine, String state) {
    State s = machine.state(state).orElseThrow(() -> new CrmException(
        "unknown state '" + state + "' in machine '" + machine.name() + "'"));
    String p = s.attributes().get(WIN_PROBABILITY);
    if (p == null) {
      throw new CrmException("state '" + state + "' has no " + WIN_PROBABILITY + " attribute");
    }
    try {
      return Double.parseDouble(p);
    } catch (NumberFormatException e) {
      throw new CrmException("state '" + state + "' has " + WIN_PROBABILITY + " '" + p
          + "', which is not a number", e);
    }
  }

  /** Settings of the sales funnel; mutable, not thread-safe. */
  public static final class Builder {
    private final Map<String, Double> probabilities = new LinkedHashMap<>();
    private boolean recycling = true;
    private Consumer<Machine.Builder> customization = b -> {};

    private Builder() {
      probabilities.put("prospecting", 0.1);
      probabilities.put("qualification", 0.2);
      probabilities.put("proposal", 0.5);
      probabilities.put("negotiation", 0.8);
      probabilities.put("won", 1.0);
      probabilities.put("lost", 0.0);
    }

    /**
     * Sets the win probability of a stage (prospecting, qualification, proposal, negotiation, won,
     * lost).
     *
     * @throws CrmException if the stage is not one of these or {@code p} is not in [0, 1]
     */
    public Builder winProbability(String stage, double p) {
      if (!probabilities.containsKey(stage)) {
        throw new CrmException("unknown stage '" + stage + "'; stages with a win probability: "
            + probabilities.keySet());
      }
      if (!(p >= 0 && p <= 1)) {
        throw new CrmException("win probability of '" + stage + "' must be in [0, 1], but was " + p);
      }
      probabilities.put(stage, p);
      return this;
    }

    /** Whether lost deals can be recycled to lead (default true); without it, lost is final. */
    public Builder recycling(boolean recycling) {
      this.recycling = recycling;
      return this;
    }

    /** Further changes to the definition (add states or transitions, bind guards). */
    public Builder customize(Consumer<Machine.Builder> customization) {
      this.customization = Checks.present("customization", customization);
      return this;
    }

    /**
     * The machine.
     *
     * @throws org.crmkit.core.InvalidDefinitionException if a customisation made it invalid
     */
    public Machine build() {
      Machine.Builder b = Machine.builder(NAME)
          .initial("prospect")
          .state("prospect")
          .state("lead")
          .state("opportunity")
          .state("prospecting", s -> s.parent("opportunity").attribute(WIN_PROBABILITY, p("prospecting")))
          .state("qualification", s -> s.parent("opportunity").attribute(WIN_PROBABILITY, p("qualification")))
          .state("proposal", s -> s.parent("opportunity").attribute(WIN_PROBABILITY, p("proposal")))
          .state("negotiation", s -> s.parent("opportunity").attribute(WIN_PROBABILITY, p("negotiation")))
          .state("won", s -> s.finalState().attribute(WIN_PROBABILITY, p("won")))
          .state("lost", s -> {
            s.attribute(WIN_PROBABILITY, p("lost"));
            if (!recycling) {
              s.finalState();
            }
          })
          .transition("prospect", "qualify", "lead")
          .transition("lead", "disqualify", "prospect")
          .transition("lead", "convert", "opportunity")
          .transition("prospecting", "advance", "qualification")
          .transition("qualification", "advance", "proposal")
          .transition("proposal", "advance", "negotiation")
          .transition("negotiation", "win", "won")
          .transition("opportunity", "lose", "lost");
      if (recycling) {
        b.transition("lost", "recycle", "lead");
      }
      customization.accept(b);
      return b.build();
    }

    private String p(String stage) {
      return String.format(Locale.ROOT, "%s", probabilities.get(stage));
    }
  }
}

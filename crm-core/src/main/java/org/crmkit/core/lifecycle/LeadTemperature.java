package org.crmkit.core.lifecycle;

import java.time.Duration;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * Lead temperature (冷/暖/热): {@code cold}, {@code warm}, {@code hot}, driven by a lead score and
 * by the time since the last contact.
 *
 * <p>Event {@code score-changed} (context fact {@code score}) moves to the temperature the score
 * belongs to (guards {@code hot-score}: score &gt;= hot threshold, default 70; {@code warm-score}:
 * score &gt;= warm threshold, default 40; {@code cold-score}: below warm; {@code below-hot-score}:
 * below hot), and otherwise stays (internal). Timed event {@code cool-down}: hot → warm once 14
 * days have passed since {@code lastContactAt}, warm → cold after 30 days. Entering hot emits
 * {@code notify-owner}. The lead starts cold; no state is final.
 *
 * <p>Immutable machines; thread-safe.
 */
public final class LeadTemperature {
  /** The machine's name. */
  public static final String NAME = "lead-temperature";

  private LeadTemperature() {}

  /** Lead temperature with default settings. */
  public static Machine machine() {
    return builder().build();
  }

  /** A builder to customise lead temperature. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of lead temperature; mutable, not thread-safe. */
  public static final class Builder {
    private double warmAt = 40;
    private double hotAt = 70;
    private Duration hotCoolsAfter = Duration.ofDays(14);
    private Duration warmCoolsAfter = Duration.ofDays(30);
    private Consumer<Machine.Builder> customization = b -> {};

    private Builder() {}

    /**
     * The score thresholds: a lead is warm from {@code warmAt} and hot from {@code hotAt}.
     *
     * @throws CrmException unless {@code warmAt < hotAt}, both finite
     */
    public Builder thresholds(double warmAt, double hotAt) {
      if (!Double.isFinite(warmAt) || !Double.isFinite(hotAt) || !(warmAt < hotAt)) {
        throw new CrmException("thresholds must be finite with warmAt < hotAt, but were "
            + warmAt + " and " + hotAt);
      }
      this.warmAt = warmAt;
      this.hotAt = hotAt;
      return this;
    }

    /**
     * How long without contact cools hot to warm and warm to cold (defaults 14 and 30 days).
     *
     * @throws CrmException if either is not positive
     */
    public Builder coolingAfter(Duration hotToWarm, Duration warmToCold) {
      for (Duration d : new Duration[] {hotToWarm, warmToCold}) {
        Checks.present("cooling delay", d);
        if (d.isNegative() || d.isZero()) {
          throw new CrmException("cooling delays must be positive, but was " + d);
        }
      }
      this.hotCoolsAfter = hotToWarm;
      this.warmCoolsAfter = warmToCold;
      return this;
    }

    /** Further changes to the definition (add states or transitions, rebind guards). */
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
      String score = "score-changed";
      Machine.Builder b = Machine.builder(NAME)
          .initial("cold")
          .state("cold")
          .state("warm")
          .state("hot", s -> s.onEntry("notify-owner"))
          .transition("cold", score, "hot", t -> t.guard("hot-score").priority(2))
          .transition("cold", score, "warm", t -> t.guard("warm-score").priority(1))
          .internal("cold", score, t -> {})
          .transition("warm", score, "hot", t -> t.guard("hot-score").priority(2))
          .transition("warm", score, "cold", t -> t.guard("cold-score").priority(1))
          .internal("warm", score, t -> {})
          .transition("hot", score, "cold", t -> t.guard("cold-score").priority(2))
          .transition("hot", score, "warm", t -> t.guard("below-hot-score").priority(1))
          .internal("hot", score, t -> {})
          .transition("hot", "cool-down", "warm", t -> t.after(hotCoolsAfter, "lastContactAt"))
          .transition("warm", "cool-down", "cold", t -> t.after(warmCoolsAfter, "lastContactAt"))
          .guard("hot-score", Guard.atLeast("score", hotAt))
          .guard("warm-score", Guard.atLeast("score", warmAt))
          .guard("cold-score", Guard.below("score", warmAt))
          .guard("below-hot-score", Guard.below("score", hotAt));
      customization.accept(b);
      return b.build();
    }
  }
}

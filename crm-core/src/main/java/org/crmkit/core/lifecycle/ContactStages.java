package org.crmkit.core.lifecycle;

import java.util.function.Consumer;
import org.crmkit.core.internal.Checks;

/**
 * Contact stages in time (时间层级): first contact → follow-up → deal (contract signing, delivery) →
 * after-sales.
 *
 * <p>Events: {@code follow-up} (first-contact → follow-up, effect {@code schedule-follow-up}),
 * {@code sign-contract} (follow-up → contract-signing), {@code deliver} (contract-signing →
 * delivery), {@code complete} (delivery → after-sales, effect {@code send-satisfaction-survey}),
 * {@code repeat-order} (after-sales → follow-up), {@code drop} (first-contact, follow-up or deal
 * → dropped, final), {@code end} (after-sales → ended, final). All guard-free.
 *
 * <p>Immutable machines; thread-safe.
 */
public final class ContactStages {
  /** The machine's name. */
  public static final String NAME = "contact-stages";

  private ContactStages() {}

  /** Contact stages with default settings. */
  public static Machine machine() {
    return builder().build();
  }

  /** A builder to customise contact stages. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of contact stages; mutable, not thread-safe. */
  public static final class Builder {
    private Consumer<Machine.Builder> customization = b -> {};

    private Builder() {}

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
          .initial("first-contact")
          .state("first-contact")
          .state("follow-up")
          .state("deal")
          .state("contract-signing", "deal")
          .state("delivery", "deal")
          .state("after-sales")
          .finalState("dropped")
          .finalState("ended")
          .transition("first-contact", "follow-up", "follow-up", t -> t.effect("schedule-follow-up"))
          .transition("follow-up", "sign-contract", "contract-signing")
          .transition("contract-signing", "deliver", "delivery")
          .transition("delivery", "complete", "after-sales", t -> t.effect("send-satisfaction-survey"))
          .transition("after-sales", "repeat-order", "follow-up")
          .transition("first-contact", "drop", "dropped")
          .transition("follow-up", "drop", "dropped")
          .transition("deal", "drop", "dropped")
          .transition("after-sales", "end", "ended");
      customization.accept(b);
      return b.build();
    }
  }
}

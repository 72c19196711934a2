package org.crmkit.core.lifecycle;

import java.util.function.Consumer;
import org.crmkit.core.internal.Checks;

/**
 * The business process (业务流程): marketing → sales (follow-up, quotation, contract) → service
 * (technical support, problem solving) → after-sales (satisfaction survey, after-sales service).
 *
 * <p>Events: {@code hand-over} (marketing → follow-up), {@code quote} (follow-up → quotation),
 * {@code sign} (quotation → contract), {@code revise} (quotation → follow-up), {@code deliver}
 * (contract → technical-support, effect {@code schedule-onboarding}), {@code escalate}
 * (technical-support → problem-solving), {@code resolve} (service → satisfaction-survey, effect
 * {@code send-satisfaction-survey}), {@code survey-answered} (satisfaction-survey →
 * after-sales-service), {@code new-need} (after-sales → follow-up), {@code close} (after-sales and
 * sales → closed, final). All guard-free; customise with {@link Builder#customize}.
 *
 * <p>Immutable machines; thread-safe.
 */
public final class BusinessProcess {
  /** The machine's name. */
  public static final String NAME = "business-process";

  private BusinessProcess() {}

  /** The business process with default settings. */
  public static Machine machine() {
    return builder().build();
  }

  /** A builder to customise the business process. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of the business process; mutable, not thread-safe. */
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
          .initial("marketing")
          .state("marketing")
          .state("sales")
          .state("follow-up", "sales")
          .state("quotation", "sales")
          .state("contract", "sales")
          .state("service")
          .state("technical-support", "service")
          .state("problem-solving", "service")
          .state("after-sales")
          .state("satisfaction-survey", "after-sales")
          .state("after-sales-service", "after-sales")
          .finalState("closed")
          .transition("marketing", "hand-over", "follow-up", t -> t.effect("assign-sales-rep"))
          .transition("follow-up", "quote", "quotation", t -> t.effect("send-quotation"))
          .transition("quotation", "revise", "follow-up")
          .transition("quotation", "sign", "contract", t -> t.effect("archive-contract"))
          .transition("contract", "deliver", "technical-support",
              t -> t.effect("schedule-onboarding"))
          .transition("technical-support", "escalate", "problem-solving")
          .transition("service", "resolve", "satisfaction-survey",
              t -> t.effect("send-satisfaction-survey"))
          .transition("satisfaction-survey", "survey-answered", "after-sales-service")
          .transition("after-sales", "new-need", "follow-up")
          .transition("after-sales", "close", "closed")
          .transition("sales", "close", "closed");
      customization.accept(b);
      return b.build();
    }
  }
}

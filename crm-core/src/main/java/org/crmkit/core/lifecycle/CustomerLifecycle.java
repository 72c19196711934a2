package org.crmkit.core.lifecycle;

import java.time.Duration;
import java.util.function.Consumer;
import org.crmkit.core.CrmException;
import org.crmkit.core.internal.Checks;

/**
 * The customer lifecycle (客户生命周期): potential → intentional → closed-deal → loyal, with
 * churned and reactivation, and erasure on request.
 *
 * <p>States: {@code prospective} (composite: {@code potential}, {@code intentional}), {@code
 * active} (composite: {@code closed-deal}, {@code loyal}), {@code churned}, and the final {@code
 * erased}. Events and guards (context facts in parentheses):
 *
 * <ul>
 *   <li>{@code show-interest}: potential → intentional, effect {@code assign-sales-rep};
 *       {@code lose-interest}: intentional → potential.
 *   <li>{@code order-paid} in prospective, guard {@code first-order-paid} ({@code paidOrders >=
 *       1}): → closed-deal, effects {@code send-welcome}, entry {@code start-onboarding}.
 *   <li>{@code order-paid} in closed-deal, guard {@code repeat-buyer} ({@code paidOrders >=} the
 *       loyalty threshold, default 3), priority 1: → loyal, effect {@code enrol-in-loyalty-programme};
 *       otherwise (priority 0) internal, effect {@code record-purchase}. In loyal: internal {@code
 *       record-purchase}.
 *   <li>{@code no-purchase} (timed, on active): due when the churn delay (default 180 days) has
 *       elapsed since {@code lastPurchaseAt}: → churned, effect {@code start-win-back-campaign}.
 *   <li>{@code order-paid} in churned (reactivation), guard {@code first-order-paid}: →
 *       closed-deal, effect {@code record-reactivation}.
 *   <li>{@code erase} from prospective, active or churned: → erased, effect {@code
 *       erase-personal-data}.
 * </ul>
 *
 * <p>Immutable machines; thread-safe.
 */
public final class CustomerLifecycle {
  /** The machine's name. */
  public static final String NAME = "customer-lifecycle";

  private CustomerLifecycle() {}

  /** The customer lifecycle with default settings. */
  public static Machine machine() {
    return builder().build();
  }

  /** A builder to customise the customer lifecycle. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of the customer lifecycle; mutable, not thread-safe. */
  public static final class Builder {
    private Duration churnAfter = Duration.ofDays(180);
    private int loyalAfterOrders = 3;
    private Consumer<Machine.Builder> customization = b -> {};

    private Builder() {}

    /**
     * How long without a purchase (since {@code lastPurchaseAt}) makes an active customer churned;
     * default 180 days.
     *
     * @throws CrmException if not positive
     */
    public Builder churnAfter(Duration churnAfter) {
      Checks.present("churnAfter", churnAfter);
      if (churnAfter.isNegative() || churnAfter.isZero()) {
        throw new CrmException("churnAfter must be positive, but was " + churnAfter);
      }
      this.churnAfter = churnAfter;
      return this;
    }

    /**
     * How many paid orders make a customer loyal; default 3.
     *
     * @throws CrmException if below 2
     */
    public Builder loyalAfterOrders(int orders) {
      if (orders < 2) {
        throw new CrmException("loyalAfterOrders must be >= 2, but was " + orders);
      }
      this.loyalAfterOrders = orders;
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
      Machine.Builder b = Machine.builder(NAME)
          .initial("prospective")
          .state("prospective")
          .state("potential", "prospective")
          .state("intentional", "prospective")
          .state("active")
          .state("closed-deal", s -> s.parent("active").onEntry("start-onboarding"))
          .state("loyal", "active")
          .state("churned")
          .finalState("erased")
          .transition("potential", "show-interest", "intentional",
              t -> t.effect("assign-sales-rep"))
          .transition("intentional", "lose-interest", "potential")
          .transition("prospective", "order-paid", "closed-deal",
              t -> t.guard("first-order-paid").effect("send-welcome"))
          .transition("closed-deal", "order-paid", "loyal",
              t -> t.guard("repeat-buyer").effect("enrol-in-loyalty-programme").priority(1))
          .internal("closed-deal", "order-paid", t -> t.effect("record-purchase"))
          .internal("loyal", "order-paid", t -> t.effect("record-purchase"))
          .transition("active", "no-purchase", "churned",
              t -> t.after(churnAfter, "lastPurchaseAt").effect("start-win-back-campaign"))
          .transition("churned", "order-paid", "closed-deal",
              t -> t.guard("first-order-paid").effect("record-reactivation"))
          .transition("prospective", "erase", "erased", t -> t.effect("erase-personal-data"))
          .transition("active", "erase", "erased", t -> t.effect("erase-personal-data"))
          .transition("churned", "erase", "erased", t -> t.effect("erase-personal-data"))
          .guard("first-order-paid", Guard.atLeast("paidOrders", 1))
          .guard("repeat-buyer", Guard.atLeast("paidOrders", loyalAfterOrders));
      customization.accept(b);
      return b.build();
    }
  }
}

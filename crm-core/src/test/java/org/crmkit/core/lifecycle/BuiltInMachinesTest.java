package org.crmkit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.CrmException;
import org.crmkit.core.InvalidDefinitionException;
import org.junit.jupiter.api.Test;

class BuiltInMachinesTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void customerLifecycleFromPotentialToLoyal() {
    Machine m = CustomerLifecycle.machine();
    assertThat(m.start("c-1").state()).isEqualTo("potential");
    assertThat(m.decide("potential", "show-interest").state()).isEqualTo("intentional");

    Decision noPaidOrder = m.decide("intentional", "order-paid", Context.of(Map.of("paidOrders", 0)));
    assertThat(noPaidOrder.outcome()).isEqualTo(Decision.Outcome.GUARD_FAILED);
    assertThat(noPaidOrder.failedGuard()).contains("first-order-paid");
    assertThat(noPaidOrder.reason()).contains("paidOrders must be at least 1, but was 0");

    Decision deal = m.decide("intentional", "order-paid", Context.of(Map.of("paidOrders", 1)));
    assertThat(deal.state()).isEqualTo("closed-deal");
    assertThat(deal.effects()).containsExactly("send-welcome", "start-onboarding");

    Decision second = m.decide("closed-deal", "order-paid", Context.of(Map.of("paidOrders", 2)));
    assertThat(second.internal()).isTrue();
    assertThat(second.effects()).containsExactly("record-purchase");
    Decision third = m.decide("closed-deal", "order-paid", Context.of(Map.of("paidOrders", 3)));
    assertThat(third.state()).isEqualTo("loyal");
    assertThat(third.effects()).containsExactly("enrol-in-loyalty-programme");
  }

  @Test
  void customerLifecycleChurnsAfter180DaysWithoutPurchaseAndReactivates() {
    Machine m = CustomerLifecycle.machine();
    Context day179 = Context.of(Map.of("lastPurchaseAt", T0), T0.plus(Duration.ofDays(179)));
    Context day180 = Context.of(Map.of("lastPurchaseAt", T0), T0.plus(Duration.ofDays(180)));
    assertThat(m.dueEvents("loyal", day179)).isEmpty();
    assertThat(m.dueEvents("loyal", day180)).containsExactly("no-purchase");
    assertThat(m.dueEvents("closed-deal", day180)).containsExactly("no-purchase");
    Decision churn = m.decide("loyal", "no-purchase", day180);
    assertThat(churn.state()).isEqualTo("churned");
    assertThat(churn.effects()).containsExactly("start-win-back-campaign");
    Decision back = m.decide("churned", "order-paid", Context.of(Map.of("paidOrders", 4)));
    assertThat(back.state()).isEqualTo("closed-deal");
    assertThat(back.effects()).containsExactly("record-reactivation", "start-onboarding");
    assertThat(m.decide("churned", "erase").state()).isEqualTo("erased");
    assertThat(m.decide("erased", "order-paid").outcome()).isEqualTo(Decision.Outcome.FINAL_STATE);
  }

  @Test
  void customerLifecycleIsCustomisable() {
    Machine m = CustomerLifecycle.builder()
        .churnAfter(Duration.ofDays(90))
        .loyalAfterOrders(2)
        .customize(b -> b.state("vip", "active")
            .transition("loyal", "upgrade", "vip", t -> t.guard("big-spender"))
            .transition("vip", "downgrade", "loyal")
            .guard("big-spender", Guard.atLeast("revenue", 10_000)))
        .build();
    assertThat(m.dueEvents("vip", Context.of(Map.of("lastPurchaseAt", T0), T0.plus(Duration.ofDays(90)))))
        .containsExactly("no-purchase");
    assertThat(m.decide("closed-deal", "order-paid", Context.of(Map.of("paidOrders", 2))).state())
        .isEqualTo("loyal");
    assertThat(m.decide("loyal", "upgrade", Context.of(Map.of("revenue", 20_000))).state())
        .isEqualTo("vip");
    assertThatThrownBy(() -> CustomerLifecycle.builder().churnAfter(Duration.ZERO))
        .isInstanceOf(CrmException.class);
    assertThatThrownBy(() -> CustomerLifecycle.builder().loyalAfterOrders(1))
        .isInstanceOf(CrmException.class);
    assertThatThrownBy(() -> CustomerLifecycle.builder()
        .customize(b -> b.state("limbo")).build())
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("state 'limbo' is unreachable");
  }

  @Test
  void salesFunnelWithWinProbabilitiesAndRecycling() {
    Machine m = SalesFunnel.machine();
    assertThat(m.shortestPath("prospect", "won"))
        .contains(List.of("qualify", "convert", "advance", "advance", "advance", "win"));
    assertThat(m.decide("lead", "convert").state()).isEqualTo("prospecting");
    assertThat(m.decide("proposal", "lose").state()).isEqualTo("lost");
    assertThat(m.decide("lost", "recycle").state()).isEqualTo("lead");
    assertThat(m.decide("won", "lose").outcome()).isEqualTo(Decision.Outcome.FINAL_STATE);
    assertThat(List.of("prospecting", "qualification", "proposal", "negotiation", "won", "lost")
        .stream().map(s -> SalesFunnel.winProbability(m, s)))
        .containsExactly(0.1, 0.2, 0.5, 0.8, 1.0, 0.0);
    assertThatThrownBy(() -> SalesFunnel.winProbability(m, "lead"))
        .isInstanceOf(CrmException.class).hasMessageContaining("no win-probability");
  }

  @Test
  void salesFunnelIsCustomisable() {
    Machine m = SalesFunnel.builder().winProbability("proposal", 0.4).recycling(false).build();
    assertThat(SalesFunnel.winProbability(m, "proposal")).isEqualTo(0.4);
    assertThat(m.decide("lost", "recycle").outcome()).isEqualTo(Decision.Outcome.FINAL_STATE);
    assertThatThrownBy(() -> SalesFunnel.builder().winProbability("proposal", 1.5))
        .isInstanceOf(CrmException.class).hasMessageContaining("must be in [0, 1]");
    assertThatThrownBy(() -> SalesFunnel.builder().winProbability("lead", 0.5))
        .isInstanceOf(CrmException.class).hasMessageContaining("unknown stage 'lead'");
  }

  @Test
  void leadTemperatureFollowsScoreAndCoolsDownWithoutContact() {
    Machine m = LeadTemperature.machine();
    assertThat(m.decide("cold", "score-changed", Context.of(Map.of("score", 45))).state())
        .isEqualTo("warm");
    Decision hot = m.decide("cold", "score-changed", Context.of(Map.of("score", 90)));
    assertThat(hot.state()).isEqualTo("hot");
    assertThat(hot.effects()).containsExactly("notify-owner");
    assertThat(m.decide("warm", "score-changed", Context.of(Map.of("score", 50))).internal()).isTrue();
    assertThat(m.decide("hot", "score-changed", Context.of(Map.of("score", 10))).state())
        .isEqualTo("cold");
    assertThat(m.decide("hot", "score-changed", Context.of(Map.of("score", 60))).state())
        .isEqualTo("warm");
    Context twoWeeks = Context.of(Map.of("lastContactAt", T0), T0.plus(Duration.ofDays(14)));
    assertThat(m.dueEvents("hot", twoWeeks)).containsExactly("cool-down");
    assertThat(m.dueEvents("warm", twoWeeks)).isEmpty();
    assertThat(m.decide("hot", "cool-down", twoWeeks).state()).isEqualTo("warm");
    Machine strict = LeadTemperature.builder().thresholds(50, 60)
        .coolingAfter(Duration.ofDays(1), Duration.ofDays(2)).build();
    assertThat(strict.decide("cold", "score-changed", Context.of(Map.of("score", 55))).state())
        .isEqualTo("warm");
    assertThatThrownBy(() -> LeadTemperature.builder().thresholds(60, 50))
        .isInstanceOf(CrmException.class);
  }

  @Test
  void businessProcessAndContactStages() {
    Machine bp = BusinessProcess.machine();
    assertThat(bp.shortestPath("marketing", "after-sales"))
        .contains(List.of("hand-over", "quote", "sign", "deliver", "resolve"));
    assertThat(bp.decide("problem-solving", "resolve").effects())
        .containsExactly("send-satisfaction-survey");
    assertThat(bp.decide("after-sales-service", "new-need").state()).isEqualTo("follow-up");
    Machine cs = ContactStages.machine();
    assertThat(cs.shortestPath("first-contact", "after-sales"))
        .contains(List.of("follow-up", "sign-contract", "deliver", "complete"));
    assertThat(cs.decide("delivery", "drop").state()).isEqualTo("dropped");
    assertThat(cs.reachableStates("after-sales"))
        .containsExactlyInAnyOrder("after-sales", "follow-up", "ended", "contract-signing",
            "delivery", "dropped");
  }
}

package org.crmkit.examples.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.Decision;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.Customer;
import org.crmkit.core.model.Transaction;

/**
 * Drives the customer lifecycle machine through a customer's purchase history, the way a host
 * would from its order events and a nightly scheduler: an interested prospect, a paid first
 * order, repeat orders, and a "no purchase for 180 days" timer checked before each order and at
 * the end of the period. Pure: returns the records for the host to persist.
 */
final class LifecycleSimulation {
  private final Machine machine;

  LifecycleSimulation(Machine machine) {
    this.machine = machine;
  }

  /**
   * The transition records of one customer, given their purchases in date order, up to {@code
   * end}.
   */
  List<TransitionRecord> run(Customer customer, List<Transaction> purchases, LocalDate end) {
    List<TransitionRecord> records = new ArrayList<>();
    SubjectState s = machine.start(customer.id().value());
    String actor = customer.owner().map(Object::toString).orElse("system");
    if (purchases.isEmpty() && customer.lifecycleStage().filter("intentional"::equals).isPresent()) {
      // an interested prospect who has not ordered yet
      Instant at = end.minusDays(1 + Math.floorMod(customer.id().hashCode(), 300))
          .atStartOfDay().toInstant(ZoneOffset.UTC);
      step(s, "show-interest", Context.empty(), at, actor, records);
      return records;
    }
    Instant last = null;
    int paid = 0;
    LocalDate previousDay = null;
    for (Transaction t : purchases) {
      if (t.date().equals(previousDay) || t.amount() <= 0) {
        continue; // one order per day; returns do not move the lifecycle
      }
      previousDay = t.date();
      Instant at = t.date().atStartOfDay().toInstant(ZoneOffset.UTC);
      s = fireDueTimers(s, last, at, records);
      if (s.state().equals("potential")) {
        s = step(s, "show-interest", Context.empty(), at.minusSeconds(3 * 86_400L), actor, records);
      }
      paid++;
      s = step(s, "order-paid", Context.of(Map.of("paidOrders", paid)), at, "order-service", records);
      last = at;
    }
    fireDueTimers(s, last, end.atStartOfDay().toInstant(ZoneOffset.UTC), records);
    return records;
  }

  private SubjectState fireDueTimers(SubjectState s, Instant last, Instant now,
      List<TransitionRecord> records) {
    if (last == null) {
      return s;
    }
    Context clock = Context.of(Map.of("lastPurchaseAt", last), now);
    for (String event : machine.dueEvents(s.state(), clock)) {
      s = step(s, event, clock, now, "scheduler", records);
    }
    return s;
  }

  private SubjectState step(SubjectState s, String event, Context context, Instant at,
      String actor, List<TransitionRecord> records) {
    Decision d = machine.decide(s.state(), event, context);
    if (!d.accepted()) {
      return s;
    }
    TransitionRecord r = machine.fire(s, event, context, at, actor);
    records.add(r);
    return machine.apply(s, r);
  }

  /** How many subjects end in each state. */
  static Map<String, Integer> finalStates(Map<String, String> stateBySubject) {
    Map<String, Integer> out = new TreeMap<>();
    stateBySubject.values().forEach(st -> out.merge(st, 1, Integer::sum));
    return out;
  }
}

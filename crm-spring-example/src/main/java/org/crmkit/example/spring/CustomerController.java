package org.crmkit.example.spring;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crmkit.core.lifecycle.Context;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.core.lifecycle.SubjectState;
import org.crmkit.core.lifecycle.TransitionRecord;
import org.crmkit.core.model.CustomerId;
import org.crmkit.core.model.User;
import org.crmkit.jdbc.LifecycleStore;
import org.crmkit.jdbc.ScoreStore;
import org.crmkit.permissions.AccessDecision;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.AccessPredicate;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.Action;
import org.crmkit.permissions.ObjectType;
import org.crmkit.permissions.SqlFragment;
import org.crmkit.permissions.SqlMapping;
import org.crmkit.segmentation.rfm.RfmScore;
import org.crmkit.spring.boot.CrmkitDefinitions;
import org.crmkit.spring.boot.CrmkitRecords;
import org.crmkit.spring.boot.CrmkitUsers;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Customers: lists through the access predicate, access checks, lifecycle events, RFM scores. */
@RestController
@RequestMapping("/api/customers")
class CustomerController {
  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final CrmkitUsers users;
  private final CrmkitRecords records;
  private final LifecycleStore lifecycle;
  private final ScoreStore scores;
  private final Machine machine;

  CustomerController(JdbcClient jdbc, AccessPolicy policy, CrmkitUsers users, CrmkitRecords records,
      LifecycleStore lifecycle, ScoreStore scores, CrmkitDefinitions crmkit) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.users = users;
    this.records = records;
    this.lifecycle = lifecycle;
    this.scores = scores;
    this.machine = crmkit.machine("customer");
  }

  /** A customer row as listed. */
  record CustomerRow(String id, String name, String ownerId) {}

  /** The customers the caller may read: the policy's predicate as a parameterised WHERE. */
  @GetMapping
  List<CustomerRow> list(Principal principal) {
    AccessPredicate predicate = policy.accessPredicate(user(principal), Action.READ, ObjectType.CUSTOMER);
    SqlFragment where = predicate.toSql(SqlMapping.defaults());
    return jdbc.sql("SELECT id, name, owner_id FROM crm_customer WHERE " + where.sql() + " ORDER BY id")
        .params(where.parameters())
        .query((rs, n) -> new CustomerRow(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Whether the caller may do {@code action} to the customer, and why. */
  @GetMapping("/{id}/access/{action}")
  AccessDecision access(@PathVariable String id, @PathVariable String action, Principal principal) {
    AccessRecord record = records.find(ObjectType.CUSTOMER, id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer '" + id + "'"));
    return policy.check(user(principal), Action.parse(action), record);
  }

  /** The customer's lifecycle state and audit log. */
  record Lifecycle(SubjectState state, List<TransitionRecord> history) {}

  /** The customer's lifecycle state (with the version to send back) and its audit log. */
  @GetMapping("/{id}/lifecycle")
  @PreAuthorize("hasPermission(#id, 'customer', 'read')")
  Lifecycle lifecycle(@PathVariable String id) {
    SubjectState state = lifecycle.find("customer", id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer '" + id + "'"));
    return new Lifecycle(state, lifecycle.history("customer", id));
  }

  /** An event for the customer's lifecycle, decided on the version the client saw. */
  record Event(String event, long version, Map<String, Object> context) {
    Event {
      context = context == null ? Map.of() : context;
    }
  }

  /**
   * Applies a lifecycle event: 200 with the new state; 409 if the version is stale; 422 if the
   * machine does not allow the event; 403 with the explanation if the caller may not update.
   */
  @PostMapping("/{id}/lifecycle/events")
  @PreAuthorize("hasPermission(#id, 'customer', 'update')")
  SubjectState fire(@PathVariable String id, @RequestBody Event event, Principal principal) {
    SubjectState stored = lifecycle.find("customer", id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer '" + id + "'"));
    SubjectState seen = new SubjectState(id, stored.state(), event.version());
    TransitionRecord record = machine.fire(seen, event.event(), Context.of(event.context()),
        Instant.now(), principal.getName());
    return lifecycle.apply("customer", record);   // compare-and-set on the version + audit row
  }

  /** The customer's RFM score from the last scoring run. */
  @GetMapping("/{id}/rfm")
  @PreAuthorize("hasPermission(#id, 'customer', 'read')")
  RfmScore rfm(@PathVariable String id) {
    return scores.rfm(SampleData.SCORING_RUN, CustomerId.of(id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no score for '" + id + "'"));
  }

  private User user(Principal principal) {
    return users.find(principal.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
            "'" + principal.getName() + "' is not a user of the organisation"));
  }
}

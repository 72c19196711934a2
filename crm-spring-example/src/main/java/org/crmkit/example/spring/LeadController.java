package org.crmkit.example.spring;

import java.time.Instant;
import java.util.Map;
import org.crmkit.core.assignment.Assignment;
import org.crmkit.core.assignment.AssignmentResult;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.assignment.Lead;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.jdbc.AssignmentStateStore;
import org.crmkit.jdbc.VersionConflictException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lead assignment: the rules decide, the distribution state is stored with compare-and-set. */
@RestController
@RequestMapping("/api/leads")
class LeadController {
  static final String QUEUE_STATE = "inbound";

  private final AssignmentRules rules;
  private final AssignmentStateStore states;

  LeadController(AssignmentRules rules, AssignmentStateStore states) {
    this.rules = rules;
    this.states = states;
  }

  /** A new lead. */
  record NewLead(String id, @Nullable String territory, @Nullable String source) {}

  /**
   * Assigns a new lead: reads the round-robin state, decides, stores the next state if no other
   * instance stored one in between (else decides again on the newer state).
   */
  @PostMapping
  Map<String, Object> assign(@RequestBody NewLead request) {
    Lead.Builder b = Lead.builder().id(request.id());
    if (request.territory() != null) {
      b.territory(TerritoryId.of(request.territory()));
    }
    if (request.source() != null) {
      b.source(request.source());
    }
    Lead lead = b.build();
    for (int attempt = 1; ; attempt++) {
      AssignmentStateStore.Stored stored =
          states.load(QUEUE_STATE).orElse(AssignmentStateStore.Stored.initial());
      AssignmentResult result = rules.assign(lead, stored.state(), Instant.now());
      try {
        states.save(QUEUE_STATE, result.nextState(), stored.version());
      } catch (VersionConflictException e) {
        if (attempt < 5) {
          continue;
        }
        throw e;
      }
      Assignment a = result.assignment();
      return Map.of("lead", a.leadId(), "assignee", a.assignee().id(),
          "queue", a.assignee().queue(), "rule", a.rule(), "explanation", a.explain());
    }
  }
}

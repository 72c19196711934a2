package org.crmkit.spring.boot;

import java.util.List;

/**
 * The outcome of applying crmkit's migrations at start-up: the scripts applied now (empty if the
 * schema was up to date or {@code crmkit.jdbc.migrate=false}). crm-jdbc's store beans depend on
 * it, so the tables exist before they are used.
 *
 * @param applied the scripts applied at this start-up
 */
public record CrmkitSchema(List<String> applied) {
  /** Copies the list. */
  public CrmkitSchema {
    applied = List.copyOf(applied);
  }
}

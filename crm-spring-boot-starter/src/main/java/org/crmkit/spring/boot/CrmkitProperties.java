package org.crmkit.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code crmkit.*} configuration properties: where the definitions come from, the crm-jdbc
 * schema, and reloading. A location is a Spring resource location ({@code classpath:crmkit/x.json},
 * {@code file:/etc/crm/x.json}); a machine may also name a built-in machine. Every document is
 * read and validated at start-up; one invalid document fails start-up with every problem of every
 * document and its JSON path.
 *
 * <pre>
 * crmkit.organisation=classpath:crmkit/organisation.json
 * crmkit.policy=classpath:crmkit/policy.json
 * crmkit.machines.customer=customer-lifecycle
 * crmkit.segment-rules=repaired11
 * </pre>
 */
@ConfigurationProperties("crmkit")
public class CrmkitProperties {
  /**
   * Location of the organisation (org units, territories, users): a "crmkit.access-data/1"
   * document; its records array (may be empty) is ignored.
   */
  private @Nullable String organisation;

  /** Location of the access policy, a "crmkit.policy/1" document; needs crmkit.organisation. */
  private @Nullable String policy;

  /**
   * Lifecycle machines by name: a built-in machine (customer-lifecycle, sales-funnel,
   * lead-temperature, contact-stages, business-process) or the location of a "crmkit.lifecycle/1"
   * document.
   */
  private Map<String, String> machines = new LinkedHashMap<>();

  /** Segment rules: the built-in "repaired11" or the location of a "crmkit.segment-rules/1" document. */
  private @Nullable String segmentRules;

  /** Assignment: the team and the rules documents. */
  private final Assignment assignment = new Assignment();

  /** Hierarchies by name: locations of "crmkit.hierarchy/1" documents (string keys). */
  private Map<String, String> hierarchies = new LinkedHashMap<>();

  /** crm-jdbc over the application's DataSource. */
  private final Jdbc jdbc = new Jdbc();

  /** Reloading the definitions when their files change. */
  private final Reload reload = new Reload();

  public @Nullable String getOrganisation() {
    return organisation;
  }

  public void setOrganisation(@Nullable String organisation) {
    this.organisation = organisation;
  }

  public @Nullable String getPolicy() {
    return policy;
  }

  public void setPolicy(@Nullable String policy) {
    this.policy = policy;
  }

  public Map<String, String> getMachines() {
    return machines;
  }

  public void setMachines(Map<String, String> machines) {
    this.machines = machines;
  }

  public @Nullable String getSegmentRules() {
    return segmentRules;
  }

  public void setSegmentRules(@Nullable String segmentRules) {
    this.segmentRules = segmentRules;
  }

  public Assignment getAssignment() {
    return assignment;
  }

  public Map<String, String> getHierarchies() {
    return hierarchies;
  }

  public void setHierarchies(Map<String, String> hierarchies) {
    this.hierarchies = hierarchies;
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  public Reload getReload() {
    return reload;
  }

  /** {@code crmkit.assignment.*}. */
  public static class Assignment {
    /** Location of the team (users and rep profiles), a "crmkit.assignment-team/1" document. */
    private @Nullable String team;

    /** Location of the assignment rules, a "crmkit.assignment-rules/1" document; needs the team. */
    private @Nullable String rules;

    public @Nullable String getTeam() {
      return team;
    }

    public void setTeam(@Nullable String team) {
      this.team = team;
    }

    public @Nullable String getRules() {
      return rules;
    }

    public void setRules(@Nullable String rules) {
      this.rules = rules;
    }
  }

  /** {@code crmkit.jdbc.*}. */
  public static class Jdbc {
    /** Whether to create crm-jdbc's stores over the application's DataSource. */
    private boolean enabled = true;

    /**
     * Whether to apply crmkit's schema migrations at start-up with crm-jdbc's own applier; turn it
     * off when Flyway applies classpath:META-INF/crmkit/db/{vendor}.
     */
    private boolean migrate = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isMigrate() {
      return migrate;
    }

    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }

  /** {@code crmkit.reload.*}. */
  public static class Reload {
    /**
     * Whether to re-read the definitions when a file: location changes; an invalid new version is
     * logged and the old definitions keep serving.
     */
    private boolean enabled = false;

    /** How often to look at the files' modification times. */
    private Duration interval = Duration.ofSeconds(5);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }
}

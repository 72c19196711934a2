package org.crmkit.spring.boot;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.assignment.AssignmentRules;
import org.crmkit.core.hierarchy.Hierarchy;
import org.crmkit.core.lifecycle.Machine;
import org.crmkit.permissions.AccessPolicy;
import org.crmkit.permissions.Organisation;
import org.crmkit.segmentation.rules.SegmentRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled crmkit definitions the {@code crmkit.*} properties name: organisation, access
 * policy, lifecycle machines, segment rules, assignment rules and hierarchies. Each accessor
 * returns the current definition; {@link #reload} (called by the file watcher when {@code
 * crmkit.reload.enabled=true}) swaps all of them atomically, or none: if any new document is
 * invalid, the old definitions keep serving and the problems are logged.
 *
 * <p>Thread-safe. Inject this bean where definitions may be reloaded; the plain {@code
 * AccessPolicy}, {@code SegmentRules} … beans are the definitions read at start-up.
 */
public final class CrmkitDefinitions {
  private static final Logger LOG = LoggerFactory.getLogger(CrmkitDefinitions.class);

  private final DefinitionLoader loader;
  private final AtomicReference<DefinitionLoader.Snapshot> current;

  CrmkitDefinitions(DefinitionLoader loader) {
    this.loader = loader;
    this.current = new AtomicReference<>(loader.load());
  }

  /** The organisation, if {@code crmkit.organisation} is set. */
  public Optional<Organisation> organisation() {
    return Optional.ofNullable(current.get().organisation());
  }

  /** The access policy, if {@code crmkit.policy} is set. */
  public Optional<AccessPolicy> policy() {
    return Optional.ofNullable(current.get().policy());
  }

  /** The machines by name ({@code crmkit.machines.*}), unmodifiable. */
  public Map<String, Machine> machines() {
    return current.get().machines();
  }

  /**
   * The machine {@code name}.
   *
   * @throws NoSuchElementException if no {@code crmkit.machines.<name>} is configured
   */
  public Machine machine(String name) {
    Machine m = current.get().machines().get(name);
    if (m == null) {
      throw new NoSuchElementException("no machine '" + name + "'; configured (crmkit.machines.*): "
          + current.get().machines().keySet());
    }
    return m;
  }

  /** The segment rules, if {@code crmkit.segment-rules} is set. */
  public Optional<SegmentRules> segmentRules() {
    return Optional.ofNullable(current.get().segmentRules());
  }

  /** The assignment rules, if {@code crmkit.assignment.rules} is set. */
  public Optional<AssignmentRules> assignmentRules() {
    return Optional.ofNullable(current.get().assignmentRules());
  }

  /** The hierarchies by name ({@code crmkit.hierarchies.*}), unmodifiable. */
  public Map<String, Hierarchy<String>> hierarchies() {
    return current.get().hierarchies();
  }

  /**
   * Re-reads every document and swaps the definitions if all are valid.
   *
   * @return true if the definitions were replaced, false if a document was invalid (the old
   *     definitions keep serving; the problems are logged at WARN)
   */
  public boolean reload() {
    try {
      current.set(loader.load());
      LOG.info("crmkit definitions reloaded");
      return true;
    } catch (InvalidDefinitionException e) {
      LOG.warn("crmkit definitions not reloaded, the previous ones keep serving: {}", e.getMessage());
      return false;
    }
  }

  /** Reloads if a {@code file:} document changed since the last load; see {@link #reload}. */
  public boolean reloadIfChanged() {
    return loader.changedSince(current.get()) && reload();
  }
}

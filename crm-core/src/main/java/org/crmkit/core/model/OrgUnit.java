package org.crmkit.core.model;

import java.util.Optional;
import org.crmkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * An organisation unit: a company, division, department, sub-department or team. Units form a
 * hierarchy through {@link #parent()}; see {@code Hierarchies.ofOrgUnits}.
 */
@Value.Immutable
public abstract class OrgUnit {

  /** The unit's identifier. */
  public abstract OrgUnitId id();

  /** Display name; not blank. */
  public abstract String name();

  /** The enclosing unit; empty for the top of the organisation. */
  public abstract Optional<OrgUnitId> parent();

  /** The unit's level name (e.g. "division", "department", "team"), if levels are used. */
  public abstract Optional<String> level();

  @Value.Check
  void check() {
    Checks.nonBlank("OrgUnit.name", name());
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OrgUnit} values; {@code id} and {@code name} are required. */
  public static final class Builder extends ImmutableOrgUnit.Builder {}
}

package org.crmkit.permissions;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.model.OrgUnitId;
import org.crmkit.core.model.TeamId;
import org.crmkit.core.model.TerritoryId;
import org.crmkit.core.model.UserId;
import org.immutables.value.Value;

/**
 * A snapshot of the access-relevant fields of one record that the host application fills: its id
 * and object type, its owner, org unit, territory and owning team, the members of its record team
 * and the attributes sharing and deny conditions look at. Immutable; build with {@link
 * #builder()}.
 *
 * <pre>{@code
 * AccessRecord acme = AccessRecord.builder()
 *     .id("acme").type(ObjectType.CUSTOMER).owner(UserId.of("bob"))
 *     .orgUnit(OrgUnitId.of("sales-north")).putAttributes("industry", "retail")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class AccessRecord {

  /** The record's id (unique within its object type). */
  public abstract String id();

  /** The record's object type. */
  public abstract ObjectType type();

  /** The owning user. */
  public abstract UserId owner();

  /** The org unit that owns the record (usually the owner's). */
  public abstract OrgUnitId orgUnit();

  /** The record's territory, if it has one. */
  public abstract Optional<TerritoryId> territory();

  /** The record's owning team, if it has one. */
  public abstract Optional<TeamId> team();

  /** The members of the record's record team (access team); unmodifiable. */
  public abstract Set<UserId> members();

  /** Attributes that sharing and deny conditions test; unmodifiable. */
  public abstract Map<String, String> attributes();

  @Value.Check
  void check() {
    Checks.nonBlank("AccessRecord.id", id());
  }

  /** A new builder; {@code id}, {@code type}, {@code owner} and {@code orgUnit} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AccessRecord} values. */
  public static final class Builder extends ImmutableAccessRecord.Builder {}
}

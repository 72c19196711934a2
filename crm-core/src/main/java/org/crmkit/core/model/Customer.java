package org.crmkit.core.model;

import java.util.Map;
import java.util.Optional;
import org.crmkit.core.internal.Checks;
import org.immutables.value.Value;

/**
 * A customer: an individual or an organisation, with the dimensions a CRM classifies it by.
 * Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * Customer acme = Customer.builder()
 *     .id(CustomerId.of("acme")).name("ACME Corp").kind(CustomerKind.ORGANISATION)
 *     .industry("manufacturing").sizeBand(SizeBand.LARGE)
 *     .territory(TerritoryId.of("berlin")).owner(UserId.of("alice"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Customer {

  /** The customer's identifier. */
  public abstract CustomerId id();

  /** Display name; not blank. */
  public abstract String name();

  /** Individual or organisation; defaults to {@link CustomerKind#ORGANISATION}. */
  @Value.Default
  public CustomerKind kind() {
    return CustomerKind.ORGANISATION;
  }

  /** The parent company, for organisations that belong to a group (account hierarchy). */
  public abstract Optional<CustomerId> parent();

  /** Industry, free text chosen by the host (e.g. "retail"). */
  public abstract Optional<String> industry();

  /** Company size band. */
  public abstract Optional<SizeBand> sizeBand();

  /** The territory the customer belongs to. */
  public abstract Optional<TerritoryId> territory();

  /** The user who owns the customer record. */
  public abstract Optional<UserId> owner();

  /** The organisation unit that owns the record (usually the owner's unit). */
  public abstract Optional<OrgUnitId> orgUnit();

  /** The lifecycle stage name, as defined by the host's lifecycle machine. */
  public abstract Optional<String> lifecycleStage();

  /** Free attributes (e.g. "needs" → "custom", "source" → "web"); unmodifiable. */
  public abstract Map<String, String> attributes();

  @Value.Check
  void check() {
    Checks.nonBlank("Customer.name", name());
    if (parent().isPresent() && parent().get().equals(id())) {
      throw new org.crmkit.core.CrmException(
          "Customer.parent must differ from the customer's own id, but both were '" + id() + "'");
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Customer} values; {@code id} and {@code name} are required. */
  public static final class Builder extends ImmutableCustomer.Builder {}
}

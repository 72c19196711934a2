package org.crmkit.spring.boot;

import java.util.Optional;
import org.crmkit.permissions.AccessRecord;
import org.crmkit.permissions.ObjectType;

/**
 * How the permission evaluator finds the record an id names: the application's own lookup (its
 * table, its repository), as a bean. Without such a bean every {@code hasPermission} by id is
 * denied, with that reason as the explanation.
 *
 * <pre>{@code
 * @Bean CrmkitRecords records(CustomerRepository customers) {
 *   return (type, id) -> customers.findById(id).map(Customer::toAccessRecord);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CrmkitRecords {
  /** The record of {@code type} with {@code id}, if it exists. */
  Optional<AccessRecord> find(ObjectType type, String id);
}

package org.crmkit.spring.boot;

import java.util.Optional;
import org.crmkit.core.model.User;

/**
 * How the permission evaluator finds the crmkit {@link User} of an authenticated principal. The
 * default bean looks the principal's name up among the users of {@code crmkit.organisation}; an
 * application whose user directory lives elsewhere declares its own bean.
 */
@FunctionalInterface
public interface CrmkitUsers {
  /** The user whose id is the principal's name, if known. */
  Optional<User> find(String principalName);
}

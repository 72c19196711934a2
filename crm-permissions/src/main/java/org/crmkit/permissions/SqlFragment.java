package org.crmkit.permissions;

import java.util.List;

/**
 * A parameterised SQL {@code WHERE} fragment: {@code sql} with {@code ?} placeholders and the
 * values to bind, in order. Immutable.
 *
 * @param sql the fragment, to be combined with {@code AND} into the host's query
 * @param parameters the values for the placeholders, in order; unmodifiable
 */
public record SqlFragment(String sql, List<Object> parameters) {
  /** Creates the fragment; copies the parameters. */
  public SqlFragment {
    parameters = List.copyOf(parameters);
  }
}

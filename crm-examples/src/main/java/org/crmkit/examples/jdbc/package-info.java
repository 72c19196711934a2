/**
 * An example persistence adapter over plain JDBC: customers, lifecycle state with a version column
 * (optimistic concurrency), the transition audit log, and permission predicates applied as SQL
 * {@code WHERE} fragments. Runs unchanged on H2 and PostgreSQL.
 */
@NullMarked
package org.crmkit.examples.jdbc;

import org.jspecify.annotations.NullMarked;

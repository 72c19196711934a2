/**
 * Plain-JDBC persistence for crmkit: {@link org.crmkit.jdbc.LifecycleStore}, {@link
 * org.crmkit.jdbc.AssignmentStateStore}, {@link org.crmkit.jdbc.ModelStore}, {@link
 * org.crmkit.jdbc.ScoreStore}, {@link org.crmkit.jdbc.AccessQuery} and the schema {@link
 * org.crmkit.jdbc.Migrations}. Every store takes a {@link javax.sql.DataSource}, runs each call in
 * its own transaction and is thread-safe.
 */
@NullMarked
package org.crmkit.jdbc;

import org.jspecify.annotations.NullMarked;

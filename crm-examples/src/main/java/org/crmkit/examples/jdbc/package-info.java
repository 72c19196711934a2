/**
 * The host side of persistence in the examples: the application's own customer table, filtered by
 * crm-jdbc's {@link org.crmkit.jdbc.AccessQuery}, and a URL-based data source for the command
 * line. crmkit's own state (lifecycle, audit log, models, scores) is stored by crm-jdbc.
 */
@NullMarked
package org.crmkit.examples.jdbc;

import org.jspecify.annotations.NullMarked;

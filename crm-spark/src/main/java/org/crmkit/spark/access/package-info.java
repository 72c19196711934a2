/**
 * crmkit's record-level access on Apache Spark: an {@link org.crmkit.permissions.AccessPredicate}
 * translated to a Spark {@link org.apache.spark.sql.Column} (no SQL text), record teams joined
 * from a membership table, the result equal to {@link
 * org.crmkit.permissions.AccessPolicy#filter}.
 */
@NullMarked
package org.crmkit.spark.access;

import org.jspecify.annotations.NullMarked;

/**
 * crmkit hierarchies on Apache Spark: a node table of preorder positions and subtree sizes from a
 * compiled {@link org.crmkit.core.hierarchy.Hierarchy}, so that "is in the subtree of" is a range
 * condition and roll-ups over every subtree are range joins plus one aggregation.
 */
@NullMarked
package org.crmkit.spark.hierarchy;

import org.jspecify.annotations.NullMarked;

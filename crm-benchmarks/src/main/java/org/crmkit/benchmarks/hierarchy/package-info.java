/**
 * JMH benchmarks of {@code org.crmkit.core.hierarchy.Hierarchy} side by side with Guava's
 * {@code com.google.common.graph} and a naive parent-pointer walk, on the same random forest.
 */
package org.crmkit.benchmarks.hierarchy;

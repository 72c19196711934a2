/**
 * JMH benchmarks of crmkit's lifecycle machines side by side with squirrel-foundation,
 * stateless4j and Spring Statemachine on the same sales funnel.
 */
package org.crmkit.benchmarks.lifecycle;

/** JMH benchmarks of lead assignment ({@code org.crmkit.core.assignment}). */
package org.crmkit.benchmarks.assignment;

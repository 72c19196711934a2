/** JMH benchmarks of crmkit, side by side with peer libraries. */
package org.crmkit.benchmarks;

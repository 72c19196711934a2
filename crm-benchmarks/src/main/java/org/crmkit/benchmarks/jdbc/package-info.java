/** JMH benchmarks of crm-jdbc: the nightly batch of RFM scores stored on an H2 file database. */
package org.crmkit.benchmarks.jdbc;

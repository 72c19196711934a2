/** JMH benchmarks of the lifetime-value models: fitting on CDNOW, predicting a million customers. */
package org.crmkit.benchmarks.clv;

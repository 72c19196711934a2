/**
 * RFM benchmarks: crmkit's columnar aggregate + score + segment path and DuckDB computing the same
 * scores with SQL window functions, on the same seeded data (10 M transactions of 1 M customers).
 */
package org.crmkit.benchmarks.segmentation;

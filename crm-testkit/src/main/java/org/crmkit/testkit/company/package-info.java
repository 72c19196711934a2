/**
 * A seeded, realistic sample company (territories, organisation, employees, product lines,
 * customers with group companies, two years of transactions) for demos, examples and load tests.
 */
@NullMarked
package org.crmkit.testkit.company;

import org.jspecify.annotations.NullMarked;

/**
 * Seeded generators of crmkit inputs — customers, skewed transactions (also column-wise), territory
 * hierarchies, segment rule sets — as plain {@code RandomGenerator → T} functions usable from any
 * property-testing engine, with {@link org.crmkit.testkit.QuickTheoriesGens} adapters for
 * QuickTheories.
 */
@NullMarked
package org.crmkit.testkit;

import org.jspecify.annotations.NullMarked;

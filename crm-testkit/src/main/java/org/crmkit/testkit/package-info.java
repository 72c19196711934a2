/**
 * Property testing of crmkit rules and scores: engine-neutral generators ({@link
 * org.crmkit.testkit.Generator}) that make every random choice through {@link
 * org.crmkit.testkit.Choices}, so an engine shrinks each choice; customer bases and adversarial
 * inputs ({@link org.crmkit.testkit.Populations}); ready-made checks of a user's segment rules
 * ({@link org.crmkit.testkit.SegmentRuleChecks}); the QuickTheories adapter and reporter ({@link
 * org.crmkit.testkit.QuickTheoriesGens}) and a runner for plain tests ({@link
 * org.crmkit.testkit.PlainProperty}).
 */
@NullMarked
package org.crmkit.testkit;

import org.jspecify.annotations.NullMarked;

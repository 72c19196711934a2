/**
 * Immutable hierarchies (forests) for every CRM dimension: account groups, territories with level
 * schemas, product lines, organisation units, role and management chains.
 *
 * <p>A {@link org.crmkit.core.hierarchy.Hierarchy} is built once, validated as a whole, and
 * compiled into preorder arrays, so that ancestry checks are O(1) and roll-ups over every subtree
 * take one O(n) pass.
 */
@CrmStyle
@NullMarked
package org.crmkit.core.hierarchy;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;

/**
 * Versioned JSON documents for crm-core definitions (hierarchies, lifecycle machines, assignment
 * rules). Domain types carry no Jackson annotations; readers here report every problem with its
 * JSON path.
 */
@NullMarked
package org.crmkit.core.json;

import org.jspecify.annotations.NullMarked;

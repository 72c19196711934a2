/**
 * The crmkit core: errors shared by every module ({@link org.crmkit.core.CrmException},
 * {@link org.crmkit.core.InvalidDefinitionException}). The domain model lives in
 * {@code org.crmkit.core.model}, hierarchies in {@code org.crmkit.core.hierarchy}.
 */
@NullMarked
package org.crmkit.core;

import org.jspecify.annotations.NullMarked;

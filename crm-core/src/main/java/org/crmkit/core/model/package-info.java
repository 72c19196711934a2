/**
 * The CRM domain model: typed identifiers, customers (individuals and organisations), users
 * (employees) with their organisation unit and manager, organisation units, territories, product
 * lines and purchase transactions. All values are immutable and built with fluent builders.
 */
@CrmStyle
@NullMarked
package org.crmkit.core.model;

import org.crmkit.core.internal.CrmStyle;
import org.jspecify.annotations.NullMarked;
